import type { ClientAuthMethod } from '../client-auth/method.ts';
import { isClientAuthMethod } from '../client-auth/methods.ts';
/**
 * The wire protocol between the page and the playground's own server (`/api/session`,
 * `/api/proxy`): header names, error codes with their statuses and meaning, the error body and
 * the session body. The one definition both sides import (server/proxy answers with it, the
 * page's proxy client reads it), so they cannot drift apart.
 *
 * Plain types and small hand-written validators, no zod: the server imports this file too, and
 * the page's first screen must not pay for a schema library it does not use.
 */

/** Request and response headers of `/api/proxy` (lower-case, as `Headers` returns them). */
export const PROXY_HEADERS = {
  /** Request: the absolute URL the proxy calls. */
  target: 'x-proxy-target',
  /** Request: the signed, expiring token from `/api/session` (renewed by the page before expiry). */
  token: 'x-proxy-token',
  /** Response: the error code when the proxy answers itself (repeats the JSON body's `code`). */
  error: 'x-proxy-error',
  /** Response: milliseconds the upstream call took, measured by the proxy. */
  elapsedMs: 'x-proxy-elapsed-ms',
  /**
   * Request: `1` asks the proxy to answer `/api/proxy` with HTTP 200 and to carry the status it
   * would have answered in `statusInHeader`. The page sends it on every call: a 401 or 404 it
   * receives is data it explains (and discovery expects some candidates to fail), and a browser
   * logs every 4xx or 5xx fetch as an error in its console.
   */
  wantsStatusInHeader: 'x-proxy-status-in-header',
  /** Response: the real status of the answer, when the request asked for `wantsStatusInHeader`. */
  statusInHeader: 'x-proxy-status',
} as const;

/**
 * Upstream response headers the proxy relays under another name, because a browser acts on them:
 * a 401 carrying `WWW-Authenticate: Basic` makes the browser open its own login dialog (and hold
 * the page's fetch until it is dismissed), and a 3xx carrying `Location` makes `fetch` follow the
 * redirect from the page, to another origin, which the proxy exists to prevent.
 */
export const RENAMED_RESPONSE_HEADERS = {
  'www-authenticate': 'x-upstream-www-authenticate',
  location: 'x-upstream-location',
} as const satisfies Readonly<Record<string, `x-upstream-${string}`>>;

/**
 * The largest request body the proxy relays, unless its host sets another. A token request
 * (RFC 6749 §4.4.2) is a few hundred bytes; the page tells users this limit when the proxy refuses
 * a body as too large.
 */
export const PROXY_MAX_REQUEST_BYTES = 16 * 1024;

/** A code the proxy answers with: its HTTP status, and what it means for someone reading logs. */
interface AnsweredCode {
  readonly status: number;
  readonly meaning: string;
}

/**
 * Every answer the proxy makes up itself (as opposed to relaying the upstream's) carries one of
 * these codes, so the page can tell "the token endpoint said no" from "the proxy could not ask it".
 */
