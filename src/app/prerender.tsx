import { prerender } from 'react-dom/static';
import { PRERENDERED_STATE, Root } from './Root.tsx';

/**
 * The first screen as HTML, rendered at build time into `index.html` (server/build/prerender.ts)
 * so it paints before any JavaScript runs. `prerender` waits for lazy parts to load, so a tool
 * loaded lazily is in the markup too, and hydration finds what it renders.
 */
export async function renderFirstScreen(): Promise<string> {
  const { prelude } = await prerender(<Root fromUrl={PRERENDERED_STATE} />);
  return new Response(prelude).text();
}
