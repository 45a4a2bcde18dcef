import {
  createLocalJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';

/** What the demo API needs to know about the issuer whose access tokens it accepts. */
export interface AccessTokenPolicy {
  /** e.g. `http://127.0.0.1:4173/demo` */
  readonly issuer: string;
  /** The `aud` a token must name, `api://playground`. */
  readonly audience: string;
  /** The issuer's public signing keys. */
  readonly jwks: JSONWebKeySet;
}

export type AccessTokenCheck =
  | { readonly ok: true; readonly claims: JWTPayload }
  | { readonly ok: false; readonly reason: string };

const isAccessTokenType = (typ: unknown) =>
  typeof typ === 'string' && /^(application\/)?at\+jwt$/i.test(typ);

/**
 * Checks an access token as RFC 9068 §4 asks a resource server to: the `typ` header `at+jwt`,
 * the signature by one of the issuer's keys, `iss`, `aud` and `exp`. Returns the claims, or the
 * reason for refusing it in words a reader can act on.
 *
 * Does NOT check the scope or a DPoP binding (`cnf.jkt`): the caller does, after this.
 */
export function createAccessTokenVerifier(
  policy: AccessTokenPolicy,
): (token: string, nowSeconds: number) => Promise<AccessTokenCheck> {
  const keys = createLocalJWKSet(policy.jwks);
  return async (token, nowSeconds) => {
    let typ: unknown;
    try {
      typ = decodeProtectedHeader(token).typ;
    } catch {
      return {
        ok: false,
        reason: 'The access token is not a JWT (three base64url parts separated by dots).',
      };
    }
    if (!isAccessTokenType(typ))
      return {
        ok: false,
        reason: `The access token's typ header is ${typ === undefined ? 'missing' : String(typ)}, not at+jwt (RFC 9068 section 2.1): it is not an access token of the demo server.`,
      };
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        currentDate: new Date(nowSeconds * 1000),
      }));
    } catch (error) {
      return { ok: false, reason: verificationFailure(error) };
    }
    if (claims.iss !== policy.issuer)
      return {
        ok: false,
        reason: `The access token's iss is ${String(claims.iss)}; this API accepts tokens of ${policy.issuer} only.`,
      };
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes(policy.audience))
      return {
        ok: false,
        reason: `The access token's aud is ${audiences.join(' ')}, not ${policy.audience}, the audience of this API.`,
      };
    return { ok: true, claims };
  };
}

function verificationFailure(error: unknown): string {
  if (error instanceof errors.JWTExpired)
    return `The access token expired at ${expiry(error.payload.exp)}: get a new one.`;
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey
  )
    return "The access token's signature does not verify with the demo server's keys: it was issued by another server, or by this one before it restarted (each start draws a new key), or it was changed.";
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'The access token is not signed with RS256, the algorithm of the demo server.';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The access token's ${error.claim} claim is not valid (${error.message}).`;
  return 'The access token is not a well-formed signed JWT.';
}

const expiry = (exp: unknown) =>
  typeof exp === 'number' ? new Date(exp * 1000).toISOString() : 'an unknown time';

/** Asks the issuer's introspection endpoint (RFC 7662 §2.1) about a token: its JSON answer, or null when it could not be asked. */
export type Introspect = (token: string) => Promise<unknown>;

/**
 * Checks an access token by introspection (RFC 7662) instead of its signature: the issuer's
 * answer must say `active: true` (§2.2), and this API still checks what it checks in a JWT:
 * `iss`, `aud` and `exp` here, the scope and `cnf.jkt` in the caller, from the same claims.
 * A revoked token fails here while its JWT still verifies offline until `exp`.
 */
export function createIntrospectionChecker(
  policy: Omit<AccessTokenPolicy, 'jwks'>,
  introspect: Introspect,
): (token: string, nowSeconds: number) => Promise<AccessTokenCheck> {
  return async (token, nowSeconds) => {
    let answer: unknown;
    try {
      answer = await introspect(token);
    } catch {
      answer = null;
    }
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer))
      return {
        ok: false,
        reason:
          'The demo server did not give an introspection answer (RFC 7662), so this API cannot tell whether the token is active.',
      };
    const claims = answer as JWTPayload & { active?: unknown };
    if (claims.active !== true)
      return {
        ok: false,
        reason:
          'The demo server says the token is not active (introspection): it was revoked, it is past its exp, or this server never issued it (each restart forgets its tokens). Without check=introspect this API verifies the JWT offline, and a revoked JWT still passes until its exp.',
      };
    if (typeof claims.exp === 'number' && claims.exp <= nowSeconds)
      return {
        ok: false,
        reason: `The access token expired at ${expiry(claims.exp)} (introspection): get a new one.`,
      };
    if (claims.iss !== policy.issuer)
      return {
        ok: false,
        reason: `Introspection gives the token's iss as ${String(claims.iss)}; this API accepts tokens of ${policy.issuer} only.`,
      };
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes(policy.audience))
      return {
        ok: false,
        reason: `Introspection gives the token's aud as ${audiences.join(' ')}, not ${policy.audience}, the audience of this API.`,
      };
    return { ok: true, claims };
  };
}
