/**
 * What the claims of a JWT access token mean, in words, and how they compare with what the user
 * expects. Pure: the decoding and the signature check happen elsewhere (with `jose`).
 */

/** Meanings of the claims an access token carries: RFC 9068 §2.2, RFC 7519 §4.1, and Okta's own. */
const CLAIM_MEANINGS: Readonly<Record<string, string>> = {
  iss: 'Issuer: the authorization server that issued the token (RFC 9068 §2.2). Your API must accept only its own issuer.',
  sub: 'Subject: who the token is about. In the client credentials flow, the client itself (RFC 9068 §2.2).',
  aud: 'Audience: the API(s) the token is meant for (RFC 9068 §2.2). An API must refuse a token not meant for it.',
  exp: 'Expiration time: the token must not be accepted after this moment (RFC 7519 §4.1.4).',
  iat: 'Issued at: when the authorization server created the token (RFC 7519 §4.1.6).',
  nbf: 'Not before: the token must not be accepted before this moment (RFC 7519 §4.1.5).',
  jti: 'JWT ID: a unique identifier of this token, e.g. to detect replays (RFC 7519 §4.1.7).',
  client_id: 'The client the token was issued to (RFC 9068 §2.2, RFC 8693 §4.3).',
  scope: 'The scopes granted, space-separated (RFC 9068 §2.2.3): what the token allows.',
  auth_time:
    'When the user last authenticated (RFC 9068 §2.2.1); absent for a client acting alone.',
  acr: 'Authentication context class reference (RFC 9068 §2.2.1).',
  amr: 'Authentication methods used (RFC 9068 §2.2.1).',
  groups: 'Groups of the subject (RFC 9068 §2.2.3.1, from SCIM).',
  roles: 'Roles of the subject (RFC 9068 §2.2.3.1, from SCIM).',
  entitlements: 'Entitlements of the subject (RFC 9068 §2.2.3.1, from SCIM).',
  cnf: 'Confirmation: the key the token is bound to (RFC 7800), e.g. for DPoP or mutual TLS.',
  ver: 'Okta: the version of the access token format (1).',
  cid: 'Okta: the client ID of the application that requested the token.',
  scp: 'Okta: the scopes granted, as an array.',
  uid: 'Okta: the ID of the user the token is about; absent in the client credentials flow.',
};

/** Meanings of the JOSE header parameters (RFC 7515 §4.1, RFC 9068 §2.1). */
const HEADER_MEANINGS: Readonly<Record<string, string>> = {
  alg: 'The signature algorithm (RFC 7515 §4.1.1). RFC 9068 §2.1: never "none"; RS256 at least.',
  typ: 'The token type (RFC 7515 §4.1.9): "at+jwt" marks a JWT access token (RFC 9068 §2.1).',
  kid: "Key ID (RFC 7515 §4.1.4): which of the issuer's published keys (JWKS) signed the token.",
  jku: 'A URL for the signing keys (RFC 7515 §4.1.2): never trust it, use the issuer’s jwks_uri.',
  x5t: 'A thumbprint of the signing certificate (RFC 7515 §4.1.7).',
  cty: 'The content type of the payload (RFC 7515 §4.1.10).',
};

/** The meaning of a payload claim, or a plain note for a claim this page does not know. */
export function explainClaim(name: string): string {
  return Object.hasOwn(CLAIM_MEANINGS, name)
    ? CLAIM_MEANINGS[name]!
    : 'A claim specific to this server or API (not defined by RFC 9068).';
}

/** The meaning of a JOSE header parameter. */
export function explainHeaderParameter(name: string): string {
  return Object.hasOwn(HEADER_MEANINGS, name)
    ? HEADER_MEANINGS[name]!
    : 'A header parameter specific to this server.';
}

/** Claims whose value is a NumericDate (RFC 7519 §2: seconds since the epoch). */
export const TIME_CLAIMS: readonly string[] = ['exp', 'iat', 'nbf', 'auth_time'];

/**
 * A moment relative to now in the words of a countdown: "in 59 min", "expired 3 min ago" (for
 * `exp`), "2 h ago". Whole units, rounded down, so "in 59 min" stays true until it says 58.
 */
export function describeRelative(
  epochSeconds: number,
  nowMs: number,
  kind: 'expiry' | 'moment',
): string {
  const deltaSeconds = Math.trunc(epochSeconds - nowMs / 1000);
  const amount = Math.abs(deltaSeconds);
  const span =
    amount < 60
      ? `${amount} s`
      : amount < 3600
        ? `${Math.floor(amount / 60)} min`
        : amount < 86_400
          ? `${Math.floor(amount / 3600)} h ${Math.floor((amount % 3600) / 60)} min`
          : `${Math.floor(amount / 86_400)} d`;
  if (deltaSeconds > 0) return kind === 'expiry' ? `expires in ${span}` : `in ${span}`;
  return kind === 'expiry' ? `expired ${span} ago` : `${span} ago`;
}

