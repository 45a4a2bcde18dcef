import { lazy, useId, useRef, useState } from 'react';
import { LazyPart } from '../components/LazyPart.tsx';
import type { Theme } from './url-state.ts';

const EmbedDialogContent = lazy(() => import('./EmbedDialogContent.tsx'));

export interface EmbedDialogProps {
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
export function EmbedDialog(props: EmbedDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  // Bumped at each opening: the content remounts with the page's current mode as its options.
  const [openings, setOpenings] = useState(0);

  function open() {
    setOpenings((count) => count + 1);
    dialog.current?.showModal();
  }

  return (
    <>
      <button type="button" className="button button-small" onClick={open}>
        Embed this
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={headingId}>
        {openings > 0 ? (
          <LazyPart
            name="The embed code"
            id={headingId}
            loading={<p id={headingId}>Loading the embed code…</p>}
          >
            <EmbedDialogContent key={openings} {...props} headingId={headingId} />
          </LazyPart>
        ) : null}
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </dialog>
    </>
  );
}
