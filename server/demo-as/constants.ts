/** Where the demo authorization server is mounted on every host (issuer `http://HOST:PORT/demo`, README "The built-in demo authorization server"). */
export const DEMO_PATH_PREFIX = '/demo';

/** The made-up API the demo server issues access tokens for: the `aud` of every token. */
export const DEMO_RESOURCE = 'api://playground';

/**
 * A second made-up API, reached by naming it: as RFC 8707 `resource`, or as `audience` (the
 * parameter Auth0 and others use), which the demo server takes for the resource.
 */
export const DEMO_AUDIENCE_RESOURCE = 'api://playground-reports';

/** Scopes the demo API knows (RFC 6749 §3.3). `openid` is not one: client credentials have no user. */
export const DEMO_SCOPES: readonly string[] = ['customScope', 'read:reports'];

/** Lifetime of a demo access token, like Okta's default of one hour. */
export const DEMO_ACCESS_TOKEN_TTL_SECONDS = 3600;

/** Where the second demo server, which reads Basic credentials raw, is mounted on every host. */
export const DEMO_RAW_PATH_PREFIX = '/demo-raw';
