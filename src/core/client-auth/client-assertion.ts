/** RFC 7523 §2.2: the `client_assertion_type` of a JWT client assertion. */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * The body fields that carry a client assertion (RFC 7523 §2.2, RFC 7521 §4.2), after `scope`;
 * none while no assertion is signed.
 */
export function clientAssertionFields(
  assertion: SignedAssertion | null | undefined,
): ReadonlyArray<readonly [string, string]> {
  return assertion
    ? [
        ['client_assertion_type', CLIENT_ASSERTION_TYPE],
        ['client_assertion', assertion.jwt],
      ]
    : [];
}

/** The key pairs the page makes and reads (RFC 7518 §3.1): RSA PKCS#1 v1.5 and ECDSA P-256. */
export type AssertionAlgorithm = 'RS256' | 'ES256';

/** What a client assertion may be signed with: a key pair's algorithm, or HMAC over a shared secret. */
export type JwsAlgorithm = AssertionAlgorithm | 'HS256';

/** Okta's documented default for a client assertion's lifetime is a few minutes: five here. */
export const DEFAULT_ASSERTION_LIFETIME_SECONDS = 300;
/** Okta refuses an assertion whose `exp` is more than an hour after `iat`. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 3600;

/** The JOSE header (RFC 7515 §4.1): `typ: JWT` as RFC 7519 §5.1 recommends. */
export interface AssertionHeader {
  readonly alg: JwsAlgorithm;
  /**
   * The RFC 7638 thumbprint of the public key, so the server finds it in the client's JWKS.
   * Absent for a shared secret: the client has one.
   */
  readonly kid?: string;
  readonly typ: 'JWT';
}

/** The claims RFC 7523 §3 and OpenID Connect Core §9 ask of a client assertion. */
export interface AssertionClaims {
  /** The client ID (RFC 7523 §3 item 1; OIDC Core §9: iss = sub = client_id). */
  readonly iss: string;
  readonly sub: string;
  /** The token endpoint URL exactly (RFC 7523 §3 item 3; OIDC Core §9). */
  readonly aud: string;
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
  /** A fresh random value per assertion, so a server can refuse a replay (RFC 7523 §3 item 7). */
  readonly jti: string;
}

/** A signed client assertion: what was signed and the compact JWS (RFC 7515 §7.1). */
export interface SignedAssertion {
  readonly header: AssertionHeader;
  readonly claims: AssertionClaims;
  readonly jwt: string;
}

/** What an assertion is made from. */
export interface AssertionInput {
  readonly clientId: string;
  /** The token endpoint as the request is sent (trimmed), which `aud` repeats byte for byte. */
  readonly tokenEndpoint: string;
  readonly lifetimeSeconds: number;
}

/**
 * A lifetime the page can use: whole seconds in (0, 3600]. Anything else (empty, negative, not a
 * number) falls back to the default; over an hour is cut to an hour, which Okta still accepts.
 */
export function clampAssertionLifetime(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0) return DEFAULT_ASSERTION_LIFETIME_SECONDS;
  return Math.min(MAX_ASSERTION_LIFETIME_SECONDS, Math.max(1, Math.round(seconds)));
}

/**
 * Whether a signed assertion still describes these inputs (client ID, endpoint, lifetime). The
 * page signs asynchronously, so for a moment after an edit the last assertion is stale: the
 * request model then shows none rather than one that names the old values.
 */
export function assertionMatches(assertion: SignedAssertion, input: AssertionInput): boolean {
  const { claims } = assertion;
  return (
    claims.iss === input.clientId &&
    claims.aud === input.tokenEndpoint &&
    claims.exp - claims.iat === clampAssertionLifetime(input.lifetimeSeconds)
  );
}
