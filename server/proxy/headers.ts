/**
 * Request headers copied from the page's call to the upstream, and nothing else: `dpop` carries
 * a DPoP proof (RFC 9449 §4.1) to a token endpoint or, with `Authorization: DPoP`, to an API.
 *
 * Everything a browser adds about itself stays behind: `Origin` (Okta answers a `/token` request
 * that carries one with 401 "Browser requests to the token endpoint must use PKCE"), `Referer`,
 * `Cookie`, `Sec-Fetch-*`, and our own `X-Proxy-*`.
 */
export const FORWARDED_REQUEST_HEADERS: readonly string[] = [
  'authorization',
  'content-type',
  'accept',
  'dpop',
];

/**
 * Upstream response headers relayed to the page. Chosen for being useful to explain an answer and
 * harmless on our origin:
 * - `content-type`, `cache-control`, `pragma` (RFC 6749 §5.1 asks for `no-store`; the page checks);
 * - `www-authenticate` (RFC 6749 §5.2: present on a 401 `invalid_client`) and `location`
 *   (redirects are not followed; the page explains them), both renamed (see
 *   `RENAMED_RESPONSE_HEADERS` of the wire protocol);
 * - `retry-after`, `date`, `expires`, `x-rate-limit-limit`, `x-rate-limit-remaining`,
 *   `x-rate-limit-reset` (rate limiting, Okta's names);
 * - `x-okta-request-id` (what Okta support asks for), `dpop-nonce` (RFC 9449).
 *
 * Never `set-cookie` (it would land on our origin), `content-length`/`content-encoding` (the body
 * is re-framed), CORS or security headers of the upstream.
 */
export const RELAYED_RESPONSE_HEADERS: readonly string[] = [
  'content-type',
  'cache-control',
  'pragma',
  'retry-after',
  'date',
  'expires',
  'x-rate-limit-limit',
  'x-rate-limit-remaining',
  'x-rate-limit-reset',
  'x-okta-request-id',
  'dpop-nonce',
];
