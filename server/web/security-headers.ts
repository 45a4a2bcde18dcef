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
 * `connect-src 'self'`: the page talks only to its own `/api/*`; every other host is reached
 * through the proxy. `form-action 'none'` and `base-uri 'none'`: the app never submits a form
 * natively nor needs a `<base>`.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
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
 * - CSP as above;
 * - `X-Content-Type-Options: nosniff`;
 * - `Referrer-Policy: no-referrer`: a link from the page never tells anyone which token endpoint
 *   or client ID was on screen (they are in the URL when shared);
 * - `Permissions-Policy`: the page needs no device or payment API;
 * - `Cross-Origin-Opener-Policy: same-origin`: a page that opened the playground in a window
 *   gets no handle on it (ignored for iframes, so embedding still works).
 */
export function htmlSecurityHeaders(): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
  };
}
