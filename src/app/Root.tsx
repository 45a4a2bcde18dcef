import { StrictMode, useLayoutEffect, useState } from 'react';
import { afterLazyParts } from '../components/hydration.ts';
import { App } from './App.tsx';
import { readUrlState, type UrlState } from './url-state.ts';

/** The state `index.html` is prerendered with: the page as a link without parameters opens it. */
export const PRERENDERED_STATE: UrlState = readUrlState('');

interface RootProps {
  /** What the address bar asks for. */
  readonly fromUrl: UrlState;
  /** True in the browser when the page was prerendered and is being hydrated. */
  readonly hydrating?: boolean;
}

/**
 * Hydrates the prerendered page, then shows what the address bar asks for.
 *
 * Hydration must render exactly what the build rendered, or React reports a mismatch and throws
 * the markup away. The build renders the page without parameters and a few views
 * (server/web/prerendered-views.ts), and the server sends the one a link asks for exactly; for
 * any other link it sends the default page, which the first-paint script marks
 * `data-restoring` (server/build/prerender.ts). Such a page is hydrated with the defaults, then
 * the link's state is swapped in (a fresh `App`) in a layout effect: that runs after hydration
 * and before the browser paints again, so the defaults are never painted over the link's values
 * once JavaScript runs (and before it runs, the page stays hidden; see docs/decisions/121). What
 * a reader typed into the prerendered form before hydration is adopted by `App`
 * (docs/decisions/124).
 */
export function Root({ fromUrl, hydrating = false }: RootProps) {
  // What the HTML shows: the link's own state unless the page was marked (nor, in `vite dev`,
  // prerendered at all).
  const [first] = useState(() =>
    hydrating && document.documentElement.hasAttribute('data-restoring')
      ? PRERENDERED_STATE
      : fromUrl,
  );
  const [shown, setShown] = useState(first);
  useLayoutEffect(() => {
    // A second render right after hydration, before the paint, is exactly what is needed here.
    // (A marked page is hidden until then: nothing typed into it is lost.)
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (first !== fromUrl) setShown(fromUrl);
    const page = document.documentElement;
    page.removeAttribute('data-restoring');
    afterLazyParts(() => {
      // Observable by anything outside the app (tests, benchmarks) that must not act before the
      // handlers are attached and early input adopted (docs/decisions/160).
      page.dataset.hydrated = '';
      // The first-paint script held the clicks made before now: it clicks them again (prerender.ts).
      document.dispatchEvent(new Event('playground:hydrated'));
    });
  }, [first, fromUrl]);
  return (
    <StrictMode>
      {shown === first ? (
        <App key="first" initial={shown} hydrated={hydrating} />
      ) : (
        <App key="from-url" initial={shown} />
      )}
    </StrictMode>
  );
}
