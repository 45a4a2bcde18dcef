import { jwkThumbprint } from '../core/client-auth/private-key.ts';
import {
  browserProofSources,
  dpopProofClaims,
  type DpopAlgorithm,
  type DpopProofClaims,
  type DpopProofHeader,
  type DpopProofRequest,
  type DpopPublicJwk,
  type ProofSources,
} from '../core/dpop/proof.ts';
import { accessTokenHash } from '../core/dpop/ath.ts';
import { bytesToBase64Url } from '../core/encoding/base64url.ts';

/** The page's DPoP key pair (RFC 9449 §4.2), made by Web Crypto and held in memory only. */
export interface DpopKeyPair {
  readonly algorithm: DpopAlgorithm;
  /** Not extractable: nothing in the page can read the private key out of it. */
  readonly privateKey: CryptoKey;
  readonly publicJwk: DpopPublicJwk;
  /** RFC 7638 SHA-256 thumbprint (base64url): what a bound token names in `cnf.jkt`. */
  readonly thumbprint: string;
}

const GENERATE: Record<DpopAlgorithm, RsaHashedKeyGenParams | EcKeyGenParams> = {
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
  RS256: {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
};

const SIGN: Record<DpopAlgorithm, AlgorithmIdentifier | EcdsaParams> = {
  ES256: { name: 'ECDSA', hash: 'SHA-256' },
  RS256: { name: 'RSASSA-PKCS1-v1_5' },
};

/** The public JWK's required members (RFC 7638 §3.2), which the proof header carries. */
function publicMembers(jwk: JsonWebKey, algorithm: DpopAlgorithm): DpopPublicJwk {
  const { kty, crv, x, y, n, e } = jwk;
  if (algorithm === 'ES256' && kty === 'EC' && crv === 'P-256' && x && y) return { kty, crv, x, y };
  if (algorithm === 'RS256' && kty === 'RSA' && n && e) return { kty, n, e };
  throw new Error(`Web Crypto exported an unexpected ${algorithm} public key.`);
}

/** A new key pair; its private half cannot be exported (Web Crypto's `extractable: false`). */
export async function generateDpopKeyPair(algorithm: DpopAlgorithm): Promise<DpopKeyPair> {
  const pair = (await crypto.subtle.generateKey(GENERATE[algorithm], false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const publicJwk = publicMembers(await crypto.subtle.exportKey('jwk', pair.publicKey), algorithm);
  const thumbprint = await jwkThumbprint(publicJwk as unknown as Record<string, string>);
  return { algorithm, privateKey: pair.privateKey, publicJwk, thumbprint };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const segment = (value: object) => bytesToBase64Url(utf8(JSON.stringify(value)));

export interface SignedDpopProof {
  readonly proof: string;
  readonly header: DpopProofHeader;
  readonly claims: DpopProofClaims;
}

/**
 * Signs a NEW proof for `request` (RFC 9449 §4.2): fresh `jti` and `iat` at every call. The
 * signature is Web Crypto's: for ES256 the 64 bytes r‖s JWS wants (RFC 7518 §3.4), for RS256
 * PKCS#1 v1.5 (§3.3). Rejects when the URL is not absolute http(s).
 */
export async function signDpopProof(
  key: DpopKeyPair,
  request: DpopProofRequest,
  sources: ProofSources = browserProofSources,
): Promise<SignedDpopProof> {
  const ath =
    request.accessToken === undefined ? undefined : await accessTokenHash(request.accessToken);
  const claims = dpopProofClaims(request, ath, sources);
  const header: DpopProofHeader = { typ: 'dpop+jwt', alg: key.algorithm, jwk: key.publicJwk };
  const signingInput = `${segment(header)}.${segment(claims)}`;
  const signature = await crypto.subtle.sign(
    SIGN[key.algorithm],
    key.privateKey,
    utf8(signingInput),
  );
  return {
    proof: `${signingInput}.${bytesToBase64Url(new Uint8Array(signature))}`,
    header,
    claims,
  };
}
