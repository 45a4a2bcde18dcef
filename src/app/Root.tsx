import { StrictMode, useLayoutEffect, useState } from 'react';
import { App } from './App.tsx';
import { readUrlState, writeUrlState, type UrlState } from './url-state.ts';

/** The state `index.html` is prerendered with: the page as a link without parameters opens it. */
export const PRERENDERED_STATE: UrlState = readUrlState('');

/** True when a URL state shows exactly what the HTML rendered with `rendered` shows. */
function matchesPrerender(state: UrlState, rendered: UrlState): boolean {
  return (
    writeUrlState(state.form, state.embed, state.tool, state.view) ===
      writeUrlState(rendered.form, rendered.embed, rendered.tool, rendered.view) &&
    state.ignoredSecretParams.length === 0 &&
    state.invalidParams.length === 0
  );
}

interface RootProps {
  /** What the address bar asks for. */
  readonly fromUrl: UrlState;
  /** True in the browser when the page was prerendered and is being hydrated. */
  readonly hydrating?: boolean;
  /**
   * The state the HTML was prerendered with: the page without parameters, or a prerendered view
   * (server/web/prerendered-views.ts) when the server sent the one this link asks for.
   */
  readonly rendered?: UrlState;
}

/**
 * Hydrates the prerendered page, then shows what the address bar asks for.
 *
 * Hydration must render exactly what the build rendered (the defaults), or React reports a
 * mismatch and throws the markup away. A link with parameters then swaps in a fresh `App` with
 * its state in a layout effect: that runs after hydration and before the browser paints again,
 * so the defaults are never painted over the link's values once JavaScript runs (and before it
 * runs, the first-paint script keeps such a page hidden; see docs/decisions/121). What a reader
 * typed into the prerendered form before hydration is adopted by `App` (docs/decisions/124).
 */
export function Root({ fromUrl, hydrating = false, rendered = PRERENDERED_STATE }: RootProps) {
  const [shown, setShown] = useState(rendered);
  useLayoutEffect(() => {
    // A second render right after hydration, before the paint, is exactly what is needed here.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (!matchesPrerender(fromUrl, rendered)) setShown(fromUrl);
    const page = document.documentElement;
    page.removeAttribute('data-restoring');
    // Observable by anything outside the app (tests, benchmarks) that must not act before the
    // handlers are attached and early input adopted (docs/decisions/160).
    page.dataset.hydrated = '';
    // The first-paint script held the clicks made before now: it clicks them again (prerender.ts).
    document.dispatchEvent(new Event('playground:hydrated'));
  }, [fromUrl, rendered]);
  return (
    <StrictMode>
      {shown === rendered ? (
        <App key="prerendered" initial={shown} hydrated={hydrating} />
      ) : (
        <App key="from-url" initial={shown} />
      )}
    </StrictMode>
  );
}
