import type { AuthWay } from '../../client-auth/auth-ways.ts';
import type { ProxyFailureCode } from '../../proxy/proxy-error-help.ts';
import type { DemoServerInfo } from '../../proxy/proxy-protocol.ts';
import type { CauseId } from '../causes.ts';

/**
 * Answers to token requests whose true cause is known: each scenario is the evidence a user
 * would produce (the request as sent, the answer, the earlier attempts, what they pasted) and
 * the cause the page must name first. The answers are what the real servers send: the two demo
 * servers and oauth2orize + passport-http measured through the proxy, Okta's from its
 * documented error descriptions.
 *
 * To add one: append an entry with the fields below; `diagnose.test.ts` runs every entry.
 */

/** An answer as the proxy relays it, or the proxy's own refusal. */
export type ScenarioAnswer =
  | {
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      /** A JSON body is given as a value, any other body as text. */
      readonly json?: unknown;
      readonly text?: string;
    }
  | { readonly proxyFailure: ProxyFailureCode; readonly message: string };

export interface TokenAnswerScenario {
  readonly name: string;
  /** The request as sent: a secret way, or a method that sends an assertion (then signed). */
  readonly request: {
    readonly endpoint: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly scope: string;
    readonly way: AuthWay | 'client_secret_jwt' | 'private_key_jwt';
    /** The `DPoP` header the request carried (RFC 9449 §4.1), when it carried one. */
    readonly dpopProof?: string;
  };
  readonly answer: ScenarioAnswer;
  /** Earlier requests for the same inputs, oldest first. */
  readonly attempts?: ReadonlyArray<{ readonly way: AuthWay; readonly answer: ScenarioAnswer }>;
  /** Text pasted into a credential field (before the field removed its line breaks). */
  readonly pasted?: { readonly clientId?: string; readonly clientSecret?: string };
  /** `scopes_supported` from discovery, when the user fetched it. */
  readonly scopesSupported?: readonly string[];
  /** The cause the page must name first. */
  readonly cause: CauseId;
}

const ORIGIN = 'http://127.0.0.1:4173';

/** The demo servers and clients as `/api/session` hands them to the page (public on purpose). */
export const SCENARIO_DEMOS: readonly DemoServerInfo[] = (['/demo', '/demo-raw'] as const).map(
  (path) => ({
    issuer: `${ORIGIN}${path}`,
    tokenEndpoint: `${ORIGIN}${path}/token`,
    discoveryUrl: `${ORIGIN}${path}/.well-known/openid-configuration`,
    jwksUri: `${ORIGIN}${path}/jwks`,
    basicCredentials: path === '/demo' ? 'form-decoded' : 'raw',
    clients: [
      {
        label: 'Okta-style client',
        clientId: '0oademoclient0000001',
        clientSecret: 'JqtZd-uMfsckPmGRqH1hCyAQusCwo_16Dm0KTxVT',
        scope: 'customScope read:reports',
        authMethod: 'client_secret_basic',
      },
      {
        label: 'Client whose secret needs form-encoding',
        clientId: 'demo-special',
        clientSecret: 's3cr3t+/:%2B& with space',
        scope: 'customScope',
        authMethod: 'client_secret_basic',
      },
      ...(path === '/demo'
        ? [
            {
              label: 'Client whose tokens are bound to a key (DPoP)',
              clientId: 'demo-dpop',
              clientSecret: 'dpop-7Kq2Vx9LmT4rWc8NbZ3hYf6PsJd5Ga1EuXo0',
              scope: 'customScope read:reports',
              authMethod: 'client_secret_basic' as const,
              dpopBound: true as const,
            },
          ]
        : []),
    ],
    ...(path === '/demo' ? { apiUrl: `${ORIGIN}/demo-api/reports` } : {}),
  }),
);

const DEMO = `${ORIGIN}/demo/token`;
const DEMO_RAW = `${ORIGIN}/demo-raw/token`;
/** A server the page knows nothing about (a local Spring, Hydra, authlib…). */
const ELSEWHERE = 'http://127.0.0.1:9000/oauth/token';
const OKTA = 'https://dev-1.okta.com/oauth2/default/v1/token';
const OKTA_ORG = 'https://dev-1.okta.com/oauth2/v1/token';

