import { Buffer } from 'node:buffer';
import { createPublicKey } from 'node:crypto';
import { errors, type ErrorContext } from 'oidc-provider';
import { DEMO_SCOPES } from './constants.ts';

/** Keys one registration may carry: enough to roll a key over, not a place to store data. */
export const MAX_REGISTERED_KEYS = 3;

/**
 * What a registration request (RFC 7591 §2) may say to this demo server. Everything else is
 * refused rather than ignored, so nobody believes the demo honoured it.
 */
const ACCEPTED_FIELDS: ReadonlySet<string> = new Set([
  'client_name',
  'grant_types',
  // Accepted only empty: client credentials involve no browser and no redirect.
  'response_types',
  'redirect_uris',
  'token_endpoint_auth_method',
  'token_endpoint_auth_signing_alg',
  'jwks',
  'scope',
  'software_id',
]);

/** Longest client_name, software_id or kid: a label, not a place to store data. */
export const MAX_LABEL_LENGTH = 200;

/** RSA moduli accepted, in bits: RFC 7518 §3.3's minimum, and a ceiling on verification cost. */
const RSA_BITS = { min: 2048, max: 4096 };

/** Members that only a private (or symmetric) JWK has (RFC 7518 §6.2.2, §6.3.2, §6.4). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** Members that point at a URL the server would have to fetch (RFC 7517 §4.6; RFC 7515 §4.1.2). */
const URL_MEMBERS = ['x5u', 'jku'];

/**
 * Certificate members (RFC 7517 §4.7-4.9). Refused, not ignored: this server checks no
 * certificate, so a registrant must not believe it did (and a chain is bulk it would keep).
 */
const CERTIFICATE_MEMBERS = ['x5c', 'x5t', 'x5t#S256'];

/** Members every accepted public key may have (RFC 7517 §4.1-4.5). */
const COMMON_MEMBERS = ['kty', 'use', 'key_ops', 'alg', 'kid'];

/**
 * Each accepted key type: the algorithm it signs with (RFC 7518 §3.1), its curve, and the members
 * of its public key (RFC 7518 §6.2.1 for EC, §6.3.1 for RSA).
 */
const KEY_TYPES: Readonly<
  Record<string, { alg: string; crv?: string; members: readonly string[] }>
> = {
  RSA: { alg: 'RS256', members: ['n', 'e'] },
  EC: { alg: 'ES256', crv: 'P-256', members: ['crv', 'x', 'y'] },
};

/**
 * Descriptions are plain ASCII without `"` or a backslash (RFC 6749 §5.2, RFC 7591 §3.2.2):
 * oidc-provider repeats them in a WWW-Authenticate header, where anything else makes Node throw
 * and the answer a 500. Values quoted from the request (a field name, a kty) are made to fit.
 */
const toDescription = (text: string): string => text.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '?');

const refuse = (description: string): never => {
  throw new errors.InvalidClientMetadata(toDescription(description));
};

/** A value from the request, cut short enough to repeat in a header. */
const quote = (value: unknown): string => {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
};

