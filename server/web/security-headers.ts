// Pure (no node:*): vite.config.ts, the Node server, the Vite preview and the edge worker import it.

/**
 * The playground page's Content-Security-Policy.
 *
 * One list for both places it goes: the header of the standalone server and `vite preview`, and
 * the `<meta http-equiv>` tag built into `dist/index.html` (so a static host serving `dist/` still
 * protects the page). `frame-ancestors` is deliberately absent, because docs sites embed the
 * playground in an iframe (`embed=1`); a meta tag could not carry it anyway (CSP3 §6.4.2 ignores
 * it there). For the same reason no `X-Frame-Options` is sent.
 *
 * `styleHashes` (`'sha256-…'`, see `inlineStyleHashes`) allow the built page's one inline stylesheet,
 * the first screen's CSS (docs/decisions/124), and nothing else inline.
 *
 * `connect-src 'self'`: the page talks only to its own `/api/*`; every other host is reached
 * through the proxy. `form-action 'none'` and `base-uri 'none'`: the app never submits a form
 * natively nor needs a `<base>`.
 */
export function contentSecurityPolicy(options: { styleHashes?: readonly string[] } = {}): string {
  const { styleHashes = [] } = options;
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes].join(' '),
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Headers for every HTML response of the playground (standalone server and `vite preview`).
 *
 * - CSP as above (with the hashes of the page's inline styles: `inlineStyleHashes`), plus `frame-ancestors` when the operator limits which sites may embed the page
 *   (`FRAME_ANCESTORS`, see `parseFrameAncestors`; unset, any site may: decision 014);
 * - `X-Content-Type-Options: nosniff`;
 * - `Referrer-Policy: no-referrer`: a link from the page never tells anyone which token endpoint
 *   or client ID was on screen (they are in the URL when shared);
 * - `Permissions-Policy`: the page needs no device or payment API;
 * - `Cross-Origin-Opener-Policy: same-origin`: a page that opened the playground in a window
 *   gets no handle on it (ignored for iframes, so embedding still works).
 */
export function htmlSecurityHeaders(
  options: { frameAncestors?: readonly string[]; styleHashes?: readonly string[] } = {},
): Record<string, string> {
  const { frameAncestors = [], styleHashes } = options;
  const csp = contentSecurityPolicy({ styleHashes });
  return {
    'content-security-policy':
      frameAncestors.length > 0 ? `${csp}; frame-ancestors ${frameAncestors.join(' ')}` : csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
  };
}

const INLINE_STYLE = /<style>([\s\S]*?)<\/style>/g;

/**
 * The CSP hash source (`'sha256-…'`, CSP3 §8.4) of each `<style>` element in `html`, in order: what
 * a header must list for the page's inline stylesheet to apply. The build writes the first
 * screen's CSS inline (server/build/prerender.ts); every host computes the hashes from the page
 * it serves, so a rebuilt page never meets a stale list.
 */
export async function inlineStyleHashes(html: string): Promise<string[]> {
  const hashes: string[] = [];
  for (const [, css = ''] of html.matchAll(INLINE_STYLE)) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css));
    hashes.push(`'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
  }
  return hashes;
}

/** A source a `frame-ancestors` list may hold here: an http(s) origin, optionally `*.` wildcarded. */
const FRAME_ANCESTOR_ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

export class FrameAncestorsError extends Error {
  override readonly name = 'FrameAncestorsError';
}

/**
 * Parses `FRAME_ANCESTORS`: the sites allowed to embed the playground, separated by commas or
 * spaces, each an origin (`https://docs.example.com`, `https://*.example.com`, with a port if
 * needed) or `'self'`; or `'none'` alone to forbid embedding. Empty or unset gives `[]`: no
 * `frame-ancestors`, so any site may embed it (decision 014). Only the syntax is checked, so a typo
 * cannot widen the list into something CSP (CSP3 §6.4.2) reads differently.
 *
 * Throws `FrameAncestorsError` naming the first entry that is none of these.
 */
export function parseFrameAncestors(value: string | undefined): string[] {
  const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    if (entry === "'none'" && entries.length > 1)
      throw new FrameAncestorsError("'none' cannot be combined with other sources");
    if (entry !== "'self'" && entry !== "'none'" && !FRAME_ANCESTOR_ORIGIN.test(entry))
      throw new FrameAncestorsError(
        `"${entry}" is not an origin like https://docs.example.com or https://*.example.com, nor 'self' or 'none'`,
      );
  }
  return entries.map((entry) => entry.replace(/\/$/, ''));
}