const OKTA_ID = '0oademoclient0000001';
const OKTA_SECRET = 'JqtZd-uMfsckPmGRqH1hCyAQusCwo_16Dm0KTxVT';
const SPECIAL_ID = 'demo-special';
const SPECIAL_SECRET = 's3cr3t+/:%2B& with space';
/** An Okta-style pair the page does not know (not a demo client). */
const OTHER_ID = '0oa4xqz9kfTbN2cWd5d7';
const OTHER_SECRET = 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO';

const error = (status: number, code: string, description?: string, challenge?: string) => ({
  status,
  headers: {
    'content-type': 'application/json; charset=utf-8',
    ...(challenge ? { 'www-authenticate': challenge } : {}),
  },
  json: { error: code, ...(description === undefined ? {} : { error_description: description }) },
});
const token = {
  status: 200,
  json: { access_token: 'eyJ.e30.sig', token_type: 'Bearer', expires_in: 3600 },
};

const DEMO_REFUSED = error(
  401,
  'invalid_client',
  'client authentication failed',
  `Basic realm="${ORIGIN}/demo", error="invalid_client", error_description="client authentication failed"`,
);
const DEMO_RAW_REFUSED = error(
  401,
  'invalid_client',
  'Invalid client: client is invalid',
  'Basic realm="Service"',
);
const NOT_PROPERLY_ENCODED = error(
  400,
  'invalid_request',
  'client_id and client_secret in the authorization header are not properly encoded',
);
const GENERIC_REFUSED = error(401, 'invalid_client', 'Client authentication failed.');
const PASSPORT_REFUSED = {
  status: 401,
  headers: { 'www-authenticate': 'Basic realm="Users"' },
  text: 'Unauthorized',
};

const secretRequest = (
  endpoint: string,
  clientId: string,
  clientSecret: string,
  way: AuthWay,
  scope = 'customScope',
) => ({ endpoint, clientId, clientSecret, scope, way });

