import { useId, useRef, useState } from 'react';
import { embedIframeHtml, embedResizeScript } from '../core/embed-snippet.ts';
import { CopyButton } from '../components/CopyButton.tsx';
import { OutputField } from '../components/OutputField.tsx';
import type { Theme } from './url-state.ts';

const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];

interface EmbedDialogProps {
  /**
   * The embed's address for the given options: built by the shell from the shareable state, which
   * never holds the secret.
   */
  readonly embedUrl: (options: { guided: boolean; demo: boolean; theme: Theme }) => string;
  readonly guided: boolean;
  readonly demo: boolean;
}

/**
 * `Embed this`: the HTML a documentation page pastes to embed the playground as it is set up now
 * (never with the secret), and the script that lets the frame size itself to its content.
 */
export function EmbedDialog({ embedUrl, guided: guidedNow, demo: demoNow }: EmbedDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [guided, setGuided] = useState(guidedNow);
  const [demo, setDemo] = useState(demoNow);
  const [theme, setTheme] = useState<Theme>('auto');
  const iframe = embedIframeHtml(embedUrl({ guided, demo, theme }));
  const script = embedResizeScript(window.location.origin);

  function open() {
    setGuided(guidedNow);
    setDemo(demoNow);
    dialog.current?.showModal();
  }

  return (
    <>
      <button type="button" className="button button-small" onClick={open}>
        Embed this
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={headingId}>
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
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </dialog>
    </>
  );
}