export interface ClaimCheck {
  readonly claim: 'iss' | 'aud' | 'exp' | 'nbf';
  readonly ok: boolean;
  readonly message: string;
}

export interface ExpectedClaims {
  /** The issuer the user expects; empty when not known (then `iss` is only shown). */
  readonly issuer: string;
  /** The API's audience the user expects; empty when not given. */
  readonly audience: string;
}

function asStrings(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  return null;
}

/**
 * Compares `iss`, `aud`, `exp` and `nbf` with what the user expects and with the clock
 * (RFC 9068 §4 steps 3, 4 and 7). Each result is a sentence for the page.
 *
 * Does NOT check the signature: a token whose claims all pass may still be forged.
 */
export function checkClaims(
  payload: Readonly<Record<string, unknown>>,
  expected: ExpectedClaims,
  nowMs: number,
): ClaimCheck[] {
  const checks: ClaimCheck[] = [];
  const issuer = expected.issuer.trim();
  const iss = payload['iss'];
  if (issuer !== '') {
    checks.push(
      iss === issuer
        ? { claim: 'iss', ok: true, message: `iss is the expected issuer ${issuer}.` }
        : {
            claim: 'iss',
            ok: false,
            message:
              typeof iss === 'string'
                ? `iss is ${iss}, not the expected issuer ${issuer}: an API expecting ${issuer} refuses this token.`
                : `The token has no iss claim (RFC 9068 §2.2 requires one); expected ${issuer}.`,
          },
    );
  }
  const audience = expected.audience.trim();
  if (audience !== '') {
    const aud = asStrings(payload['aud']);
    checks.push(
      aud?.includes(audience)
        ? { claim: 'aud', ok: true, message: `aud includes the expected audience ${audience}.` }
        : {
            claim: 'aud',
            ok: false,
            message:
              aud === null
                ? `The token has no usable aud claim (RFC 9068 §2.2 requires one); expected ${audience}.`
                : `aud is ${aud.join(', ')}, not ${audience}: an API with the audience ${audience} refuses this token.`,
          },
    );
  }
  const exp = payload['exp'];
  if (typeof exp === 'number') {
    checks.push(
      exp * 1000 > nowMs
        ? {
            claim: 'exp',
            ok: true,
            message: `Not expired: ${describeRelative(exp, nowMs, 'expiry')}.`,
          }
        : {
            claim: 'exp',
            ok: false,
            message: `The token has expired (${describeRelative(exp, nowMs, 'expiry')}): request a new one.`,
          },
    );
  } else {
    checks.push({
      claim: 'exp',
      ok: false,
      message: 'The token has no exp claim (RFC 9068 §2.2 requires one).',
    });
  }
  const nbf = payload['nbf'];
  if (typeof nbf === 'number' && nbf * 1000 > nowMs) {
    checks.push({
      claim: 'nbf',
      ok: false,
      message: `Not valid yet: usable ${describeRelative(nbf, nowMs, 'moment')}.`,
    });
  }
  return checks;
}

/** The three dot-separated parts of a JWS compact serialization (RFC 7515 §7.1). */
export interface TokenParts {
  readonly header: string;
  readonly payload: string;
  readonly signature: string;
}

/**
 * The parts of a token shaped like a JWS (three base64url parts), or `null` for anything else:
 * an opaque token (RFC 6749 §1.4 allows any string), or a JWE (five parts, encrypted: only its
 * issuer can read it).
 */
export function splitJws(token: string): TokenParts | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]*$/.test(part))) return null;
  const [header, payload, signature] = parts as [string, string, string];
  if (header === '' || payload === '') return null;
  return { header, payload, signature };
}

/** Why a token is not readable here, for the page: an opaque token or an encrypted JWT. */
export function explainUnreadableToken(token: string): string {
  if (token.split('.').length === 5) {
    return 'This is an encrypted JWT (JWE, five parts): only the API it was encrypted for can read it. Ask the authorization server to introspect it (RFC 7662) to learn what it grants.';
  }
  return 'This is an opaque access token: a reference only its authorization server can resolve (RFC 6749 §1.4 allows any string). Nothing can be decoded here; token introspection (RFC 7662) tells an API whether it is active and what it grants. Send it as it is: Authorization: Bearer <token>.';
}
