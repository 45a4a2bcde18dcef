/**
 * When the prerendered page is all React's. React hydrates a lazily loaded part (a `LazyPart`,
 * which is a Suspense boundary) after the rest of the page, once its code has arrived: until then
 * a click there reaches no handler. So whoever waits for the page (the first-paint script that
 * clicks again what was clicked early; tests and benchmarks, through `<html data-hydrated>`)
 * waits for the parts drawn at hydration too.
 */
const waiting = new Set<string>();
const arrived = new Set<string>();
let rootDone = false;
let whenDone: (() => void) | undefined;

function settle() {
  if (!rootDone || waiting.size > 0 || !whenDone) return;
  whenDone();
  whenDone = undefined;
}

/** A lazy part committed with the page (its layout effect); its content may come later. */
export function partDrawn(id: string): void {
  if (!rootDone && !arrived.has(id)) waiting.add(id);
}

/** A lazy part's content (or the sentence that it failed) is React's. */
export function partArrived(id: string): void {
  arrived.add(id);
  waiting.delete(id);
  settle();
}

/** The page's root has hydrated (its layout effect): `done` runs once the parts have too. */
export function afterLazyParts(done: () => void): void {
  rootDone = true;
  whenDone = done;
  settle();
}
