import { prerender } from 'react-dom/static';
import { Root } from './Root.tsx';
import { readUrlState, writeUrlState } from './url-state.ts';

/**
 * The first screen as HTML for a query (`''` for the page without parameters, or one of the
 * prerendered views'), rendered at build time (server/build/prerender.ts) so it paints before any
 * JavaScript runs. A tool or walkthrough loaded lazily is in the markup too, and hydration finds
 * what it renders.
 */
export async function renderFirstScreen(query: string): Promise<string> {
  const state = readUrlState(query);
  // The server picks a view by its exact query string: one the app never writes would never match.
  if (writeUrlState(state.form, state.embed, state.tool, state.view) !== query)
    throw new Error(`"${query}" is not the query string the app writes for its view`);
  // A part larger than React's progressive chunk (12.8 KB by default: the walkthrough is) is
  // written as its fallback, with its content after it and an inline script to swap them, which
  // the page's CSP refuses to run: the whole page is one chunk here.
  const { prelude } = await prerender(<Root fromUrl={state} />, {
    progressiveChunkSize: Number.POSITIVE_INFINITY,
  });
  const html = await new Response(prelude).text();
  if (html.includes('<script') || html.includes('<template'))
    throw new Error(`the first screen for "${query}" has a part written out of place`);
  return html;
}
