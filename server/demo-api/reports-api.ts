import {
  createAccessTokenVerifier,
  createIntrospectionChecker,
  type AccessTokenPolicy,
  type Introspect,
} from './access-token.ts';
import {
  DEMO_API_CHECK_PARAMETER,
  DEMO_API_DPOP_ALGS,
  DEMO_API_SCOPE,
  DPOP_PROOF_MAX_AGE_SECONDS,
  DPOP_PROOF_MAX_FUTURE_SECONDS,
} from './constants.ts';
import { checkDpopProof } from './dpop-proof.ts';

export interface DemoApiOptions extends AccessTokenPolicy {
  /** Seconds since the epoch (tests move the clock). */
  readonly nowSeconds?: () => number;
  /** The issuer's introspection endpoint, asked instead of the signature when a call says `check=introspect`. */
  readonly introspect?: Introspect;
}

/** How a call asks its token to be checked: the `check` query parameter (absent: `jwt`). */
type CheckMode = 'jwt' | 'introspect';

/** What a successful answer says it relied on. */
const CHECKED_BY: Readonly<Record<CheckMode, string>> = {
  jwt: 'jwt-signature',
  introspect: 'introspection',
};

/** The authentication scheme a refusal is a challenge of (RFC 6750 §3, RFC 9449 §7.1). */
type Scheme = 'Bearer' | 'DPoP';

const REALM = 'demo-api';

/** RFC 6750 §3: error_description is %x20-21 / %x23-5B / %x5D-7E (a quoted-string without `"` or `\`). */
const quotable = (text: string) => text.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, ' ');

function challenge(scheme: Scheme, params: Readonly<Record<string, string>>): string {
  const all = scheme === 'DPoP' ? { algs: DEMO_API_DPOP_ALGS.join(' '), ...params } : params;
  const rendered = Object.entries(all).map(([name, value]) => `${name}="${quotable(value)}"`);
  return rendered.length === 0 ? scheme : `${scheme} ${rendered.join(', ')}`;
}

function json(status: number, body: unknown, wwwAuthenticate?: string): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      ...(wwwAuthenticate === undefined ? {} : { 'www-authenticate': wwwAuthenticate }),
    },
  });
}

/** A 401 (or 403 / 400) with the challenge of `scheme` and the same words in the body. */
function refuse(
  status: number,
  scheme: Scheme,
  error: string,
  description: string,
  extra: Readonly<Record<string, string>> = {},
): Response {
  return json(
    status,
    { error, error_description: description, ...extra },
    challenge(scheme, { error, ...extra, error_description: description }),
  );
}

/** Both challenges without an error code: RFC 6750 §3.1 for a request with no usable credentials. */
const noCredentials = (description: string) =>
  json(
    401,
    { error_description: description },
    `${challenge('Bearer', { realm: REALM })}, ${challenge('DPoP', { realm: REALM })}`,
  );

const REPORTS = [
  { id: 'r-1001', title: 'Tokens issued this week', value: 1284 },
  { id: 'r-1002', title: 'Refused token requests', value: 37 },
  { id: 'r-1003', title: 'Average token lifetime (s)', value: 3600 },
] as const;

/** RFC 7235 §2.1 credentials: a scheme and a token68. */
const CREDENTIALS = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?: +([A-Za-z0-9\-._~+/]+=*))?$/;

