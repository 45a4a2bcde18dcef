import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  cacheControlFor,
  chooseEncoding,
  CONTENT_TYPES,
  ENCODING_SUFFIX,
  isCompressible,
  type StoredEncoding,
} from '../static/asset-policy.ts';
import { pageForQuery } from '../web/prerendered-views.ts';
import { htmlSecurityHeaders, inlineStyleHashes } from '../web/security-headers.ts';

/**
 * Maps a URL path to a file strictly inside `root`, or undefined.
 *
 * The path is percent-decoded once, then refused if it holds a NUL, a backslash or any `..`
 * segment, then resolved and checked to still be under `root`: traversal cannot escape, whatever
 * the encoding tricks (`%2e%2e`, `..%2f`, doubled slashes).
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').some((segment) => segment === '..')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const absoluteRoot = path.resolve(root);
  const file = path.resolve(absoluteRoot, relative);
  if (file !== absoluteRoot && !file.startsWith(absoluteRoot + path.sep)) return undefined;
  return file;
}

const styleHashesByFile = new Map<
  string,
  { readonly mtimeMs: number; readonly hashes: string[] }
>();

/**
 * The CSP hashes of the inline styles of the HTML file `file` (security-headers.ts), read once per
 * version of the file: a rebuild while the server runs gets a header that matches the new page.
 */
export async function pageStyleHashes(file: string): Promise<string[]> {
  const { mtimeMs } = await stat(file);
  const known = styleHashesByFile.get(file);
  if (known?.mtimeMs === mtimeMs) return known.hashes;
  const hashes = await inlineStyleHashes(await readFile(file, 'utf8'));
  styleHashesByFile.set(file, { mtimeMs, hashes });
  return hashes;
}

function notFound(res: ServerResponse, status = 404, extra: Record<string, string> = {}): void {
  const body = status === 404 ? 'Not found\n' : 'Method not allowed\n';
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/**
 * Serves the built SPA from `root` (`dist/`): `/` is `index.html` (no-cache, security headers),
 * `/assets/*` is immutable, other files are revalidated (`no-cache` + ETag). A text file goes out
 * as the precompressed copy the build wrote (`.br`, `.gz`) that the request accepts best, with
 * `Vary: Accept-Encoding`: compressing ahead of time costs no CPU per request. Unknown files are
 * 404: the app keeps its state in query parameters, so there is no client-side route to fall
 * back for. Only GET and HEAD.
 */
export function createStaticHandler(
  root: string,
  options: { frameAncestors?: readonly string[] } = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      notFound(res, 405, { allow: 'GET, HEAD' });
      return;
    }
    const [urlPath = '/', query] = (req.url ?? '/').split('?', 2);
    // `/` is the page prerendered for the link's view when there is one (prerendered-views.ts),
    // else, as for a build without it, `index.html`.
    const search = query ? `?${query}` : '';
    const view = urlPath === '/' ? resolveStaticPath(root, `/${pageForQuery(search)}`) : undefined;
    const viewInfo = view ? await stat(view).catch(() => undefined) : undefined;
    const file = viewInfo?.isFile() ? view : resolveStaticPath(root, urlPath);
    const info = viewInfo?.isFile()
      ? viewInfo
      : file
        ? await stat(file).catch(() => undefined)
        : undefined;
    if (!file || !info?.isFile()) {
      notFound(res);
      return;
    }

    const extension = path.extname(file).toLowerCase();
    const isHtml = extension === '.html';
    const variant = isCompressible(file) ? await compressedVariant(file, info, req) : undefined;
    const sent = variant ?? { file, info, encoding: null };
    // One ETag per representation (RFC 9110 §8.8.3): the gzip and brotli bytes differ.
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${sent.encoding ? `-${sent.encoding}` : ''}"`;
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': cacheControlFor(urlPath),
      etag,
      ...(isCompressible(file) ? { vary: 'Accept-Encoding' } : {}),
      ...(sent.encoding ? { 'content-encoding': sent.encoding } : {}),
      ...(isHtml
        ? htmlSecurityHeaders({ ...options, styleHashes: await pageStyleHashes(file) })
        : {}),
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers['content-length'] = String(sent.info.size);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(sent.file), res).catch(() => res.destroy());
  };
}

/**
 * The precompressed file the build wrote beside `file` (`.br`, `.gz`) that the request accepts
 * best, or undefined to send the original. A variant older than its original is ignored: it
 * would be the compression of an earlier build.
 */
async function compressedVariant(
  file: string,
  original: Stats,
  req: IncomingMessage,
): Promise<{ file: string; info: Stats; encoding: StoredEncoding } | undefined> {
  const found = new Map<StoredEncoding, { file: string; info: Stats }>();
  for (const encoding of Object.keys(ENCODING_SUFFIX) as StoredEncoding[]) {
    const candidate = file + ENCODING_SUFFIX[encoding];
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile() && info.mtimeMs >= original.mtimeMs)
      found.set(encoding, { file: candidate, info });
  }
  const encoding = chooseEncoding(req.headers['accept-encoding'], new Set(found.keys()));
  const chosen = encoding === null ? undefined : found.get(encoding);
  return encoding === null || !chosen ? undefined : { ...chosen, encoding };
}
