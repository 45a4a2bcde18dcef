import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createServer, minifySync } from 'vite';
import { PRERENDERED_VIEWS } from '../web/prerendered-views.ts';
import { contentSecurityPolicy, inlineStyleHashes } from '../web/security-headers.ts';

/** The module that renders the first screen (it exports `renderFirstScreen(query): Promise<string>`). */
const PRERENDER_ENTRY = '/src/app/prerender.tsx';
const EMPTY_ROOT = '<div id="root"></div>';
const MODULE_SCRIPT = /[ \t]*<script type="module" crossorigin src="([^"]+)"><\/script>\n?/;
const STYLESHEET = /[ \t]*<link rel="stylesheet" crossorigin href="(\/assets\/[^"]+\.css)">\n?/;
const FAVICON_LINK = /<link rel="icon" href="\/favicon\.svg" type="image\/svg\+xml" \/>/;
const MODULE_PRELOAD = /[ \t]*<link rel="modulepreload" crossorigin href="([^"]+)">\n?/g;

/**
 * The one script in `index.html`, a file in `<head>` (the CSP allows no inline script) that runs
 * before the first paint and starts the app after it (docs/decisions/124):
 *
 * - A link whose query string is not the one this page was prerendered for (`data-view` on
 *   `<html>`, server/web/prerendered-views.ts) would otherwise paint
 *   another view first: it marks the page so the stylesheet keeps it hidden until the app has
 *   applied the link (src/app/Root.tsx), and loads the app at once, since nothing is painted
 *   before it. Any other parameter counts: deciding which ones matter is the app's job.
 * - Otherwise the prerendered page paints from the HTML alone, and the app's modules are
 *   requested once the browser reports that first paint (Paint Timing), so on a slow link they
 *   never compete with it. A hidden page (a background tab, which paints nothing) or a browser
 *   without paint timing loads at once, and a timer covers a report that never comes.
 * - Until the app has hydrated the page, a click on a button (a tab, Show secret, Guided…) or a
 *   disclosure's summary would reach no handler: it is held (its default action too) and clicked
 *   again once the app says `playground:hydrated` (src/app/Root.tsx). A choice in a select list
 *   (`Server`) stays on screen but not in the app's state: it is made again then, as a change
 *   event. Links work unaided, and what is typed or chosen in text fields and radio buttons stays
 *   in the page, where the app adopts it (src/app/early-input.ts).
 */
export function firstPaintScript(entry: string, preloads: readonly string[]): string {
  return `(() => {
  const restoring = location.search !== (document.documentElement.dataset.view);
  if (restoring) document.documentElement.setAttribute('data-restoring', '');
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    for (const href of ${JSON.stringify(preloads)}) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.append(link);
    }
    const script = document.createElement('script');
    script.type = 'module';
    script.src = ${JSON.stringify(entry)};
    document.head.append(script);
  };
  if (!restoring) {
    const held = [];
    const hold = (event) => {
      const control = event.target instanceof Element ? event.target.closest('button, summary') : null;
      if (!control) return;
      event.preventDefault();
      event.stopPropagation();
      held.push(control);
    };
    const chosen = new Map();
    const choose = (event) => chosen.set(event.target, event.target.value);
    document.addEventListener('click', hold, true);
    document.addEventListener('change', choose, true);
    document.addEventListener('playground:hydrated', () => {
      document.removeEventListener('click', hold, true);
      document.removeEventListener('change', choose, true);
      for (const [select, value] of chosen) {
        if (!(select instanceof HTMLSelectElement) || !select.isConnected) continue;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
      for (const control of held) if (control.isConnected) control.click();
    }, { once: true });
  }
  const paintReported = PerformanceObserver.supportedEntryTypes?.includes('paint');
  if (restoring || document.visibilityState === 'hidden' || !paintReported) start();
  else {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      start();
    }).observe({ type: 'paint', buffered: true });
    setTimeout(start, 1000);
  }
})();
`;
}

function isRenderer(
  value: unknown,
): value is { renderFirstScreen: (query: string) => Promise<string> } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'renderFirstScreen' in value &&
    typeof value.renderFirstScreen === 'function'
  );
}

/**
 * Renders the app's first screen for each query (`''`, the page without parameters, then each
 * prerendered view's) with React's server renderer, through Vite's module loader.
 */