export const TOKEN_ANSWER_SCENARIOS: readonly TokenAnswerScenario[] = [
  // ——— Measured defects ———
  {
    name: 'Okta-style demo client, secret one character off, /demo',
    request: secretRequest(DEMO, OKTA_ID, `${OKTA_SECRET.slice(0, -1)}X`, 'basic-raw'),
    answer: DEMO_REFUSED,
    cause: 'wrong-demo-secret',
  },
  {
    name: 'Okta-style demo client, wrong secret, /demo-raw',
    request: secretRequest(DEMO_RAW, OKTA_ID, 'not-the-secret', 'basic-raw'),
    answer: DEMO_RAW_REFUSED,
    cause: 'wrong-demo-secret',
  },
  {
    name: 'wrong demo secret, after the body was tried too',
    request: secretRequest(DEMO, SPECIAL_ID, 'wrong+secret', 'post'),
    answer: error(401, 'invalid_client', 'client authentication failed'),
    attempts: [
      { way: 'basic-raw', answer: DEMO_REFUSED },
      { way: 'basic-form', answer: DEMO_REFUSED },
    ],
    cause: 'wrong-demo-secret',
  },
  {
    name: 'special demo client raw at /demo with a scope it may not have, after the search',
    request: secretRequest(DEMO, SPECIAL_ID, SPECIAL_SECRET, 'basic-raw', 'read:reports'),
    answer: DEMO_REFUSED,
    attempts: [
      { way: 'basic-form', answer: error(400, 'invalid_scope', 'requested scope is not allowed') },
    ],
    cause: 'basic-encoding',
  },
  {
    name: 'special demo client form-encoded at /demo with a scope it may not have',
    request: secretRequest(DEMO, SPECIAL_ID, SPECIAL_SECRET, 'basic-form', 'read:reports'),
    answer: error(400, 'invalid_scope', 'requested scope is not allowed'),
    attempts: [{ way: 'basic-raw', answer: DEMO_REFUSED }],
    cause: 'scope-not-allowed',
  },
  {
    name: '/demo/tokenz: oidc-provider\'s "unrecognized route"',
    request: secretRequest(`${ORIGIN}/demo/tokenz`, OKTA_ID, OKTA_SECRET, 'basic-raw'),
    answer: error(
      404,
      'invalid_request',
      'unrecognized route or not allowed method (POST on /tokenz)',
    ),
    cause: 'not-a-token-endpoint',
  },
  {
    name: '/demo-raw/tokenz',
    request: secretRequest(`${ORIGIN}/demo-raw/tokenz`, OKTA_ID, OKTA_SECRET, 'basic-raw'),
    answer: error(404, 'not_found', 'No /tokenz here'),
    cause: 'not-a-token-endpoint',
  },
  {
    name: 'the issuer instead of the token endpoint',
    request: secretRequest(`${ORIGIN}/demo`, OKTA_ID, OKTA_SECRET, 'basic-raw'),
    answer: error(404, 'invalid_request', 'unrecognized route or not allowed method (POST on /)'),
    cause: 'not-a-token-endpoint',
  },
  {
    name: 'a colon in the client ID at a server that reads Basic raw',
    request: secretRequest(ELSEWHERE, 'team:reporting', OTHER_SECRET, 'basic-raw'),
    answer: GENERIC_REFUSED,
    cause: 'colon-in-client-id',
  },
  {
    name: 'a colon in the client ID, form-encoded after raw',
    request: secretRequest(ELSEWHERE, 'team:reporting', OTHER_SECRET, 'basic-form'),
    answer: GENERIC_REFUSED,
    attempts: [{ way: 'basic-raw', answer: GENERIC_REFUSED }],
    cause: 'colon-in-client-id',
  },
  {
    name: 'a BOM before the client ID, /demo',
    request: secretRequest(DEMO, `\ufeff${OKTA_ID}`, OKTA_SECRET, 'basic-raw'),
    answer: NOT_PROPERLY_ENCODED,
    cause: 'client-id-characters',
  },
  {
    name: 'a BOM before the client ID, /demo-raw',
    request: secretRequest(DEMO_RAW, `\ufeff${OKTA_ID}`, OKTA_SECRET, 'basic-raw'),
    answer: error(400, 'invalid_request', 'Invalid parameter: `client_id`'),
    cause: 'client-id-characters',
  },
  {
    name: 'a BOM before the client ID, in the body, /demo',
    request: secretRequest(DEMO, `\ufeff${OKTA_ID}`, OKTA_SECRET, 'post'),
    answer: error(401, 'invalid_client', 'client authentication failed'),
    cause: 'client-id-characters',
  },
  {
    name: 'a zero-width space inside the client ID, elsewhere',
    request: secretRequest(ELSEWHERE, '0oa4xqz9\u200bkfTbN2cWd5d7', OTHER_SECRET, 'basic-raw'),
    answer: GENERIC_REFUSED,
    cause: 'client-id-characters',
  },
  {
    name: 'a pasted secret whose line break the field removed',
    request: secretRequest(ELSEWHERE, OTHER_ID, 'Zq9x-pasted', 'basic-raw'),
    answer: GENERIC_REFUSED,
    pasted: { clientSecret: 'Zq9x-pasted\n' },
    cause: 'pasted-line-break',
  },
  {
    name: 'a pasted secret with CRLF, then the body',
    request: secretRequest(ELSEWHERE, OTHER_ID, 'Zq9x-pasted', 'post'),
    answer: GENERIC_REFUSED,
    attempts: [{ way: 'basic-raw', answer: GENERIC_REFUSED }],
    pasted: { clientSecret: 'Zq9x-pasted\r\n' },
    cause: 'pasted-line-break',
  },
  // ——— RFC 6749 §5.2 codes ———
  {
    name: 'invalid_request: grant_type missing',
    request: secretRequest(DEMO, OKTA_ID, OKTA_SECRET, 'basic-raw'),
    answer: error(400, 'invalid_request', "missing required parameter 'grant_type'"),
    cause: 'malformed-request',
  },
  {
    name: 'invalid_request: two client authentication methods',
    request: secretRequest(DEMO, OKTA_ID, OKTA_SECRET, 'basic-raw'),
    answer: error(
      400,
      'invalid_request',
      'client authentication must only be provided using one mechanism',
    ),
    cause: 'two-methods',
  },
  {
    name: 'invalid_request: empty secret, /demo',
    request: secretRequest(DEMO, OKTA_ID, '', 'basic-raw'),
    answer: error(
      400,
      'invalid_request',
      'client_secret must be provided in the Authorization header',
    ),
    cause: 'credentials-missing',
  },
  {
    name: 'invalid_request: empty secret, /demo-raw',
    request: secretRequest(DEMO_RAW, OKTA_ID, '', 'post'),
    answer: error(400, 'invalid_request', 'Missing parameter: `client_secret`'),
    cause: 'credentials-missing',
  },
  {
    name: 'invalid_client: a client the demo server does not have',
    request: secretRequest(DEMO, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: DEMO_REFUSED,
    cause: 'unknown-demo-client',
  },
  {
    name: 'invalid_client at an unknown server, every way tried',
    request: secretRequest(ELSEWHERE, OTHER_ID, OTHER_SECRET, 'post'),
    answer: GENERIC_REFUSED,
    attempts: [{ way: 'basic-raw', answer: GENERIC_REFUSED }],
    cause: 'wrong-credentials',
  },
  {
    name: 'invalid_grant',
    request: secretRequest(ELSEWHERE, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: error(400, 'invalid_grant', 'client is disabled'),
    cause: 'grant-refused',
  },
  {
    name: 'unauthorized_client at Okta',
    request: secretRequest(OKTA, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: error(
      400,
      'unauthorized_client',
      'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code].',
    ),
    cause: 'grant-not-allowed',
  },
  {
    name: 'unsupported_grant_type',
    request: secretRequest(ELSEWHERE, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: error(400, 'unsupported_grant_type', 'unsupported grant_type requested'),
    cause: 'grant-unsupported',
  },
  {
    name: 'invalid_scope: a scope the Okta-style demo client does not have',
    request: secretRequest(DEMO, OKTA_ID, OKTA_SECRET, 'basic-raw', 'admin'),
    answer: error(
      400,
      'invalid_scope',
      'One or more scopes are not configured for the authorization server resource: admin.',
    ),
    cause: 'scope-not-allowed',
  },
  {
    name: 'invalid_scope: no scope at /demo-raw',
    request: secretRequest(DEMO_RAW, OKTA_ID, OKTA_SECRET, 'basic-raw', ''),
    answer: error(400, 'invalid_scope', 'Invalid scope: Requested scope is invalid'),
    cause: 'scope-missing',
  },
  {
    name: 'invalid_scope: special client raw at /demo-raw with read:reports',
    request: secretRequest(DEMO_RAW, SPECIAL_ID, SPECIAL_SECRET, 'basic-raw', 'read:reports'),
    answer: error(400, 'invalid_scope', 'Invalid scope: Requested scope is invalid'),
    cause: 'scope-not-allowed',
  },
  {
    name: 'invalid_scope at Okta: no default scope',
    request: secretRequest(OKTA, OTHER_ID, OTHER_SECRET, 'basic-raw', ''),
    answer: error(
      400,
      'invalid_scope',
      "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
    ),
    cause: 'scope-missing',
  },
  {
    name: 'invalid_scope at Okta: openid in client credentials',
    request: secretRequest(OKTA, OTHER_ID, OTHER_SECRET, 'basic-raw', 'openid'),
    answer: error(
      400,
      'invalid_scope',
      'One or more scopes are not configured for the authorization server resource.',
    ),
    cause: 'scope-not-allowed',
  },
  {
    name: 'invalid_scope where discovery listed the scopes',
    request: secretRequest(ELSEWHERE, OTHER_ID, OTHER_SECRET, 'basic-raw', 'reports.read'),
    answer: error(400, 'invalid_scope'),
    scopesSupported: ['api.read', 'api.write'],
    cause: 'scope-not-allowed',
  },
  {
    name: 'invalid_target (RFC 8707) at /demo',
    request: secretRequest(DEMO, OKTA_ID, OKTA_SECRET, 'basic-raw'),
    answer: error(
      400,
      'invalid_target',
      'the resources of this demo server are api://playground and api://playground-reports',
    ),
    cause: 'resource-refused',
  },
  {
    name: 'access_denied at Okta',
    request: secretRequest(OKTA, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: error(
      400,
      'access_denied',
      'Policy evaluation failed for this request, please check the policy configurations.',
    ),
    cause: 'policy-denied',
  },
  {
    name: 'server_error',
    request: secretRequest(ELSEWHERE, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: error(500, 'server_error'),
    cause: 'server-unavailable',
  },
  {
    name: 'temporarily_unavailable',
    request: secretRequest(ELSEWHERE, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: error(503, 'temporarily_unavailable'),
    cause: 'server-unavailable',
  },
  {
    name: 'a code outside RFC 6749',
    request: secretRequest(ELSEWHERE, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: error(400, 'slow_down'),
    cause: 'unknown-error',
  },
  // ——— RFC 7523 (client assertions and the JWT bearer grant) ———
  {
    name: 'RFC 7523 §3.2: invalid_client for an assertion with the wrong audience',
    request: {
      endpoint: DEMO,
      clientId: 'demo-private-key-jwt',
      clientSecret: '',
      scope: 'customScope',
      way: 'private_key_jwt',
    },
    answer: error(
      401,
      'invalid_client',
      'client authentication failed (jwt audience missing http://127.0.0.1:4173/demo/token)',
    ),
    cause: 'assertion-refused',
  },
  {
    name: 'RFC 7523: an assertion the server could not read',
    request: {
      endpoint: DEMO,
      clientId: 'demo-private-key-jwt',
      clientSecret: '',
      scope: 'customScope',
      way: 'private_key_jwt',
    },
    answer: error(400, 'invalid_request', 'invalid client_assertion format'),
    cause: 'assertion-refused',
  },
  {
    name: 'RFC 7523 §3.1: invalid_grant',
    request: {
      endpoint: ELSEWHERE,
      clientId: 'svc',
      clientSecret: '',
      scope: 'customScope',
      way: 'private_key_jwt',
    },
    answer: error(400, 'invalid_grant', 'assertion is not yet valid'),
    cause: 'grant-refused',
  },
  {
    name: "client_secret_jwt: an assertion keyed by another secret (the demo server's words)",
    request: {
      endpoint: DEMO,
      clientId: 'demo-client-secret-jwt',
      clientSecret: 'not-the-secret',
      scope: 'customScope',
      way: 'client_secret_jwt',
    },
    answer: error(
      401,
      'invalid_client',
      'client authentication failed: signature verification failed',
    ),
    cause: 'assertion-refused',
  },
  {
    name: 'client_secret_jwt from a client registered for the Basic header',
    request: {
      endpoint: DEMO,
      clientId: '0oademoclient0000001',
      clientSecret: 'JqtZd-uMfsckPmGRqH1hCyAQusCwo_16Dm0KTxVT',
      scope: 'customScope',
      way: 'client_secret_jwt',
    },
    answer: error(
      401,
      'invalid_client',
      'client authentication failed: the provided authentication mechanism does not match the registered client authentication method',
    ),
    cause: 'assertion-refused',
  },
  {
    name: 'client_secret_jwt from the key client: HS256 is not its algorithm',
    request: {
      endpoint: DEMO,
      clientId: 'demo-private-key-jwt',
      clientSecret: 'anything',
      scope: 'customScope',
      way: 'client_secret_jwt',
    },
    answer: error(401, 'invalid_client', 'client authentication failed: alg mismatch'),
    cause: 'assertion-refused',
  },
  {
    name: 'client_secret_jwt authenticated, then a scope the client does not have',
    request: {
      endpoint: DEMO,
      clientId: 'demo-client-secret-jwt',
      clientSecret: 'hs256-Zq8vN3tLw5xR2cKp9mYb7sFd4gHj6uEaTn1W',
      scope: 'admin',
      way: 'client_secret_jwt',
    },
    answer: error(
      400,
      'invalid_scope',
      'One or more scopes are not configured for the authorization server resource: admin.',
    ),
    cause: 'scope-not-allowed',
  },
  {
    name: "Okta: the org authorization server with client_secret_jwt (Okta's words)",
    request: {
      endpoint: OKTA_ORG,
      clientId: OTHER_ID,
      clientSecret: OTHER_SECRET,
      scope: 'okta.users.read',
      way: 'client_secret_jwt',
    },
    answer: error(
      401,
      'invalid_client',
      'Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.',
    ),
    cause: 'okta-org-server',
  },
  // ——— Okta's documented token-endpoint errors ———
  {
    name: 'Okta: wrong secret of a known client',
    request: secretRequest(OKTA, OTHER_ID, 'wrong-secret-value', 'basic-raw'),
    answer: error(
      401,
      'invalid_client',
      'The client secret supplied for a confidential client is invalid.',
      'Basic realm="okta"',
    ),
    cause: 'wrong-secret',
  },
  {
    name: 'Okta: unknown client ID',
    request: secretRequest(OKTA, '0oa-not-a-client', OTHER_SECRET, 'basic-raw'),
    answer: error(401, 'invalid_client', "Invalid value for 'client_id' parameter."),
    cause: 'unknown-client',
  },
  {
    name: 'Okta: the org authorization server with a secret',
    request: secretRequest(OKTA_ORG, OTHER_ID, OTHER_SECRET, 'basic-raw', 'okta.users.read'),
    answer: error(
      401,
      'invalid_client',
      'Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.',
    ),
    cause: 'okta-org-server',
  },
  {
    name: 'Okta: a browser Origin on /token',
    request: secretRequest(OKTA, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: error(
      401,
      'invalid_client',
      'Browser requests to the token endpoint must use Proof Key for Code Exchange.',
    ),
    cause: 'browser-origin',
  },
  {
    name: 'Okta: DPoP required',
    request: secretRequest(OKTA, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: error(400, 'invalid_dpop_proof', 'The DPoP proof JWT header is missing.'),
    cause: 'dpop-required',
  },
  {
    name: 'Okta: an API error (wrong path)',
    request: secretRequest(
      'https://dev-1.okta.com/api/v1/token',
      OTHER_ID,
      OTHER_SECRET,
      'basic-raw',
    ),
    answer: {
      status: 404,
      json: {
        errorCode: 'E0000022',
        errorSummary: 'The endpoint does not support the provided HTTP method',
      },
    },
    cause: 'not-a-token-endpoint',
  },
  {
    name: 'Okta API error with 400',
    request: secretRequest(
      'https://dev-1.okta.com/oauth2/default/v1/tokens',
      OTHER_ID,
      OTHER_SECRET,
      'basic-raw',
    ),
    answer: {
      status: 400,
      json: {
        errorCode: 'E0000022',
        errorSummary: 'The endpoint does not support the provided HTTP method',
      },
    },
    cause: 'not-a-token-endpoint',
  },
  // ——— Not a token endpoint ———
  {
    name: '405 Method Not Allowed',
    request: secretRequest(
      'https://auth.example.com/oauth/authorize',
      OTHER_ID,
      OTHER_SECRET,
      'basic-raw',
    ),
    answer: { status: 405, text: 'Method Not Allowed' },
    cause: 'not-a-token-endpoint',
  },
  {
    name: 'an HTML login page',
    request: secretRequest('https://portal.example.com/login', OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      text: '<!doctype html><title>Sign in</title>',
    },
    cause: 'not-a-token-endpoint',
  },
  {
    name: 'a redirect (http to https)',
    request: secretRequest(
      'http://auth.example.com/oauth/token',
      OTHER_ID,
      OTHER_SECRET,
      'basic-raw',
    ),
    answer: {
      status: 301,
      headers: { location: 'https://auth.example.com/oauth/token' },
      text: '',
    },
    cause: 'not-a-token-endpoint',
  },
  {
    name: 'an HTML error page from a gateway (502)',
    request: secretRequest(
      'https://auth.example.com/oauth/token',
      OTHER_ID,
      OTHER_SECRET,
      'basic-raw',
    ),
    answer: {
      status: 502,
      headers: { 'content-type': 'text/html' },
      text: '<html><body>Bad Gateway</body></html>',
    },
    cause: 'server-unavailable',
  },
  {
    name: 'plain-text 503',
    request: secretRequest(ELSEWHERE, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: { status: 503, headers: { 'content-type': 'text/plain' }, text: 'Service Unavailable' },
    cause: 'server-unavailable',
  },
  {
    name: 'JSON that is neither a token nor an error',
    request: secretRequest(ELSEWHERE, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: { status: 200, json: { status: 'ok' } },
    cause: 'unrecognized-answer',
  },
  // ——— The proxy's own refusals ———
  {
    name: 'proxy: host name does not resolve',
    request: secretRequest(
      'https://dev-1.okta.invalid/oauth2/default/v1/token',
      OTHER_ID,
      OTHER_SECRET,
      'basic-raw',
    ),
    answer: { proxyFailure: 'dns', message: 'The host name dev-1.okta.invalid does not resolve.' },
    cause: 'proxy:dns',
  },
  {
    name: 'proxy: private address not allowed',
    request: secretRequest('http://10.0.0.5/token', OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: { proxyFailure: 'target_forbidden', message: 'Private addresses are not allowed.' },
    cause: 'proxy:target_forbidden',
  },
  {
    name: 'proxy: nothing listens',
    request: secretRequest('http://127.0.0.1:9/token', OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: {
      proxyFailure: 'connection_refused',
      message: 'Nothing accepts connections at 127.0.0.1:9.',
    },
    cause: 'proxy:connection_refused',
  },
  {
    name: 'proxy: the target timed out',
    request: secretRequest('https://slow.example.com/token', OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: { proxyFailure: 'timeout', message: 'No complete answer within 10 s.' },
    cause: 'proxy:timeout',
  },
  // ——— Each demo server, and the encodings ———
  {
    name: '/demo: the special client sent raw',
    request: secretRequest(DEMO, SPECIAL_ID, SPECIAL_SECRET, 'basic-raw'),
    answer: DEMO_REFUSED,
    cause: 'basic-encoding',
  },
  {
    name: '/demo-raw: the special client sent form-encoded',
    request: secretRequest(DEMO_RAW, SPECIAL_ID, SPECIAL_SECRET, 'basic-form'),
    answer: DEMO_RAW_REFUSED,
    cause: 'basic-encoding',
  },
  {
    name: '/demo: raw refused, then form-encoded got a token',
    request: secretRequest(DEMO, SPECIAL_ID, SPECIAL_SECRET, 'basic-raw'),
    answer: DEMO_REFUSED,
    attempts: [{ way: 'basic-form', answer: token }],
    cause: 'basic-encoding',
  },
  {
    name: '/demo: a token',
    request: secretRequest(DEMO, OKTA_ID, OKTA_SECRET, 'basic-raw'),
    answer: token,
    cause: 'token-issued',
  },
  // ——— oauth2orize + passport-http (raw, plain-text Unauthorized) ———
  {
    name: 'passport: a secret with ":" cut by BasicStrategy',
    request: secretRequest(ELSEWHERE, OTHER_ID, 'pa:ss:word', 'basic-raw'),
    answer: PASSPORT_REFUSED,
    cause: 'secret-cut-at-colon',
  },
  {
    name: 'passport: form-encoded credentials it reads raw',
    request: secretRequest(ELSEWHERE, 'Aladdin', 'open sesame', 'basic-form'),
    answer: PASSPORT_REFUSED,
    cause: 'basic-encoding',
  },
  {
    name: 'passport: plain Okta-style credentials refused',
    request: secretRequest(ELSEWHERE, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: PASSPORT_REFUSED,
    cause: 'generic-basic-reader',
  },
  {
    name: 'passport: refused in the header and in the body',
    request: secretRequest(ELSEWHERE, OTHER_ID, OTHER_SECRET, 'post'),
    answer: PASSPORT_REFUSED,
    attempts: [{ way: 'basic-raw', answer: PASSPORT_REFUSED }],
    cause: 'wrong-credentials',
  },
  {
    name: 'passport: the body got a token after the header was refused',
    request: secretRequest(ELSEWHERE, OTHER_ID, 'pa:ss:word', 'basic-raw'),
    answer: PASSPORT_REFUSED,
    attempts: [{ way: 'post', answer: token }],
    cause: 'secret-cut-at-colon',
  },
  // ——— Interop vector classes (src/core/fixtures/credentials.json) ———
  {
    name: 'vector "plus": a form-decoding server reads "+" as a space',
    request: secretRequest(ELSEWHERE, OTHER_ID, 'abc+def', 'basic-raw'),
    answer: GENERIC_REFUSED,
    cause: 'basic-encoding',
  },
  {
    name: 'vector "percent-valid-escape"',
    request: secretRequest(ELSEWHERE, OTHER_ID, 'pre%41post', 'basic-raw'),
    answer: GENERIC_REFUSED,
    cause: 'basic-encoding',
  },
  {
    name: 'vector "long-1000": a bare "%" sent raw to a form-decoding server',
    request: secretRequest(ELSEWHERE, OTHER_ID, 'abc%&:~ def', 'basic-raw'),
    answer: NOT_PROPERLY_ENCODED,
    cause: 'raw-not-form-decodable',
  },
  {
    name: 'vector "latin1-e-acute-nfc" at /demo',
    request: secretRequest(DEMO, OKTA_ID, 'café', 'basic-raw'),
    answer: NOT_PROPERLY_ENCODED,
    cause: 'secret-characters',
  },
  {
    name: 'vector "nbsp" at /demo-raw',
    request: secretRequest(DEMO_RAW, OKTA_ID, 'open\u00a0sesame', 'post'),
    answer: error(400, 'invalid_request', 'Invalid parameter: `client_secret`'),
    cause: 'secret-characters',
  },
  {
    name: 'vector "emoji-key" in the body at an unknown server',
    request: secretRequest(ELSEWHERE, OTHER_ID, 'key🔑', 'post'),
    answer: GENERIC_REFUSED,
    cause: 'secret-characters',
  },
  {
    name: 'vector "u-umlaut": non-ASCII in the client ID',
    request: secretRequest(DEMO_RAW, 'clientü', 'über', 'basic-raw'),
    answer: error(400, 'invalid_request', 'Invalid parameter: `client_id`'),
    cause: 'client-id-characters',
  },
  {
    name: 'vector "trailing-lf" sent by a program',
    request: secretRequest(DEMO_RAW, OKTA_ID, `${OKTA_SECRET}\n`, 'basic-raw'),
    answer: error(400, 'invalid_client', 'Invalid client: cannot retrieve client credentials'),
    cause: 'secret-characters',
  },
  {
    name: 'vector "leading-trailing-ws"',
    request: secretRequest(ELSEWHERE, `  ${OTHER_ID} `, OTHER_SECRET, 'basic-raw'),
    answer: GENERIC_REFUSED,
    cause: 'edge-spaces',
  },
  {
    name: 'vector "ampersand-equals" at a raw server, form-encoded',
    request: secretRequest(ELSEWHERE, OTHER_ID, 'a&b=c&grant_type=x', 'basic-form'),
    answer: GENERIC_REFUSED,
    cause: 'basic-encoding',
  },
  {
    name: 'vector "keycloak-test" form-encoded at /demo-raw',
    request: secretRequest(DEMO_RAW, 'user', 'secret/with=special?character', 'basic-form'),
    answer: DEMO_RAW_REFUSED,
    cause: 'unknown-demo-client',
  },
  {
    name: 'vector "keycloak-test" form-encoded at a raw server',
    request: secretRequest(ELSEWHERE, 'user', 'secret/with=special?character', 'basic-form'),
    answer: GENERIC_REFUSED,
    cause: 'basic-encoding',
  },
  {
    name: 'vector "appauth-android-337" raw at passport: a ":" in the secret',
    request: secretRequest(
      ELSEWHERE,
      '1PpG/Q 1',
      'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=',
      'basic-raw',
    ),
    answer: PASSPORT_REFUSED,
    cause: 'secret-cut-at-colon',
  },
  {
    name: 'vector "star-parens-bang" form-encoded at a raw server',
    request: secretRequest(ELSEWHERE, OTHER_ID, 'a*b(c)!d', 'basic-form'),
    answer: GENERIC_REFUSED,
    cause: 'basic-encoding',
  },
  {
    name: 'vector "double-quote" form-encoded at passport',
    request: secretRequest(ELSEWHERE, OTHER_ID, 'say "hi"', 'basic-form'),
    answer: PASSPORT_REFUSED,
    cause: 'basic-encoding',
  },
  {
    name: 'vector "backslash" form-encoded at /demo-raw, a demo client',
    request: secretRequest(DEMO_RAW, OKTA_ID, 'back\\slash\\n', 'basic-form'),
    answer: DEMO_RAW_REFUSED,
    cause: 'wrong-demo-secret',
  },
  {
    name: 'vector "okta-typical-40" refused in every way: the credentials',
    request: secretRequest(ELSEWHERE, OTHER_ID, OTHER_SECRET, 'basic-raw'),
    answer: GENERIC_REFUSED,
    attempts: [{ way: 'post', answer: GENERIC_REFUSED }],
    cause: 'wrong-credentials',
  },
];
