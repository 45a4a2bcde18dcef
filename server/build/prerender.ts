import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createServer } from 'vite';

/** The module that renders the first screen (it exports `renderFirstScreen(): Promise<string>`). */
const PRERENDER_ENTRY = '/src/app/prerender.tsx';
const EMPTY_ROOT = '<div id="root"></div>';
const MODULE_SCRIPT = /<script type="module"[^>]*>/;

/**
 * Runs in `<head>` before the first paint, as a file (the CSP allows no inline script). A link
 * with parameters (a form to restore, `embed=1`) would otherwise paint the prerendered defaults
 * first; this marks the page so the stylesheet keeps it hidden until the app has applied the
 * link (src/app/Root.tsx). Any query string counts: deciding which ones matter is the app's job,
 * and hiding a page that needed no change costs only the moment until hydration.
 */
const FIRST_PAINT_SCRIPT =
  "if (location.search.length > 1) document.documentElement.setAttribute('data-restoring', '');\n";

function isRenderer(value: unknown): value is { renderFirstScreen: () => Promise<string> } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'renderFirstScreen' in value &&
    typeof value.renderFirstScreen === 'function'
  );
}

/** Renders the app's first screen with React's server renderer, through Vite's module loader. */
async function renderFirstScreen(root: string): Promise<string> {
  const server = await createServer({
    root,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const entry: unknown = await server.ssrLoadModule(PRERENDER_ENTRY);
    if (!isRenderer(entry)) throw new Error(`${PRERENDER_ENTRY} exports no renderFirstScreen()`);
    return await entry.renderFirstScreen();
  } finally {
    await server.close();
  }
}

/**
 * Puts the prerendered first screen into the built `index.html` (hydrated by src/app/main.tsx)
 * and the first-paint script beside it, named after its content like Vite's own assets.
 */
export async function prerenderIndexHtml(root: string, outDir: string): Promise<void> {
  const indexFile = path.join(outDir, 'index.html');
  const html = await readFile(indexFile, 'utf8');
  if (!html.includes(EMPTY_ROOT)) throw new Error(`index.html has no empty ${EMPTY_ROOT}`);
  const markup = await renderFirstScreen(root);

  const hash = createHash('sha256').update(FIRST_PAINT_SCRIPT).digest('base64url').slice(0, 8);
  const scriptPath = `/assets/first-paint-${hash}.js`;
  await writeFile(path.join(outDir, scriptPath), FIRST_PAINT_SCRIPT);

  if (!MODULE_SCRIPT.test(html)) throw new Error('index.html has no module script to hydrate with');
  const prerendered = html
    // The page paints without it: the stylesheet and the first-paint script go first.
    .replace(MODULE_SCRIPT, (tag) => tag.replace('<script ', '<script fetchpriority="low" '))
    .replace(EMPTY_ROOT, () => `<div id="root">${markup}</div>`)
    .replace('</head>', () => `  <script src="${scriptPath}"></script>\n  </head>`);
  await writeFile(indexFile, prerendered);
}
