import { bytesToBase64Url } from '../encoding/base64url.ts';
import { readJwt } from '../encoding/jws.ts';
import { dpopHtu } from './htu.ts';

/** The DPoP key pairs the page makes (RFC 9449 §4.2: an asymmetric JWS algorithm, never none). */
export type DpopAlgorithm = 'ES256' | 'RS256';

/** The public key a proof carries in its header: the RFC 7638 required members only. */
export type DpopPublicJwk =
  | { readonly kty: 'EC'; readonly crv: 'P-256'; readonly x: string; readonly y: string }
  | { readonly kty: 'RSA'; readonly n: string; readonly e: string };

/** What one proof is for: the request's method and URL, the server's nonce, the token sent. */
export interface DpopProofRequest {
  readonly htm: string;
  readonly htu: string;
  readonly nonce?: string;
  /** The access token the request carries (calls to an API): its hash goes in `ath`. */
  readonly accessToken?: string;
}

/** RFC 9449 §4.2: the JOSE header of a proof. */
export interface DpopProofHeader {
  readonly typ: 'dpop+jwt';
  readonly alg: DpopAlgorithm;
  readonly jwk: DpopPublicJwk;
}

/** RFC 9449 §4.2: the claims of a proof. */
export interface DpopProofClaims {
  readonly jti: string;
  readonly htm: string;
  readonly htu: string;
  readonly iat: number;
  readonly nonce?: string;
  readonly ath?: string;
}

/**
 * How long after `iat` the demo server accepts a proof without a nonce, and the demo API any proof:
 * oidc-provider's window (`DPOP_OK_WINDOW`, 300 s), which the demo API uses too. Other servers
 * choose their own, often shorter.
 */
export const DPOP_PROOF_ACCEPTED_SECONDS = 300;

/** 128 bits: no two proofs share a `jti` however many a server remembers. */
const JTI_BYTES = 16;

/** The clock and randomness a proof is made with (fixed in tests). */
export interface ProofSources {
  /** Seconds since the epoch. */
  readonly nowSeconds: () => number;
  /** A fresh random `jti`. */
  readonly randomId: () => string;
}

export const browserProofSources: ProofSources = {
  nowSeconds: () => Math.floor(Date.now() / 1000),
  randomId: () => bytesToBase64Url(crypto.getRandomValues(new Uint8Array(JTI_BYTES))),
};

/**
 * The claims of a new proof for `request` (RFC 9449 §4.2): `htu` normalised, `nonce` when given,
 * `ath` when the caller hashed a token (`accessTokenHash`). Throws when the URL is not absolute
 * http(s): no proof can name it.
 */
export function dpopProofClaims(
  request: DpopProofRequest,
  ath: string | undefined,
  sources: ProofSources = browserProofSources,
): DpopProofClaims {
  const htu = dpopHtu(request.htu);
  if (htu === null) throw new Error('A DPoP proof needs an absolute http(s) URL.');
  return {
    jti: sources.randomId(),
    htm: request.htm,
    htu,
    iat: sources.nowSeconds(),
    ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
    ...(ath === undefined ? {} : { ath }),
  };
}

/**
 * Reads a proof's header and claims as they are written (NOT verified: a server checks the
 * signature). `null` when it is not a compact JWS with a JSON header and payload naming a DPoP
 * proof's members (`typ`, `alg`, `jwk`; `jti`, `htm`, `htu`, `iat`).
 */
export function decodeDpopProof(
  jwt: string,
): { header: DpopProofHeader; claims: DpopProofClaims } | null {
  const read = readJwt(jwt);
  if (read === undefined) return null;
  const { header, claims } = read;
  const strings = ['jti', 'htm', 'htu'].every((name) => typeof claims[name] === 'string');
  if (!strings || typeof claims['iat'] !== 'number') return null;
  if (typeof header['typ'] !== 'string' || typeof header['alg'] !== 'string') return null;
  const jwk = header['jwk'];
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return null;
  return {
    header: header as unknown as DpopProofHeader,
    claims: claims as unknown as DpopProofClaims,
  };
}
