import './embed-dialog.css';
import { useEffect, useId, useRef, useState } from 'react';
import { embedSnippet } from './embed-snippet.ts';
import { CopyButton } from '../components/CopyButton.tsx';
import { OutputField } from '../components/OutputField.tsx';
import type { EmbedDialogProps } from './EmbedDialog.tsx';
import type { Theme } from './url-state.ts';

const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];

/**
 * The `Embed this` dialog, opened (modal) as it mounts. Loaded when first opened (it is not part
 * of the first screen); mounted afresh at each opening, so the snippet starts from the page's
 * current settings.
 */
export default function EmbedDialogWindow(props: EmbedDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="embed-dialog" aria-labelledby={headingId}>
      <EmbedDialogContent {...props} headingId={headingId} />
      <button type="button" className="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}

/**
 * What the dialog shows: the options, the snippet (the frame and the script that sizes it, copied
 * in one press) and a preview of that frame. The options start as a tutorial needs them: the demo
 * server (a docs reader has no account of this page's author) and the guided walkthrough.
 */
function EmbedDialogContent({
  embedUrl,
  headingId,
}: Pick<EmbedDialogProps, 'embedUrl'> & { readonly headingId: string }) {
  const [guided, setGuided] = useState(true);
  const [demo, setDemo] = useState(true);
  const [theme, setTheme] = useState<Theme>('auto');
  const src = embedUrl({ guided, demo, theme });
  const snippet = embedSnippet(src, window.location.origin);

  return (
    <>
      <h2 id={headingId}>Embed this playground</h2>
      <p className="hint">
        Paste this into a documentation page: the frame opens with this page's settings, never the
        client secret, and the script sizes it to its content.
      </p>
      <div className="embed-options">
        <label>
          <input type="checkbox" checked={guided} onChange={(e) => setGuided(e.target.checked)} />{' '}
          Start in guided mode
        </label>
        <label>
          <input type="checkbox" checked={demo} onChange={(e) => setDemo(e.target.checked)} /> Use
          the demo server (no account needed)
        </label>
        <label>
          Theme{' '}
          <select
            className="input input-inline"
            value={theme}
            onChange={(e) => setTheme(THEMES.find((t) => t === e.target.value) ?? 'auto')}
          >
            <option value="auto">Follow the reader&apos;s system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </div>
      <OutputField
        id="embed-code"
        label="Embed code"
        value={snippet}
        multiline
        actions={<CopyButton label="Copy embed code" value={snippet} />}
      />
      <h3 className="embed-preview-heading">Preview</h3>
      {/* The frame the snippet writes, as a reader will meet it (its height fixed here: the
          dialog has no room for the whole walkthrough). Loaded once scrolled to. */}
      <iframe
        className="embed-preview"
        src={src}
        title="Preview of the embed"
        allow="clipboard-write"
        loading="lazy"
      />
    </>
  );
}