/** Remembers accepted proof `jti`s until a proof with that `iat` could no longer pass (RFC 9449 §11.1). */
function createReplayCache(maxEntries = 10_000) {
  const seen = new Map<string, number>();
  return {
    /** True the first time `key` is seen (and remembers it until `expiresAt`). */
    firstUse(key: string, expiresAt: number, nowSeconds: number): boolean {
      for (const [known, until] of seen) if (until < nowSeconds) seen.delete(known);
      if (seen.has(key)) return false;
      // Beyond the bound the oldest goes first: a replay of a proof older than ten thousand later
      // ones within six minutes is a risk this demo takes rather than growing without limit.
      if (seen.size >= maxEntries) seen.delete(seen.keys().next().value ?? key);
      seen.set(key, expiresAt);
      return true;
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The demo API: `GET /demo-api/reports` as a resource server must answer it. It accepts an access
 * token of the demo server (RFC 9068, checked by access-token.ts) sent as `Bearer` (RFC 6750 §2.1)
 * or, for a DPoP-bound token (`cnf.jkt`, RFC 9449 §6.1), as `DPoP` with a proof (RFC 9449 §7.1,
 * checked by dpop-proof.ts; each proof's `jti` once). Refusals carry RFC 6750 §3 / RFC 9449 §7.1
 * challenges in `WWW-Authenticate`, with the same words as JSON. With `?check=introspect` it asks
 * the issuer (RFC 7662) instead of verifying the signature, so a revoked token is refused; the
 * answer's `checkedBy` says which check was used. A web-standard handler: any host
 * hands it a `Request` for that path.
 */
export function createDemoApi(options: DemoApiOptions): (request: Request) => Promise<Response> {
  const verifyAccessToken = createAccessTokenVerifier(options);
  const introspectAccessToken =
    options.introspect === undefined
      ? undefined
      : createIntrospectionChecker(options, options.introspect);
  const now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const replays = createReplayCache();

  return async (request) => {
    if (request.method !== 'GET')
      return new Response(null, { status: 405, headers: { allow: 'GET' } });
    const authorization = request.headers.get('authorization');
    if (authorization === null)
      return noCredentials(
        'No Authorization header: send the access token as Authorization: Bearer <token>, or Authorization: DPoP <token> with a DPoP proof for a bound token.',
      );
    const parsed = CREDENTIALS.exec(authorization.trim());
    const scheme = parsed?.[1]?.toLowerCase();
    const token = parsed?.[2];
    if (scheme !== 'bearer' && scheme !== 'dpop')
      return noCredentials(
        `This API takes the Bearer and DPoP schemes, not ${parsed?.[1] ?? 'this Authorization header'}.`,
      );
    const used: Scheme = scheme === 'dpop' ? 'DPoP' : 'Bearer';
    if (token === undefined)
      return refuse(
        400,
        used,
        'invalid_request',
        `The Authorization header names the ${used} scheme but holds no token after it (a single space, then the token).`,
      );

    // RFC 9449 §4.3: htu excludes the query, so a proof stays valid with or without `check`.
    const checkValue = new URL(request.url).searchParams.get(DEMO_API_CHECK_PARAMETER) ?? 'jwt';
    if (checkValue !== 'jwt' && checkValue !== 'introspect')
      return refuse(
        400,
        used,
        'invalid_request',
        `${DEMO_API_CHECK_PARAMETER}=${checkValue} is not a way this API checks tokens: use ${DEMO_API_CHECK_PARAMETER}=introspect to ask the demo server (RFC 7662), or leave it out to verify the JWT offline.`,
      );
    const mode: CheckMode = checkValue;
    if (mode === 'introspect' && introspectAccessToken === undefined)
      return refuse(
        400,
        used,
        'invalid_request',
        `This API was started without an introspection endpoint: leave ${DEMO_API_CHECK_PARAMETER} out to verify the JWT offline.`,
      );

    const nowSeconds = now();
    const checked =
      mode === 'introspect' && introspectAccessToken !== undefined
        ? await introspectAccessToken(token, nowSeconds)
        : await verifyAccessToken(token, nowSeconds);
    if (!checked.ok) return refuse(401, used, 'invalid_token', checked.reason);
    const { claims } = checked;
    const boundThumbprint =
      isRecord(claims.cnf) && typeof claims.cnf.jkt === 'string' ? claims.cnf.jkt : undefined;

    if (boundThumbprint === undefined && used === 'DPoP')
      return refuse(
        401,
        'DPoP',
        'invalid_token',
        'This access token is not bound to a key (it has no cnf.jkt): send it as Authorization: Bearer, or ask for a DPoP-bound token with a proof at the token endpoint.',
      );
    if (boundThumbprint !== undefined) {
      if (used === 'Bearer')
        // RFC 9449 §7.2: a bound token presented as a bearer token is refused.
        return refuse(
          401,
          'DPoP',
          'invalid_token',
          'This access token is bound to a DPoP key (cnf.jkt): send it as Authorization: DPoP <token> with a DPoP proof signed by that key, not as Bearer.',
        );
      const proof = request.headers.get('dpop');
      if (proof === null)
        return refuse(
          401,
          'DPoP',
          'invalid_dpop_proof',
          'No DPoP header: a DPoP-bound token must come with a proof signed by its key, naming this method, this URL and the token (ath).',
        );
      if (proof.includes(','))
        return refuse(
          401,
          'DPoP',
          'invalid_dpop_proof',
          'More than one DPoP header: send exactly one proof.',
        );
      const proofCheck = await checkDpopProof(proof.trim(), {
        method: request.method,
        url: request.url,
        accessToken: token,
        boundThumbprint,
        nowSeconds,
      });
      if (!proofCheck.ok) return refuse(401, 'DPoP', 'invalid_dpop_proof', proofCheck.reason);
      const expiresAt =
        (proofCheck.iat ?? nowSeconds) + DPOP_PROOF_MAX_AGE_SECONDS + DPOP_PROOF_MAX_FUTURE_SECONDS;
      if (!replays.firstUse(`${boundThumbprint} ${proofCheck.jti ?? ''}`, expiresAt, nowSeconds))
        return refuse(
          401,
          'DPoP',
          'invalid_dpop_proof',
          `This proof (jti ${proofCheck.jti ?? ''}) was already used: sign a new proof for every call.`,
        );
    }

    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (!scopes.includes(DEMO_API_SCOPE))
      return refuse(
        403,
        used,
        'insufficient_scope',
        `The reports need the scope ${DEMO_API_SCOPE}; this token has ${scopes.length === 0 ? 'no scope' : scopes.join(' ')}. Ask for ${DEMO_API_SCOPE} in the token request.`,
        { scope: DEMO_API_SCOPE },
      );

    return json(200, {
      reports: REPORTS,
      clientId: typeof claims.client_id === 'string' ? claims.client_id : null,
      dpopBound: boundThumbprint !== undefined,
      scope: scopes.join(' '),
      checkedBy: CHECKED_BY[mode],
    });
  };
}
