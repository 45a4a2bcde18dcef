import './embed-dialog.css';
import { useEffect, useId, useRef, useState } from 'react';
import { embedIframeHtml, embedResizeScript } from './embed-snippet.ts';
import { CopyButton } from '../components/CopyButton.tsx';
import { OutputField } from '../components/OutputField.tsx';
import type { EmbedDialogProps } from './EmbedDialog.tsx';
import type { Theme } from './url-state.ts';

const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];

/**
 * The `Embed this` dialog, opened (modal) as it mounts. Loaded when first opened (it is not part
 * of the first screen); mounted afresh at each opening, so the options start from the page's
 * current mode.
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

/** What the dialog shows: the options, the one-line frame and the resize script. */
function EmbedDialogContent({
  embedUrl,
  guided: guidedNow,
  demo: demoNow,
  headingId,
}: EmbedDialogProps & { readonly headingId: string }) {
  const [guided, setGuided] = useState(guidedNow);
  const [demo, setDemo] = useState(demoNow);
  const [theme, setTheme] = useState<Theme>('auto');
  const iframe = embedIframeHtml(embedUrl({ guided, demo, theme }));
  const script = embedResizeScript(window.location.origin);

  return (
    <>
      <h2 id={headingId}>Embed this playground</h2>
      <p className="hint">
        Paste the frame into a documentation page: it opens with this page's settings, never the
        client secret. The script sizes the frame to its content.
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
        id="embed-iframe"
        label="Embed code"
        value={iframe}
        multiline
        actions={<CopyButton label="Copy embed code" value={iframe} />}
      />
      <OutputField
        id="embed-script"
        label="Resize script"
        value={script}
        multiline
        actions={<CopyButton label="Copy resize script" value={script} />}
      />
    </>
  );
}
