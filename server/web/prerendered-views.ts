// Pure (no node:*): the build, the Node server and the edge worker import it.

/**
 * The views the build prerenders besides the default page (`index.html`, the page without
 * parameters), by the query string they are for, exactly as the app writes it (src/app/url-state.ts,
 * the `Embed this` dialog): the embed and guided views a documentation page links to, with and
 * without the demo server. `/` serves the one whose query string is exactly the request's, so it
 * paints from the HTML as the tool does; any other query (the same parameters in another order
 * too) gets `index.html`, which stays hidden until the app has applied the link
 * (docs/decisions/121). A static host serves `index.html` for every query: the same, slower path.
 * The page's first-paint script compares the same strings (server/build/prerender.ts).
 */
export const PRERENDERED_VIEWS: Readonly<Record<string, string>> = {
  '?embed=1': 'view-embed.html',
  '?guided=1': 'view-guided.html',
  '?embed=1&guided=1': 'view-embed-guided.html',
  '?embed=1&demo=1': 'view-embed-demo.html',
  '?guided=1&demo=1': 'view-guided-demo.html',
  '?embed=1&guided=1&demo=1': 'view-embed-guided-demo.html',
};

/** The file `/` serves for a query string (`location.search`): its prerendered view, else `index.html`. */
export function pageForQuery(search: string): string {
  return PRERENDERED_VIEWS[search] ?? 'index.html';
}
