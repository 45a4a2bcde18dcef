import type { HeaderList } from '../../request/token-request.ts';
import type { CauseId } from '../causes.ts';
import type { ScenarioAnswer, TokenAnswerScenario } from './token-answers.ts';

/*
 * DPoP (RFC 9449) answers whose true cause is known. Token endpoint answers are the demo
 * server's (oidc-provider 8.8.1 with nonces required, measured by server/demo-as/dpop.test.ts:
 * status, body, DPoP-Nonce) and Okta's documented texts ("The DPoP proof JWT header is missing.",
 * "Authorization server requires nonce in DPoP proof."); API answers are the demo API's
 * (server/demo-api, measured by server/node/demo-api.test.ts). The proofs and tokens are unsigned
 * stand-ins with the claims that matter: the page reads claims, it never verifies here.
 *
 * To add one: append an entry; diagnose.test.ts runs the token endpoint ones with the rest of the
 * corpus, api-challenge.test.ts the API ones.
 */

const ORIGIN = 'http://127.0.0.1:4173';
const DEMO = `${ORIGIN}/demo/token`;
const API = `${ORIGIN}/demo-api/reports`;
const OKTA = 'https://dev-1.okta.com/oauth2/default/v1/token';
/** When the scenarios' requests are sent (diagnose.test.ts: sentAt 1_800_000_001_000). */
const SENT = 1_800_000_001;
const HTTP_DATE = (seconds: number) => new Date(seconds * 1000).toUTCString();

const DPOP_ID = 'demo-dpop';
const DPOP_SECRET = 'dpop-7Kq2Vx9LmT4rWc8NbZ3hYf6PsJd5Ga1EuXo0';
const NONCE = 'eyJ7S_zG.yQW4bG1uUGVTYw2Qq9V8mK3fH6dJ0pL5xR';
const OTHER_NONCE = 'Tq3Zr8nB1mK6vX2cW9pL4hJ7fD0sA5gY-eU_iOuE3wQ';
const JKT = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';
const ATH = 'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo';

function base64UrlJson(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unsigned stand-in for a JWT with this header and these claims. */
const jwt = (header: object, claims: object) =>
  `${base64UrlJson(header)}.${base64UrlJson(claims)}.c2lnbmF0dXJl`;

const PUBLIC_JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: 'l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs',
  y: '9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA',
};

/** A DPoP proof (RFC 9449 §4.2) for a token request to the demo server, with `claims` changed. */
export const proof = (claims: object = {}, header: object = {}) =>
  jwt(
    { typ: 'dpop+jwt', alg: 'ES256', jwk: PUBLIC_JWK, ...header },
    { jti: 'e1j3V_bKic8-LAEB', htm: 'POST', htu: DEMO, iat: SENT, ...claims },
  );

const json = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
const answer = (
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): ScenarioAnswer => ({
  status,
  headers: { ...json, date: HTTP_DATE(SENT), ...headers },
  json: { error, error_description: description },
});

const dpopRequest = (dpopProof?: string, endpoint = DEMO) => ({
  endpoint,
  clientId: endpoint === DEMO ? DPOP_ID : '0oa4xqz9kfTbN2cWd5d7',
  clientSecret: endpoint === DEMO ? DPOP_SECRET : 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO',
  scope: 'read:reports',
  way: 'basic-raw' as const,
  ...(dpopProof === undefined ? {} : { dpopProof }),
});

