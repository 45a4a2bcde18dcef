/** Where the demo API is mounted on every Node host, beside the demo server under `/demo`. */
export const DEMO_API_PATH_PREFIX = '/demo-api';

/** The demo API's one resource: `GET` it with an access token of the demo server. */
export const DEMO_API_REPORTS_PATH = `${DEMO_API_PATH_PREFIX}/reports`;

/**
 * The query parameter that picks how the API checks a token: `check=introspect` asks the demo
 * server (RFC 7662), absent or `check=jwt` verifies the JWT offline. A query parameter, because a
 * reader can type it into the API URL, and a DPoP proof's htu excludes the query (RFC 9449 §4.3).
 */
export const DEMO_API_CHECK_PARAMETER = 'check';

/** The scope a token needs to read the reports (RFC 6750 §3.1 `insufficient_scope` without it). */
export const DEMO_API_SCOPE = 'read:reports';

/** DPoP proof algorithms the demo API verifies (RFC 9449 §7.1 `algs`), the demo server's too. */
export const DEMO_API_DPOP_ALGS: readonly string[] = ['ES256', 'RS256'];

/**
 * How old a DPoP proof may be at the demo API (RFC 9449 §11.1), the same 300 s the demo server
 * allows at its token endpoint, and how far ahead of this server's clock its `iat` may be
 * (docs/decisions/301-demo-api-proof-window.md).
 */
export const DPOP_PROOF_MAX_AGE_SECONDS = 300;
export const DPOP_PROOF_MAX_FUTURE_SECONDS = 60;
