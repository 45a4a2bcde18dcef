// Pure and host-neutral (no node:*): the Node server, `vite preview` and the build all decide
// with these functions, and so can an edge host serving the same `dist/`.

/** Content types of the files a build holds. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
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

/**
 * Text formats worth compressing. Images and fonts in the list above are already compressed
 * formats (SVG excepted: it is text).
 */
const COMPRESSIBLE_EXTENSIONS = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.map',
  '.txt',
  '.md',
  '.svg',
]);

/** A content coding the build writes beside each text asset, best first. */
export type StoredEncoding = 'br' | 'gzip';

/** The file suffix the build gives each stored encoding (`app.js.br`, `app.js.gz`). */
export const ENCODING_SUFFIX: Readonly<Record<StoredEncoding, string>> = {
  br: '.br',
  gzip: '.gz',
};

/** Preference when the client accepts several equally: brotli is smaller for the same text. */
const PREFERENCE: readonly StoredEncoding[] = ['br', 'gzip'];

/** The extension of a path's last segment, lower-cased, with its dot (`''` without one). */
export function extensionOf(urlPath: string): string {
  const name = urlPath.slice(urlPath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

export function isCompressible(urlPath: string): boolean {
  return COMPRESSIBLE_EXTENSIONS.has(extensionOf(urlPath));
}

/**
 * Content codings the request accepts with their q-values (RFC 9110 §12.5.3): names are
 * case-insensitive, `q=0` means "not acceptable", `*` stands for every coding not listed.
 */
function acceptedCodings(acceptEncoding: string): Map<string, number> {
  const accepted = new Map<string, number>();
  for (const item of acceptEncoding.split(',')) {
    const [name, ...params] = item.split(';').map((part) => part.trim());
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const match = /^q\s*=\s*([01](?:\.\d{0,3})?)$/i.exec(param);
      if (match?.[1] !== undefined) q = Number(match[1]);
    }
    accepted.set(name.toLowerCase(), q);
  }
  return accepted;
}

/**
 * The stored encoding to send for a request's `Accept-Encoding`, or `null` for the original
 * bytes (`identity`). Picks the highest q-value among those `available`, brotli on a tie. No
 * header means "no preference" (RFC 9110 §12.5.3), yet the original is what every client can
 * read, so it gets the original.
 */
export function chooseEncoding(
  acceptEncoding: string | null | undefined,
  available: ReadonlySet<StoredEncoding>,
): StoredEncoding | null {
  if (!acceptEncoding) return null;
  const accepted = acceptedCodings(acceptEncoding);
  const wildcard = accepted.get('*');
  let best: StoredEncoding | null = null;
  let bestQ = 0;
  for (const encoding of PREFERENCE) {
    if (!available.has(encoding)) continue;
    const q = accepted.get(encoding) ?? (encoding === 'gzip' ? accepted.get('x-gzip') : undefined);
    const effective = q ?? wildcard ?? 0;
    if (effective > bestQ) {
      best = encoding;
      bestQ = effective;
    }
  }
  return best;
}

/** Hashed build output: the name changes with the content, so it may be cached for good. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * `Cache-Control` for a built file: Vite's hashed `/assets/*` never change under one name;
 * everything else (`index.html`, the favicon) keeps its name across builds, so the browser
 * revalidates it on every use (`no-cache`, with an ETag).
 */
export function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? IMMUTABLE : 'no-cache';
}
