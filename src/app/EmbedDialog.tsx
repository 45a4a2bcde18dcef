import { lazy, useState } from 'react';
import { LazyPart } from '../components/LazyPart.tsx';
import type { Theme } from './url-state.ts';

const EmbedDialogWindow = lazy(() => import('./EmbedDialogContent.tsx'));

export interface EmbedDialogProps {
  /**
   * The embed's address for the given options: built by the shell from the shareable state, which
   * never holds the secret.
   */
  readonly embedUrl: (options: { guided: boolean; demo: boolean; theme: Theme }) => string;
}

/**
 * `Embed this`: the HTML a documentation page pastes to embed the playground as it is set up now
 * (never with the secret), and the script that lets the frame size itself to its content. Only
 * the button is part of the first screen: the dialog loads when first opened.
 */
export function EmbedDialog(props: EmbedDialogProps) {
  // Bumped at each opening: the dialog remounts (and opens) with the page's current settings.
  const [openings, setOpenings] = useState(0);
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => setOpenings((count) => count + 1)}
      >
        Embed this
      </button>
      {openings > 0 ? (
        <LazyPart name="The embed code" loading={null}>
          <EmbedDialogWindow key={openings} {...props} />
        </LazyPart>
      ) : null}
    </>
  );
}
