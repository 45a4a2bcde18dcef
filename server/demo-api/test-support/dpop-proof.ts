import {
  SignJWT,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  type CryptoKey,
  type JWK,
} from 'jose';

/** A DPoP key pair as a client holds it: the private key, its public JWK and RFC 7638 thumbprint. */
export interface TestDpopKey {
  readonly alg: 'ES256' | 'RS256';
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  readonly thumbprint: string;
}

export async function makeDpopKey(alg: 'ES256' | 'RS256' = 'ES256'): Promise<TestDpopKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  const publicJwk = await exportJWK(publicKey);
  return { alg, privateKey, publicJwk, thumbprint: await calculateJwkThumbprint(publicJwk) };
}

/** `ath` (RFC 9449 §4.2): base64url of the SHA-256 of the access token's ASCII bytes. */
export async function accessTokenHashOf(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Buffer.from(digest).toString('base64url');
}

export interface ProofOptions {
  htm: string;
  htu: string;
  nonce?: string;
  ath?: string;
  iat?: number;
  jti?: string;
  typ?: string;
  /** The JWK put in the header (default the key's own public JWK). */
  jwk?: JWK;
}

/** A DPoP proof (RFC 9449 §4.2), signed by `key`; every claim can be overridden to make a bad one. */
export function signProof(key: TestDpopKey, options: ProofOptions): Promise<string> {
  const claims: Record<string, unknown> = {
    jti: options.jti ?? crypto.randomUUID(),
    htm: options.htm,
    htu: options.htu,
    iat: options.iat ?? Math.floor(Date.now() / 1000),
    ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
    ...(options.ath === undefined ? {} : { ath: options.ath }),
  };
  return new SignJWT(claims)
    .setProtectedHeader({
      typ: options.typ ?? 'dpop+jwt',
      alg: key.alg,
      jwk: options.jwk ?? key.publicJwk,
    })
    .sign(key.privateKey);
}
