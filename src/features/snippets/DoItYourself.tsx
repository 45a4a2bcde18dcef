import { lazy, Suspense, useState } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary.tsx';

const DoItYourselfRoutes = lazy(() => import('./DoItYourselfRoutes.tsx'));

export interface DoItYourselfProps {
  /** The real `clientid:clientsecret` pair: what the copy buttons copy. */
  readonly pair: string;
  /** The pair as shown (its secret masked while the secret is hidden). */
  readonly shownPair: string;
  /** The Base64 this page computed: what every route must print. */
  readonly base64: string;
  /**
   * What is still to be entered (see `missingCredentials`): until then there is nothing real to
   * encode, so no command is shown or copyable.
   */
  readonly missing?: string | null;
}

/**
 * Making the Base64 without this page, per operating system, with the guide's certutil route
 * told correctly, so nobody has to trust this page (or a Base64 website). A disclosure whose
 * routes load the first time it is opened.
 */
export function DoItYourself(props: DoItYourselfProps) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="check" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>Make the Base64 yourself: macOS, Linux, Windows</summary>
      {opened ? (
        <ErrorBoundary
          fallback={
            <p className="notice notice-error" role="alert">
              These commands could not load (offline, or the playground was updated): reload the
              page.
            </p>
          }
        >
          <Suspense fallback={<p className="hint">Loading the commands…</p>}>
            <DoItYourselfRoutes {...props} />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </details>
  );
}