/** The size of an RSA modulus, from its base64urlUInt (RFC 7518 §6.3.1.1), before importing it. */
function modulusBits(n: string): number {
  const bytes = Buffer.from(n, 'base64url');
  let first = 0;
  while (first < bytes.length && bytes[first] === 0) first += 1;
  const top = bytes[first];
  return top === undefined ? 0 : (bytes.length - first - 1) * 8 + (32 - Math.clz32(top));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkKey(key: unknown, index: number): void {
  const where = `jwks.keys[${index}]`;
  if (!isRecord(key)) return refuse(`${where} is not a JSON object`);
  const found = PRIVATE_MEMBERS.filter((member) => member in key);
  if (found.length > 0)
    refuse(
      `${where} contains private key members (${found.join(', ')}): register only the public key, and keep the private key to yourself`,
    );
  const urls = URL_MEMBERS.filter((member) => member in key);
  if (urls.length > 0)
    refuse(
      `${where} contains ${urls.join(' and ')}: this demo server never fetches URLs; remove it and send the key itself inline`,
    );
  const certificates = CERTIFICATE_MEMBERS.filter((member) => member in key);
  if (certificates.length > 0)
    refuse(
      `${where} contains ${certificates.join(', ')}: this demo server checks no certificate; remove it and send the bare public key`,
    );
  const kty = typeof key.kty === 'string' ? key.kty : '';
  const expected = KEY_TYPES[kty];
  if (!expected)
    return refuse(
      `${where}: this demo server accepts RSA (RS256) and EC P-256 (ES256) keys, not kty ${quote(key.kty)}`,
    );
  const allowed = [...COMMON_MEMBERS, ...expected.members];
  const unknown = Object.keys(key).find((member) => !allowed.includes(member));
  if (unknown !== undefined)
    refuse(
      `${where}: ${quote(unknown)} is not a member of a public ${kty} key; remove it (accepted: ${allowed.join(', ')})`,
    );
  if (expected.crv !== undefined && key.crv !== expected.crv)
    refuse(`${where}: an EC key must be on curve ${expected.crv} (ES256)`);
  if (key.alg !== undefined && key.alg !== expected.alg)
    refuse(`${where}: a ${kty} key here signs with ${expected.alg}, not ${quote(key.alg)}`);
  if (key.use !== undefined && key.use !== 'sig') refuse(`${where}: use must be sig`);
  // RFC 7517 §4.3: a public key registered to check assertions is for verify, nothing else.
  if (
    key.key_ops !== undefined &&
    !(Array.isArray(key.key_ops) && key.key_ops.length === 1 && key.key_ops[0] === 'verify')
  )
    refuse(`${where}: key_ops must hold only verify, or be left out`);
  if (key.kid !== undefined && (typeof key.kid !== 'string' || key.kid.length > MAX_LABEL_LENGTH))
    refuse(`${where}: kid must be a string of at most ${MAX_LABEL_LENGTH} characters`);
  if (kty === 'RSA') {
    // Measured before importing: node:crypto would otherwise parse a modulus of any size.
    const bits = typeof key.n === 'string' ? modulusBits(key.n) : 0;
    // RFC 7518 §3.3: RS256 keys MUST be 2048 bits or larger.
    if (bits < RSA_BITS.min)
      refuse(
        `${where}: an RSA key must be at least ${RSA_BITS.min} bits long (RFC 7518 section 3.3)`,
      );
    if (bits > RSA_BITS.max)
      refuse(
        `${where}: an RSA key here may be at most ${RSA_BITS.max} bits long, not ${bits}; make a 2048, 3072 or 4096-bit key`,
      );
  }
  try {
    // Importing proves the members form a real public key (node:crypto reads RFC 7517 JWKs).
    createPublicKey({ key, format: 'jwk' });
  } catch {
    refuse(`${where} is not a valid ${kty} public key`);
  }
}

/**
 * Why `scope` (RFC 7591 §2) is refused, or undefined when it names only demo scopes (or is left
 * out). `openid` is a scope oidc-provider knows whatever it is configured with, so only this
 * check refuses it.
 */
function scopeRefusal(scope: unknown): string | undefined {
  if (scope === undefined) return undefined;
  const tokens = typeof scope === 'string' ? scope.split(' ').filter((token) => token !== '') : [];
  const others = tokens.filter((token) => !DEMO_SCOPES.includes(token));
  const choice = `ask for ${DEMO_SCOPES.join(' and/or ')}, or leave scope out for both`;
  if (tokens.length === 0) return `scope must name at least one demo scope: ${choice}`;
  if (others.length === 0) return undefined;
  const openid = others.includes('openid')
    ? ' (openid identifies a user, and client credentials have none)'
    : '';
  return `scope ${others.map(quote).join(' ')} is not a demo scope${openid}: ${choice}`;
}

/** oidc-provider's own words for a scope it does not know, which name no scope to use instead. */
const UNSUPPORTED_SCOPE = 'scope must only contain Authorization Server supported scope values';

/**
 * A `registration_create.error` listener: oidc-provider refuses a scope it does not know before
 * `checkRegistration` runs, in words that do not say what to ask for; this replaces them with the
 * same sentence `checkRegistration` gives for `openid` (the answer's body is already set).
 */
export function explainScopeRefusal(ctx: ErrorContext, error: errors.OIDCProviderError): void {
  const body = ctx.body;
  if (
    error.error !== 'invalid_client_metadata' ||
    error.error_description !== UNSUPPORTED_SCOPE ||
    typeof body !== 'object' ||
    body === null
  )
    return;
  const description = scopeRefusal(ctx.oidc?.body?.scope);
  if (description !== undefined)
    Object.assign(body, { error_description: toDescription(description) });
}

/**
 * The demo server's registration policy (RFC 7591 with no initial access token: it is a local
 * demo). A registration gets a client for the client credentials grant that authenticates with
 * private_key_jwt, its public key(s) inline in `jwks`, and the demo scopes; never a secret.
 * `jwks_uri`, `x5u` and `jku` are refused so the server never fetches a URL a caller chose; a key
 * carries only the public members of RSA (2048 to 4096 bits) or EC P-256 keys; labels are short:
 * nothing a registration holds is a place to store data.
 *
 * Called by oidc-provider (`extraClientMetadata.validator`) with the request `body` and the
 * `metadata` it has built so far (defaults applied), which it completes (`scope`) and cleans (no
 * secret). Throws `invalid_client_metadata` (RFC 7591 §3.2.2) with a sentence saying what to
 * change. Does NOT see a scope oidc-provider does not know: that refusal comes first, and
 * `explainScopeRefusal` rewords it.
 */
export function checkRegistration(
  body: Record<string, unknown>,
  metadata: Record<string, unknown>,
): void {
  for (const field of Object.keys(body)) {
    if (field === 'jwks_uri')
      refuse(
        'jwks_uri is not accepted: this demo server never fetches URLs; send the public key inline as jwks',
      );
    const emptyList = Array.isArray(body[field]) && (body[field] as unknown[]).length === 0;
    if ((field === 'redirect_uris' || field === 'response_types') && !emptyList)
      refuse(`${field} must be empty: the client credentials grant has no browser and no redirect`);
    if (!ACCEPTED_FIELDS.has(field))
      refuse(
        `${quote(field)} is not accepted: this demo server registers only client-credentials clients that sign with a key (private_key_jwt)`,
      );
  }
  for (const label of ['client_name', 'software_id']) {
    const value = body[label];
    if (value !== undefined && (typeof value !== 'string' || value.length > MAX_LABEL_LENGTH))
      refuse(`${label} must be a string of at most ${MAX_LABEL_LENGTH} characters`);
  }
  const grants = metadata.grant_types;
  if (!Array.isArray(grants) || grants.length !== 1 || grants[0] !== 'client_credentials')
    refuse('grant_types must be client_credentials alone: the only grant of this demo server');
  if (metadata.token_endpoint_auth_method !== 'private_key_jwt')
    refuse(
      'token_endpoint_auth_method must be private_key_jwt: registered clients sign assertions and get no secret',
    );
  const jwks = metadata.jwks;
  if (!isRecord(jwks) || !Array.isArray(jwks.keys) || jwks.keys.length === 0)
    return refuse('jwks must hold at least one public key, in jwks.keys');
  if (jwks.keys.length > MAX_REGISTERED_KEYS)
    refuse(`jwks may hold at most ${MAX_REGISTERED_KEYS} keys here`);
  jwks.keys.forEach(checkKey);
  const badScope = scopeRefusal(metadata.scope);
  if (badScope !== undefined) refuse(badScope);
  if (metadata.scope === undefined) metadata.scope = DEMO_SCOPES.join(' ');
  // oidc-provider decides whether to mint a secret from the request alone, before the defaults
  // above make the client a private_key_jwt one: a client that signs with a key gets none.
  delete metadata.client_secret;
  delete metadata.client_secret_expires_at;
}
