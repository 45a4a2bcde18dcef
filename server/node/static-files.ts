import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { htmlSecurityHeaders } from '../web/security-headers.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Hashed build output: the name changes with the content, so it may be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

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
 * `/assets/*` is immutable, other files are revalidated (`no-cache` + ETag). Unknown files are
 * 404: the app keeps its state in query parameters, so there is no client-side route to fall
 * back for. Only GET and HEAD.
 */
export function createStaticHandler(
  root: string,
  options: { frameAncestors?: readonly string[] } = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const securityHeaders = htmlSecurityHeaders(options);
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      notFound(res, 405, { allow: 'GET, HEAD' });
      return;
    }
    const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
    const file = resolveStaticPath(root, urlPath);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) {
      notFound(res);
      return;
    }

    const extension = path.extname(file).toLowerCase();
    const isHtml = extension === '.html';
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': urlPath.startsWith('/assets/') ? IMMUTABLE : 'no-cache',
      etag,
      ...(isHtml ? securityHeaders : {}),
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers['content-length'] = String(info.size);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(file), res).catch(() => res.destroy());
  };
}
