import { createPublicKey } from 'node:crypto';
import { errors } from 'oidc-provider';
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

/** Members that only a private (or symmetric) JWK has (RFC 7518 §6.2.2, §6.3.2, §6.4). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** The signing algorithm each accepted key type is for (RFC 7518 §3.1). */
const ALG_FOR_KEY: Readonly<Record<string, { alg: string; crv?: string }>> = {
  RSA: { alg: 'RS256' },
  EC: { alg: 'ES256', crv: 'P-256' },
};

/**
 * Descriptions are plain ASCII without `"` or a backslash (RFC 6749 §5.2, RFC 7591 §3.2.2):
 * oidc-provider repeats them in a WWW-Authenticate header, where anything else makes Node throw
 * and the answer a 500. Values quoted from the request (a field name, a kty) are made to fit.
 */
const refuse = (description: string): never => {
  throw new errors.InvalidClientMetadata(
    description.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '?'),
  );
};

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
  const kty = typeof key.kty === 'string' ? key.kty : '';
  const expected = ALG_FOR_KEY[kty];
  if (!expected)
    return refuse(
      `${where}: this demo server accepts RSA (RS256) and EC P-256 (ES256) keys, not kty ${String(key.kty)}`,
    );
  if (expected.crv !== undefined && key.crv !== expected.crv)
    refuse(`${where}: an EC key must be on curve ${expected.crv} (ES256)`);
  if (key.alg !== undefined && key.alg !== expected.alg)
    refuse(`${where}: a ${kty} key here signs with ${expected.alg}, not ${String(key.alg)}`);
  if (key.use !== undefined && key.use !== 'sig') refuse(`${where}: use must be sig`);
  let modulusLength: number | undefined;
  try {
    // Importing proves the members form a real public key (node:crypto reads RFC 7517 JWKs).
    modulusLength = createPublicKey({ key, format: 'jwk' }).asymmetricKeyDetails?.modulusLength;
  } catch {
    refuse(`${where} is not a valid ${kty} public key`);
  }
  // RFC 7518 §3.3: RS256 keys MUST be 2048 bits or larger.
  if (kty === 'RSA' && (modulusLength ?? 0) < 2048)
    refuse(`${where}: an RSA key must be at least 2048 bits long (RFC 7518 section 3.3)`);
}

/**
 * The demo server's registration policy (RFC 7591 with no initial access token: it is a local
 * demo). A registration gets a client for the client credentials grant that authenticates with
 * private_key_jwt, its public key(s) inline in `jwks`, and the demo scopes; never a secret.
 * `jwks_uri` is refused so the server never fetches a URL a caller chose.
 *
 * Called by oidc-provider (`extraClientMetadata.validator`) with the request `body` and the
 * `metadata` it has built so far (defaults applied), which it completes (`scope`) and cleans (no
 * secret). Throws
 * `invalid_client_metadata` (RFC 7591 §3.2.2) with a sentence saying what to change.
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
        `${field} is not accepted: this demo server registers only client-credentials clients that sign with a key (private_key_jwt)`,
      );
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
  // Unknown scopes never get here: oidc-provider refuses them against `scopes` first.
  if (metadata.scope === undefined) metadata.scope = DEMO_SCOPES.join(' ');
  // oidc-provider decides whether to mint a secret from the request alone, before the defaults
  // above make the client a private_key_jwt one: a client that signs with a key gets none.
  delete metadata.client_secret;
  delete metadata.client_secret_expires_at;
}