async function renderFirstScreens(root: string, queries: readonly string[]): Promise<string[]> {
  const server = await createServer({
    root,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const entry: unknown = await server.ssrLoadModule(PRERENDER_ENTRY);
    if (!isRenderer(entry)) throw new Error(`${PRERENDER_ENTRY} exports no renderFirstScreen()`);
    const screens: string[] = [];
    for (const query of queries) screens.push(await entry.renderFirstScreen(query));
    return screens;
  } finally {
    await server.close();
  }
}

const escapeAttribute = (value: string): string =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/**
 * Makes the built `index.html` paint on its own (docs/decisions/121, 124), and writes beside it one
 * page for each prerendered view (server/web/prerendered-views.ts, docs/decisions/240):
 *
 * - the first screen prerendered into `#root` (hydrated by src/app/main.tsx), a view's page marked
 *   with the query it shows (`<html data-view>`);
 * - the first screen's stylesheet inline, so the first paint waits for one request less, and the
 *   page's Content-Security-Policy first in `<head>` as a meta tag allowing exactly that style by
 *   its hash (a static host serving `dist/` still protects the page; the hosts send the same
 *   policy as a header);
 * - the favicon inline as a `data:` URL (the CSP's `img-src` allows it): one request less while
 *   the page loads;
 * - Vite's module script and preloads replaced by the first-paint script, named after its
 *   content like Vite's own assets.
 */
export async function prerenderIndexHtml(root: string, outDir: string): Promise<void> {
  const indexFile = path.join(outDir, 'index.html');
  const html = await readFile(indexFile, 'utf8');
  if (!html.includes(EMPTY_ROOT)) throw new Error(`index.html has no empty ${EMPTY_ROOT}`);
  const entry = MODULE_SCRIPT.exec(html)?.[1];
  if (entry === undefined) throw new Error('index.html has no module script to hydrate with');
  const stylesheet = STYLESHEET.exec(html)?.[1];
  if (stylesheet === undefined) throw new Error('index.html has no stylesheet to inline');
  const preloads = [...html.matchAll(MODULE_PRELOAD)].map((match) => match[1] ?? '');
  const views = Object.entries(PRERENDERED_VIEWS);
  const [markup = '', ...viewMarkups] = await renderFirstScreens(root, [
    '',
    ...views.map(([query]) => query),
  ]);

  // Minified like Vite's own chunks: it is part of every first load.
  const minified = minifySync('first-paint.js', firstPaintScript(entry, preloads));
  if (minified.errors.length > 0) throw new Error('the first-paint script does not minify');
  const script = minified.code;
  const hash = createHash('sha256').update(script).digest('base64url').slice(0, 8);
  const scriptPath = `/assets/first-paint-${hash}.js`;
  await writeFile(path.join(outDir, scriptPath), script);

  if (!FAVICON_LINK.test(html)) throw new Error('index.html has no /favicon.svg icon link');
  const favicon = (await readFile(path.join(outDir, 'favicon.svg'), 'utf8')).trim();
  const firstScreenCss = (await readFile(path.join(outDir, stylesheet), 'utf8')).trim();
  /** The page for a markup, with its inline stylesheet and the CSP that allows exactly that. */
  const page = async (markup: string, css: string): Promise<string> => {
    const style = `<style>${css}</style>`;
    const policy = contentSecurityPolicy({ styleHashes: await inlineStyleHashes(style) });
    return html
      .replace(
        '<head>',
        () =>
          `<head>\n    <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}">`,
      )
      .replace(
        FAVICON_LINK,
        () =>
          `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(favicon)}" type="image/svg+xml" />`,
      )
      .replace(MODULE_SCRIPT, '')
      .replace(MODULE_PRELOAD, '')
      .replace(STYLESHEET, () => `    ${style}\n`)
      .replace('</head>', () => `  <script src="${scriptPath}"></script>\n  </head>`)
      .replace(EMPTY_ROOT, () => `<div id="root">${markup}</div>`);
  };
  await writeFile(indexFile, withView(await page(markup, firstScreenCss), ''));
  const assets = await readdir(path.join(outDir, 'assets'));
  for (const [index, [query, file]] of views.entries()) {
    // A view drawn by a lazily loaded chunk paints with that chunk's styles too (Vite names a
    // chunk's stylesheet after it); the chunk adds the same rules again when it loads.
    const chunkCss: string[] = [];
    for (const chunk of lazyChunksDrawing(query)) {
      const css = assets.find((name) => name.startsWith(`${chunk}-`) && name.endsWith('.css'));
      if (css === undefined) throw new Error(`no stylesheet of the ${chunk} chunk in assets/`);
      chunkCss.push((await readFile(path.join(outDir, 'assets', css), 'utf8')).trim());
    }
    const viewPage = await page(viewMarkups[index] ?? '', [firstScreenCss, ...chunkCss].join('\n'));
    await writeFile(path.join(outDir, file), withView(viewPage, query));
  }
}

/** Marks a page with the query string it was prerendered for (`''` for the default page). */
function withView(page: string, query: string): string {
  const marked = page.replace(
    '<html lang="en">',
    () => `<html lang="en" data-view="${escapeAttribute(query)}">`,
  );
  if (marked === page) throw new Error('index.html has no <html lang="en">');
  return marked;
}

/** The lazily loaded chunks whose markup a prerendered view holds: the walkthrough's. */
function lazyChunksDrawing(query: string): string[] {
  return new URLSearchParams(query).has('guided') ? ['GuidedTool'] : [];
}