/** Token endpoint answers to DPoP token requests. */
export const DPOP_TOKEN_ANSWER_SCENARIOS: readonly TokenAnswerScenario[] = [
  {
    name: 'DPoP: demo-dpop without a proof',
    request: dpopRequest(),
    answer: answer(400, 'invalid_grant', 'grant request is invalid: DPoP proof JWT not provided'),
    cause: 'dpop-required',
  },
  {
    name: 'DPoP: the first proof, without a nonce',
    request: dpopRequest(proof()),
    answer: answer(400, 'use_dpop_nonce', 'nonce is required in the DPoP proof', {
      'dpop-nonce': NONCE,
    }),
    cause: 'dpop-nonce-required',
  },
  {
    name: 'DPoP: a nonce the server no longer accepts',
    request: dpopRequest(proof({ nonce: OTHER_NONCE })),
    answer: answer(400, 'use_dpop_nonce', 'invalid nonce in DPoP proof', { 'dpop-nonce': NONCE }),
    cause: 'dpop-nonce-required',
  },
  {
    name: 'DPoP: htu names another URL',
    request: dpopRequest(proof({ nonce: NONCE, htu: `${ORIGIN}/demo/tokens` })),
    answer: answer(400, 'invalid_dpop_proof', 'DPoP proof htu mismatch'),
    cause: 'dpop-htu-mismatch',
  },
  {
    name: 'DPoP: htm names another method',
    request: dpopRequest(proof({ nonce: NONCE, htm: 'GET' })),
    answer: answer(400, 'invalid_dpop_proof', 'DPoP proof htm mismatch'),
    cause: 'dpop-htm-mismatch',
  },
  {
    name: 'DPoP: iat 400 s old, no nonce',
    request: dpopRequest(proof({ iat: SENT - 400 })),
    answer: answer(
      400,
      'use_dpop_nonce',
      'DPoP proof iat is not recent enough, use a DPoP nonce instead',
      { 'dpop-nonce': NONCE },
    ),
    cause: 'dpop-iat-window',
  },
  {
    name: "DPoP: iat 400 s ahead (the signing machine's clock is fast)",
    request: dpopRequest(proof({ iat: SENT + 400 })),
    answer: answer(
      400,
      'use_dpop_nonce',
      'DPoP proof iat is not recent enough, use a DPoP nonce instead',
      { 'dpop-nonce': NONCE },
    ),
    cause: 'dpop-iat-window',
  },
  {
    name: 'DPoP: the same proof sent twice',
    request: dpopRequest(proof({ nonce: NONCE })),
    answer: answer(
      400,
      'invalid_grant',
      'grant request is invalid: DPoP proof JWT Replay detected',
    ),
    cause: 'dpop-jti-reused',
  },
  {
    name: 'DPoP: a proof signed by another key than its jwk',
    request: dpopRequest(proof({ nonce: NONCE })),
    answer: answer(
      400,
      'invalid_dpop_proof',
      'invalid DPoP key binding: signature verification failed',
    ),
    cause: 'dpop-proof-signature',
  },
  {
    name: 'DPoP: typ JWT instead of dpop+jwt',
    request: dpopRequest(proof({ nonce: NONCE }, { typ: 'JWT' })),
    answer: answer(
      400,
      'invalid_dpop_proof',
      "invalid DPoP key binding: unexpected 'typ' JWT header value",
    ),
    cause: 'dpop-proof-signature',
  },
  {
    name: 'Okta: DPoP proof header missing (app requires DPoP)',
    request: dpopRequest(undefined, OKTA),
    answer: answer(400, 'invalid_dpop_proof', 'The DPoP proof JWT header is missing.'),
    cause: 'dpop-required',
  },
  {
    name: 'Okta: a nonce required',
    request: dpopRequest(proof({ htu: OKTA }), OKTA),
    answer: answer(400, 'use_dpop_nonce', 'Authorization server requires nonce in DPoP proof.', {
      'dpop-nonce': NONCE,
    }),
    cause: 'dpop-nonce-required',
  },
];

/** A call to the demo API and its answer, with the cause the page must name first. */
export interface ApiAnswerScenario {
  readonly name: string;
  readonly call: { readonly method: string; readonly url: string; readonly headers: HeaderList };
  readonly answer: { readonly status: number; readonly headers: Readonly<Record<string, string>> };
  readonly cause: CauseId;
}

const accessToken = (claims: object = {}) =>
  jwt(
    { alg: 'RS256', typ: 'at+jwt', kid: 'k1' },
    {
      iss: `${ORIGIN}/demo`,
      aud: 'api://playground',
      client_id: DPOP_ID,
      scope: 'read:reports',
      iat: SENT - 60,
      exp: SENT + 3540,
      cnf: { jkt: JKT },
      ...claims,
    },
  );
const BOUND = accessToken();
const UNBOUND = accessToken({ cnf: undefined, client_id: '0oademoclient0000001' });
const apiProof = (claims: object = {}) =>
  jwt(
    { typ: 'dpop+jwt', alg: 'ES256', jwk: PUBLIC_JWK },
    { jti: 'Zx81-pQ', htm: 'GET', htu: API, iat: SENT, ath: ATH, ...claims },
  );
const dpopCall = (token: string, dpop?: string): ApiAnswerScenario['call'] => ({
  method: 'GET',
  url: API,
  headers: [
    ['authorization', `DPoP ${token}`],
    ...(dpop === undefined ? [] : [['DPoP', dpop] as const]),
  ],
});
const dpopRefusal = (error: string, description: string, status = 401, scope?: string) => ({
  status,
  headers: {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    date: HTTP_DATE(SENT),
    'www-authenticate': `DPoP algs="ES256 RS256", error="${error}", ${scope ? `scope="${scope}", ` : ''}error_description="${description}"`,
  },
});