export const PROXY_ERROR_CODES = {
  missing_target: { status: 400, meaning: 'No X-Proxy-Target header.' },
  invalid_target: {
    status: 400,
    meaning: 'X-Proxy-Target is not an absolute http(s) URL without user:password@.',
  },
  proxy_token: {
    status: 403,
    meaning:
      "X-Proxy-Token is missing, expired, or not signed by this server's secret for this origin.",
  },
  cross_origin: {
    status: 403,
    meaning: 'The caller is not the playground page itself (Origin / Sec-Fetch-Site).',
  },
  unknown_host: {
    status: 403,
    meaning:
      'The request reached the playground under a Host name it does not serve (the DNS rebinding guard); nothing to do with the target.',
  },
  target_forbidden: {
    status: 403,
    meaning: 'The target is refused by policy (private address, plain http, not allowed).',
  },
  not_found: { status: 404, meaning: 'No such route under /api.' },
  method_not_allowed: { status: 405, meaning: 'Wrong method for the route.' },
  request_timeout: {
    status: 408,
    meaning: 'The caller did not send its whole request within the time limit.',
  },
  request_too_large: { status: 413, meaning: 'The request body is larger than the proxy accepts.' },
  unsupported_media_type: {
    status: 415,
    meaning: 'A POST whose body is neither form-urlencoded nor JSON.',
  },
  rate_limited: { status: 429, meaning: 'This client sent too many requests; see Retry-After.' },
  busy: {
    status: 503,
    meaning:
      "Too many upstream requests are in flight at once, from all callers (the server's capacity, not this caller's fault); see Retry-After.",
  },
  response_too_large: {
    status: 502,
    meaning: 'The upstream answer is larger than the proxy relays.',
  },
  dns: { status: 502, meaning: 'The target host name does not resolve.' },
  connection_refused: { status: 502, meaning: 'Nothing listens at the target address and port.' },
  tls: {
    status: 502,
    meaning: "The target's certificate is not trusted (expired, self-signed, another name).",
  },
  tls_protocol: {
    status: 502,
    meaning: 'No TLS at the target: https was used for a port that speaks plain http (or not TLS).',
  },
  network: {
    status: 502,
    meaning: 'Any other transport failure (reset, unreachable network, malformed answer).',
  },
  timeout: { status: 504, meaning: 'No complete answer from the target within the time limit.' },
} as const satisfies Readonly<Record<string, AnsweredCode>>;

export type ProxyErrorCode = keyof typeof PROXY_ERROR_CODES;

/**
 * Codes that only appear in the proxy's log, never in an answer: `client_closed` is the caller
 * going away mid-request, so there is nobody left to answer (and it is not an upstream failure).
 */
export const PROXY_LOG_ONLY_CODES = {
  client_closed: { meaning: 'The caller disconnected before the answer was sent.' },
} as const satisfies Readonly<Record<string, Omit<AnsweredCode, 'status'>>>;

/** Any code a proxy log line may carry. */
export type ProxyLogCode = ProxyErrorCode | keyof typeof PROXY_LOG_ONLY_CODES;

export function isProxyErrorCode(value: string): value is ProxyErrorCode {
  return Object.hasOwn(PROXY_ERROR_CODES, value);
}

/**
 * The JSON body of every proxy-generated error: `{ "proxyError": { "code", "message" } }`.
 * The message is a sentence for a person; it never contains a credential, a request body, a
 * header value or the proxy token.
 */
