import { bytesToBase64Url } from '../encoding/base64url.ts';
import type { AssertionAlgorithm } from './client-assertion.ts';

/** Why a pasted private key cannot be used, as a stable code beside the sentence. */
export type PrivateKeyErrorCode =
  | 'empty'
  | 'pkcs1-pem'
  | 'sec1-pem'
  | 'encrypted-pem'
  | 'public-key'
  | 'certificate'
  | 'unknown-pem'
  | 'bad-pem'
  | 'not-a-key'
  | 'jwks'
  | 'public-jwk'
  | 'unsupported-key'
  | 'alg-mismatch'
  | 'invalid-key';

/** A private key the page cannot use, with a sentence that says what to do instead. */
export class PrivateKeyError extends Error {
  override name = 'PrivateKeyError';
  constructor(
    readonly code: PrivateKeyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The public half as a JWK (RFC 7517): the members RFC 7638 hashes, plus `kid`, `alg`, `use`. */
export type PublicJwk =
  | {
      readonly kty: 'RSA';
      readonly n: string;
      readonly e: string;
      readonly kid: string;
      readonly alg: AssertionAlgorithm;
      readonly use: 'sig';
    }
  | {
      readonly kty: 'EC';
      readonly crv: 'P-256';
      readonly x: string;
      readonly y: string;
      readonly kid: string;
      readonly alg: AssertionAlgorithm;
      readonly use: 'sig';
    };

/** A private key ready to sign client assertions, and what to register with the server. */
export interface ParsedPrivateKey {
  readonly alg: AssertionAlgorithm;
  /** Non-extractable: once imported, the page cannot read the private key back out of it. */
  readonly signingKey: CryptoKey;
  readonly publicJwk: PublicJwk;
  readonly format: 'pkcs8-pem' | 'jwk';
}

export const RSA_IMPORT: RsaHashedImportParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
export const EC_IMPORT: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };

// OIDs as DER bytes, found in a PKCS#8 PrivateKeyInfo's AlgorithmIdentifier (RFC 5208 §5).
const OID_RSA_ENCRYPTION = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_EC_PUBLIC_KEY = [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const OID_P256 = [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
/** The AlgorithmIdentifier comes right after the version: within the first few dozen bytes. */
const ALGORITHM_IDENTIFIER_WINDOW = 48;

const CONVERT_TO_PKCS8 =
  'Convert it to PKCS#8 first: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem';

function containsBytes(haystack: Uint8Array, needle: readonly number[]): boolean {
  const end = Math.min(haystack.length, ALGORITHM_IDENTIFIER_WINDOW) - needle.length;
  for (let start = 0; start <= end; start++) {
    if (needle.every((byte, index) => haystack[start + index] === byte)) return true;
  }
  return false;
}

/** The one PEM block of `text` (RFC 7468 §2): its label and its Base64 body. */
function readPem(text: string): { label: string; body: string } | null {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  return match ? { label: match[1]!, body: match[2]! } : null;
}

function decodePemBody(body: string): Uint8Array<ArrayBuffer> {
  const compact = body.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0)
    throw new PrivateKeyError(
      'bad-pem',
      'The PEM block is damaged: its body is not Base64 (a line lost or changed while copying?). Paste the whole file again, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.',
    );
  return Uint8Array.from(atob(compact), (char) => char.charCodeAt(0));
}

/** Which PEM labels are not a PKCS#8 private key, and what to do with each. */
function refusePemLabel(label: string): never {
  switch (label) {
    case 'RSA PRIVATE KEY':
      throw new PrivateKeyError(
        'pkcs1-pem',
        `This is a PKCS#1 RSA key (BEGIN RSA PRIVATE KEY); the page reads PKCS#8 (BEGIN PRIVATE KEY). ${CONVERT_TO_PKCS8}`,
      );
    case 'EC PRIVATE KEY':
      throw new PrivateKeyError(
        'sec1-pem',
        `This is a SEC 1 EC key (BEGIN EC PRIVATE KEY); the page reads PKCS#8 (BEGIN PRIVATE KEY). ${CONVERT_TO_PKCS8}`,
      );
    case 'ENCRYPTED PRIVATE KEY':
      throw new PrivateKeyError(
        'encrypted-pem',
        'This private key is encrypted with a passphrase, which the page does not ask for. Decrypt a copy first: openssl pkcs8 -in key.pem -out key-plain.pem (then paste that, and delete it afterwards).',
      );
    case 'PUBLIC KEY':
    case 'RSA PUBLIC KEY':
      throw new PrivateKeyError(
        'public-key',
        'This is a public key: signing needs the private key (BEGIN PRIVATE KEY). The public key is what goes to the server.',
      );
    case 'CERTIFICATE':
      throw new PrivateKeyError(
        'certificate',
        'This is a certificate, which holds only the public key: paste the private key (BEGIN PRIVATE KEY) instead.',
      );
    default:
      throw new PrivateKeyError(
        'unknown-pem',
        `A PEM block labelled "${label}" is not a private key the page reads: paste a PKCS#8 key (BEGIN PRIVATE KEY) or a private JWK.`,
      );
  }
}

async function importPkcs8(
  der: Uint8Array<ArrayBuffer>,
): Promise<{ alg: AssertionAlgorithm; key: CryptoKey }> {
  const alg: AssertionAlgorithm | null = containsBytes(der, OID_RSA_ENCRYPTION)
    ? 'RS256'
    : containsBytes(der, OID_EC_PUBLIC_KEY)
      ? containsBytes(der, OID_P256)
        ? 'ES256'
        : null
      : null;
  if (alg === null)
    throw new PrivateKeyError(
      'unsupported-key',
      'This PKCS#8 key is neither RSA nor EC P-256 (e.g. P-384 or Ed25519): the page signs RS256 or ES256. Generate a key pair here, or use an RSA or P-256 key.',
    );
  try {
    const params = alg === 'RS256' ? RSA_IMPORT : EC_IMPORT;
    const key = await crypto.subtle.importKey('pkcs8', der, params, true, ['sign']);
    return { alg, key };
  } catch {
    throw new PrivateKeyError(
      'invalid-key',
      'The PEM block is not a valid PKCS#8 private key (truncated or altered?): paste the whole file again.',
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function importPrivateJwk(
  jwk: Record<string, unknown>,
): Promise<{ alg: AssertionAlgorithm; key: CryptoKey }> {
  if (Array.isArray(jwk.keys))
    throw new PrivateKeyError(
      'jwks',
      'This is a key set (JWKS, {"keys": [...]}): paste the one private key, the object inside the list.',
    );
  const alg: AssertionAlgorithm | null =
    jwk.kty === 'RSA' ? 'RS256' : jwk.kty === 'EC' && jwk.crv === 'P-256' ? 'ES256' : null;
  if (alg === null)
    throw new PrivateKeyError(
      'unsupported-key',
      `A JWK with kty ${JSON.stringify(jwk.kty ?? null)}${jwk.crv === undefined ? '' : ` and crv ${JSON.stringify(jwk.crv)}`} cannot sign RS256 or ES256: use an RSA key or an EC key on P-256.`,
    );
  if (typeof jwk.d !== 'string')
    throw new PrivateKeyError(
      'public-jwk',
      'This JWK is a public key (it has no "d"): signing needs the private JWK. The public one is what goes to the server.',
    );
  if (jwk.alg !== undefined && jwk.alg !== alg)
    throw new PrivateKeyError(
      'alg-mismatch',
      `This JWK says "alg": ${JSON.stringify(jwk.alg)}, but the page signs ${alg} with a ${String(jwk.kty)} key: remove "alg" or set it to ${alg}.`,
    );
  // Web Crypto checks `alg`, `use` and `key_ops` against the import: only the key's own members go in.
  const keyMembers = Object.fromEntries(
    Object.entries(jwk).filter(([name]) => !['alg', 'use', 'key_ops', 'kid'].includes(name)),
  );
  try {
    const params = alg === 'RS256' ? RSA_IMPORT : EC_IMPORT;
    const key = await crypto.subtle.importKey('jwk', keyMembers, params, true, ['sign']);
    return { alg, key };
  } catch {
    throw new PrivateKeyError(
      'invalid-key',
      alg === 'RS256'
        ? 'This RSA JWK is not a usable private key: it needs n, e, d, p, q, dp, dq and qi, each base64url.'
        : 'This EC JWK is not a usable private key: it needs x, y and d on P-256, each base64url.',
    );
  }
}

/** The members RFC 7638 §3.2 hashes, in lexicographic order, from an exported JWK. */
function requiredMembers(jwk: JsonWebKey, alg: AssertionAlgorithm): Record<string, string> {
  const text = (name: keyof JsonWebKey): string => {
    const value = jwk[name];
    if (typeof value !== 'string')
      throw new PrivateKeyError('invalid-key', `The key has no ${name}.`);
    return value;
  };
  return alg === 'RS256'
    ? { e: text('e'), kty: 'RSA', n: text('n') }
    : { crv: 'P-256', kty: 'EC', x: text('x'), y: text('y') };
}

/**
 * The RFC 7638 JWK thumbprint (SHA-256, base64url) of a public key's required members: the JSON
 * object of those members only, in lexicographic order, without white space (§3.1, §3.3).
 */
export async function jwkThumbprint(members: Readonly<Record<string, string>>): Promise<string> {
  const ordered = Object.keys(members)
    .sort()
    .map((name) => `${JSON.stringify(name)}:${JSON.stringify(members[name])}`)
    .join(',');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`{${ordered}}`));
  return bytesToBase64Url(new Uint8Array(digest));
}

/**
 * Reads a private key the user pasted or generated: a PKCS#8 PEM (`BEGIN PRIVATE KEY`, RFC 5208,
 * RFC 7468) or a private JWK (RFC 7517), RSA (RS256) or EC P-256 (ES256). Returns a signing key
 * that cannot be exported again, and the public JWK with its RFC 7638 thumbprint as `kid` (a
 * JWK that has a `kid` keeps its own).
 *
 * Throws `PrivateKeyError` with a specific code and sentence for anything else: PKCS#1 or SEC 1
 * PEM, an encrypted key, a public key or certificate, a JWKS, a damaged block, another curve.
 * Does NOT keep the text, and never puts key material in an error message.
 */
export async function parsePrivateKey(text: string): Promise<ParsedPrivateKey> {
  const trimmed = text.trim();
  if (trimmed === '')
    throw new PrivateKeyError('empty', 'Paste a private key, or generate a key pair.');
  let imported: { alg: AssertionAlgorithm; key: CryptoKey };
  let format: ParsedPrivateKey['format'];
  let ownKid: string | undefined;
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new PrivateKeyError(
        'not-a-key',
        'This starts like a JWK but is not valid JSON (cut short while copying?): paste the whole object.',
      );
    }
    if (!isRecord(json))
      throw new PrivateKeyError('not-a-key', 'A JWK is a JSON object: paste the whole object.');
    imported = await importPrivateJwk(json);
    format = 'jwk';
    if (typeof json.kid === 'string' && json.kid !== '') ownKid = json.kid;
  } else {
    const pem = readPem(trimmed);
    if (pem === null)
      throw new PrivateKeyError(
        'not-a-key',
        'Not a private key: paste a PKCS#8 PEM (from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----) or a private JWK ({"kty": …, "d": …}).',
      );
    if (pem.label !== 'PRIVATE KEY') refusePemLabel(pem.label);
    imported = await importPkcs8(decodePemBody(pem.body));
    format = 'pkcs8-pem';
  }
  const { alg, key } = imported;
  const exported = await crypto.subtle.exportKey('jwk', key);
  const members = requiredMembers(exported, alg);
  // A JWK that names its key keeps the name: the server (Okta included) may know it by that kid.
  const kid = ownKid ?? (await jwkThumbprint(members));
  const signingKey = await crypto.subtle.importKey(
    'jwk',
    exported,
    alg === 'RS256' ? RSA_IMPORT : EC_IMPORT,
    false,
    ['sign'],
  );
  const publicJwk: PublicJwk =
    alg === 'RS256'
      ? { kty: 'RSA', n: members.n!, e: members.e!, kid, alg, use: 'sig' }
      : { kty: 'EC', crv: 'P-256', x: members.x!, y: members.y!, kid, alg, use: 'sig' };
  return { alg, signingKey, publicJwk, format };
}

/** The JWK Set (RFC 7517 §5) a server reads the public key from. */
export function jwksOf(publicJwk: PublicJwk): { readonly keys: readonly [PublicJwk] } {
  return { keys: [publicJwk] };
}