/** The demo API's answers (server/demo-api/reports-api.ts), word for word. */
export const DPOP_API_ANSWER_SCENARIOS: readonly ApiAnswerScenario[] = [
  {
    name: 'API: no Authorization header',
    call: { method: 'GET', url: API, headers: [] },
    answer: {
      status: 401,
      headers: {
        'www-authenticate': 'Bearer realm="demo-api", DPoP algs="ES256 RS256", realm="demo-api"',
      },
    },
    cause: 'api-no-token',
  },
  {
    name: 'API: a bound token sent as Bearer',
    call: { method: 'GET', url: API, headers: [['authorization', `Bearer ${BOUND}`]] },
    answer: dpopRefusal(
      'invalid_token',
      'This access token is bound to a DPoP key (cnf.jkt): send it as Authorization: DPoP <token> with a DPoP proof signed by that key, not as Bearer.',
    ),
    cause: 'dpop-bound-as-bearer',
  },
  {
    name: 'API: a bound token without a proof',
    call: dpopCall(BOUND),
    answer: dpopRefusal(
      'invalid_dpop_proof',
      'No DPoP header: a DPoP-bound token must come with a proof signed by its key, naming this method, this URL and the token (ath).',
    ),
    cause: 'dpop-proof-missing',
  },
  {
    name: 'API: the proof made for the token endpoint (htm POST)',
    call: dpopCall(BOUND, apiProof({ htm: 'POST', htu: DEMO })),
    answer: dpopRefusal(
      'invalid_dpop_proof',
      "The proof's htm is POST, but this request is a GET: sign a proof for each method.",
    ),
    cause: 'dpop-htm-mismatch',
  },
  {
    name: 'API: htu of the token endpoint',
    call: dpopCall(BOUND, apiProof({ htu: DEMO })),
    answer: dpopRefusal(
      'invalid_dpop_proof',
      `The proof's htu is ${DEMO}, but this request was received at ${API} (compared without query and fragment).`,
    ),
    cause: 'dpop-htu-mismatch',
  },
  {
    name: 'API: a proof 301 s old',
    call: dpopCall(BOUND, apiProof({ iat: SENT - 301 })),
    answer: dpopRefusal(
      'invalid_dpop_proof',
      `The proof was made 301 s ago (iat ${SENT - 301}); this API accepts proofs up to 300 s old: sign a new one for each call, or check the clock of the machine that signs.`,
    ),
    cause: 'dpop-iat-window',
  },
  {
    name: 'API: a proof from the future',
    call: dpopCall(BOUND, apiProof({ iat: SENT + 120 })),
    answer: dpopRefusal(
      'invalid_dpop_proof',
      `The proof's iat ${SENT + 120} is 120 s ahead of this server's clock (at most 60 s allowed): the clock of the machine that signs is fast.`,
    ),
    cause: 'dpop-iat-window',
  },
  {
    name: 'API: the same proof twice',
    call: dpopCall(BOUND, apiProof()),
    answer: dpopRefusal(
      'invalid_dpop_proof',
      'This proof (jti Zx81-pQ) was already used: sign a new proof for every call.',
    ),
    cause: 'dpop-jti-reused',
  },
  {
    name: 'API: a proof without ath',
    call: dpopCall(BOUND, apiProof({ ath: undefined })),
    answer: dpopRefusal(
      'invalid_dpop_proof',
      'The proof has no ath claim: at an API a proof names the access token it goes with, ath = base64url(SHA-256(token)).',
    ),
    cause: 'dpop-ath-mismatch',
  },
  {
    name: 'API: a proof for another token',
    call: dpopCall(BOUND, apiProof({ ath: 'x'.repeat(43) })),
    answer: dpopRefusal(
      'invalid_dpop_proof',
      `The proof's ath is ${'x'.repeat(43)}, but the SHA-256 of the access token sent is ${ATH}: the proof was made for another token.`,
    ),
    cause: 'dpop-ath-mismatch',
  },
  {
    name: 'API: a proof signed by another key',
    call: dpopCall(BOUND, apiProof()),
    answer: dpopRefusal(
      'invalid_dpop_proof',
      `The proof is signed by a key whose thumbprint is 0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I, but the token is bound to ${JKT} (cnf.jkt): sign with the key the token was issued for.`,
    ),
    cause: 'dpop-key-mismatch',
  },
  {
    name: 'API: an unbound token sent as DPoP',
    call: dpopCall(UNBOUND, apiProof()),
    answer: dpopRefusal(
      'invalid_token',
      'This access token is not bound to a key (it has no cnf.jkt): send it as Authorization: Bearer, or ask for a DPoP-bound token with a proof at the token endpoint.',
    ),
    cause: 'dpop-token-not-bound',
  },
  {
    name: 'API: a token without read:reports',
    call: dpopCall(accessToken({ scope: 'customScope' }), apiProof()),
    answer: dpopRefusal(
      'insufficient_scope',
      'The reports need the scope read:reports; this token has customScope. Ask for read:reports in the token request.',
      403,
      'read:reports',
    ),
    cause: 'api-insufficient-scope',
  },
  {
    name: 'API: an expired token',
    call: {
      method: 'GET',
      url: API,
      headers: [['authorization', `Bearer ${accessToken({ cnf: undefined, exp: SENT - 10 })}`]],
    },
    answer: {
      status: 401,
      headers: {
        date: HTTP_DATE(SENT),
        'www-authenticate': `Bearer error="invalid_token", error_description="The access token expired at ${new Date((SENT - 10) * 1000).toISOString()}: get a new one."`,
      },
    },
    cause: 'api-invalid-token',
  },
];