export interface ProxyErrorBody {
  readonly proxyError: { readonly code: ProxyErrorCode; readonly message: string };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The proxy error in a parsed JSON body, or `undefined` when the body is not one (another shape,
 * or a code this page does not know: a newer server may add codes, and the caller then falls back
 * to the `X-Proxy-Error` header and the status).
 */
export function parseProxyErrorBody(json: unknown): ProxyErrorBody | undefined {
  if (!isRecord(json) || !isRecord(json.proxyError)) return undefined;
  const { code, message } = json.proxyError;
  if (typeof code !== 'string' || !isProxyErrorCode(code) || typeof message !== 'string')
    return undefined;
  return { proxyError: { code, message } };
}

/**
 * One client of the built-in demo authorization server. Its credentials are public on purpose:
 * they only work against the demo server of a running playground.
 */
export interface DemoClient {
  /** What the page shows next to the credentials. */
  readonly label: string;
  readonly clientId: string;
  /**
   * The secret of a client that authenticates with one (client_secret_basic / client_secret_post).
   * Empty for a key client (`privateKeyJwk` present): the field stays a string because pages from
   * before private_key_jwt refuse a session whose clients lack it (docs/decisions/135-…).
   */
  readonly clientSecret: string;
  /** Space-separated scopes the client may request (RFC 6749 §3.3). */
  readonly scope: string;
  /**
   * How the demo server expects it to authenticate: its registered `token_endpoint_auth_method`
   * (RFC 7591 §2). Sessions from older servers lack it: a key client's is private_key_jwt, any
   * other's client_secret_basic.
   */
  readonly authMethod: ClientAuthMethod;
  /**
   * Present for a client that authenticates with private_key_jwt (RFC 7523 §2.2, OIDC Core §9): the
   * private key it signs its assertions with, published on purpose like the demo secrets. Absent
   * for secret clients and in sessions from older servers.
   */
  readonly privateKeyJwk?: DemoPrivateJwk;
  /**
   * Present for a client registered with `dpop_bound_access_tokens: true` (RFC 9449 §5.2): the
   * demo server refuses its token requests without a DPoP proof. Absent for every other client and
   * in sessions from older servers.
   */
  readonly dpopBound?: true;
}

/**
 * A private key as a JWK (RFC 7517): `kty`, `kid` and `alg` always, the key type's members (RSA:
 * `n`, `e`, `d`, `p`, `q`, `dp`, `dq`, `qi`; EC: `crv`, `x`, `y`, `d`), every one a string.
 */
export interface DemoPrivateJwk {
  readonly kty: string;
  readonly kid: string;
  readonly alg: string;
  readonly d: string;
  readonly [member: string]: string;
}

/** What the page learns about the built-in demo authorization server. */
export interface DemoServerInfo {
  /** e.g. `http://127.0.0.1:4173/demo` */
  readonly issuer: string;
  /** e.g. `http://127.0.0.1:4173/demo/token` */
  readonly tokenEndpoint: string;
  /** e.g. `http://127.0.0.1:4173/demo/.well-known/openid-configuration` */
  readonly discoveryUrl: string;
  /** e.g. `http://127.0.0.1:4173/demo/jwks` */
  readonly jwksUri: string;
  /**
   * Dynamic client registration (RFC 7591 §3), e.g. `http://127.0.0.1:4173/demo/reg`: POST a JSON
   * body `{ "jwks": { "keys": [publicJwk] } }` through the proxy to get a private_key_jwt client
   * (201 with `client_id`, no secret). Absent where the server has none (`/demo-raw`, older servers).
   */
  readonly registrationEndpoint?: string;
  readonly clients: readonly DemoClient[];
  /**
   * How it reads credentials in the Basic header: `form-decoded` as RFC 6749 §2.3.1 says
   * (oidc-provider, under `/demo`) or `raw`, the bytes as they arrive (@node-oauth/oauth2-server,
   * under `/demo-raw`). Absent in a session from an older server: `form-decoded`, the only one then.
   */
  readonly basicCredentials?: DemoBasicCredentials;
  /**
   * The demo API, an absolute URL such as `http://127.0.0.1:4173/demo-api/reports`: a resource
   * server that accepts this demo server's access tokens (Bearer, or DPoP-bound with a proof).
   * Absent where none is hosted (`/demo-raw`, older servers).
   */
  readonly apiUrl?: string;
}

export type DemoBasicCredentials = 'form-decoded' | 'raw';

/**
 * The JSON body of `GET /api/session`: everything the page needs at run time and must not have
 * baked into its bundle. `demo` is null where no demo server is hosted (a bare fetch runtime).
 */
export interface SessionBody {
  readonly proxyToken: string;
  /**
   * Seconds the token stays valid, counted from the answer (relative, like OAuth's `expires_in`,
   * so a page whose clock is wrong still renews in time).
   */
  readonly proxyTokenExpiresIn: number;
  readonly demo: DemoServerInfo | null;
  /**
   * The second demo server, which reads Basic credentials raw (`/demo-raw`); null where none is
   * hosted. A second entry rather than a list, so a page reading only `demo` keeps working.
   */
  readonly demoRaw?: DemoServerInfo | null;
}

/** The proxy token is an expiry and a 43-character HMAC; anything short is not one. */
const MIN_PROXY_TOKEN_LENGTH = 16;

function parsePrivateJwk(json: unknown): DemoPrivateJwk | undefined {
  if (!isRecord(json)) return undefined;
  const members: Record<string, string> = {};
  for (const [name, value] of Object.entries(json)) {
    if (typeof value !== 'string') return undefined;
    members[name] = value;
  }
  const { kty, kid, alg, d } = members;
  if (kty === undefined || kid === undefined || alg === undefined || d === undefined)
    return undefined;
  return { ...members, kty, kid, alg, d };
}

function parseDemoClient(json: unknown): DemoClient | undefined {
  if (!isRecord(json)) return undefined;
  const { label, clientId, clientSecret, scope } = json;
  if (
    typeof label !== 'string' ||
    typeof clientId !== 'string' ||
    typeof clientSecret !== 'string' ||
    typeof scope !== 'string'
  )
    return undefined;
  const authMethod =
    json.authMethod ??
    (json.privateKeyJwk === undefined ? 'client_secret_basic' : 'private_key_jwt');
  if (!isClientAuthMethod(authMethod)) return undefined;
  if (json.dpopBound !== undefined && json.dpopBound !== true) return undefined;
  const dpop = json.dpopBound === true ? { dpopBound: true as const } : {};
  if (json.privateKeyJwk === undefined)
    return { label, clientId, clientSecret, scope, authMethod, ...dpop };
  const privateKeyJwk = parsePrivateJwk(json.privateKeyJwk);
  if (privateKeyJwk === undefined) return undefined;
  return { label, clientId, clientSecret, scope, authMethod, privateKeyJwk, ...dpop };
}

function parseDemoServerInfo(json: unknown): DemoServerInfo | undefined {
  if (!isRecord(json) || !Array.isArray(json.clients)) return undefined;
  const { issuer, tokenEndpoint, discoveryUrl, jwksUri, registrationEndpoint, apiUrl } = json;
  const basicCredentials = json.basicCredentials ?? 'form-decoded';
  if (basicCredentials !== 'form-decoded' && basicCredentials !== 'raw') return undefined;
  if (registrationEndpoint !== undefined && typeof registrationEndpoint !== 'string')
    return undefined;
  if (apiUrl !== undefined && typeof apiUrl !== 'string') return undefined;
  if (
    typeof issuer !== 'string' ||
    typeof tokenEndpoint !== 'string' ||
    typeof discoveryUrl !== 'string' ||
    typeof jwksUri !== 'string'
  )
    return undefined;
  const clients = json.clients.map(parseDemoClient);
  if (clients.length === 0 || clients.some((client) => client === undefined)) return undefined;
  return {
    issuer,
    tokenEndpoint,
    discoveryUrl,
    jwksUri,
    clients: clients.filter(isDefined),
    basicCredentials,
    ...(registrationEndpoint === undefined ? {} : { registrationEndpoint }),
    ...(apiUrl === undefined ? {} : { apiUrl }),
  };
}

const isDefined = <T>(value: T | undefined): value is T => value !== undefined;

/**
 * The session in a parsed `/api/session` JSON body, or `undefined` when it is not one: the page
 * then says the server sent something unexpected instead of failing later on a missing field.
 * Extra fields are dropped.
 */
export function parseSessionBody(json: unknown): SessionBody | undefined {
  if (!isRecord(json)) return undefined;
  const { proxyToken, proxyTokenExpiresIn } = json;
  if (typeof proxyToken !== 'string' || proxyToken.length < MIN_PROXY_TOKEN_LENGTH)
    return undefined;
  if (
    typeof proxyTokenExpiresIn !== 'number' ||
    !Number.isFinite(proxyTokenExpiresIn) ||
    proxyTokenExpiresIn <= 0
  )
    return undefined;
  const demo = json.demo === null ? null : parseDemoServerInfo(json.demo);
  // An older server sends no `demoRaw`: the same as none hosted.
  const demoRaw =
    json.demoRaw === null || json.demoRaw === undefined ? null : parseDemoServerInfo(json.demoRaw);
  if (demo === undefined || demoRaw === undefined) return undefined;
  return { proxyToken, proxyTokenExpiresIn, demo, demoRaw };
}

/**
 * The upstream's response headers as the token endpoint sent them, from the proxy's answer:
 * the renamed ones back under their real names, the proxy's own `x-proxy-*` left out.
 */
export function upstreamHeadersOf(relayed: Headers): Headers {
  const realNames = new Map<string, string>(
    Object.entries(RENAMED_RESPONSE_HEADERS).map(([real, renamed]) => [renamed, real]),
  );
  const headers = new Headers();
  relayed.forEach((value, name) => {
    if (!name.startsWith('x-proxy-')) headers.set(realNames.get(name) ?? name, value);
  });
  return headers;
}
