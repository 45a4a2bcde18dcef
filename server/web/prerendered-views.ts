// Pure (no node:*): the build, the Node server and the edge worker import it.

/**
 * The views the build prerenders besides the default page (`index.html`, the page without
 * parameters), by the query they are for, in canonical form (`canonicalQuery`): the embed and
 * guided views a documentation page links to, with and without the demo server. `/` serves the
 * one whose query is exactly the request's (in any order), so it paints from the HTML as the tool
 * does; any other query gets `index.html`, which stays hidden until the app has applied the link
 * (docs/decisions/121). A static host serves `index.html` for every query: the same, slower path.
 */
export const PRERENDERED_VIEWS: Readonly<Record<string, string>> = {
  'embed=1': 'view-embed.html',
  'guided=1': 'view-guided.html',
  'embed=1&guided=1': 'view-embed-guided.html',
  'demo=1&embed=1': 'view-embed-demo.html',
  'demo=1&guided=1': 'view-guided-demo.html',
  'demo=1&embed=1&guided=1': 'view-embed-guided-demo.html',
};

/**
 * A query string with its parameters sorted by name (`?guided=1&embed=1` → `embed=1&guided=1`):
 * the same view whatever order a link lists them in. The first-paint script computes the same
 * (server/build/prerender.ts).
 */
export function canonicalQuery(search: string): string {
  const params = new URLSearchParams(search);
  params.sort();
  return params.toString();
}

/** The file `/` serves for a query: its prerendered view, else `index.html`. */
export function pageForQuery(search: string): string {
  return PRERENDERED_VIEWS[canonicalQuery(search)] ?? 'index.html';
}
