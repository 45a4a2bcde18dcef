import { SignJWT } from 'jose';
import {
  assertionHeader,
  browserAssertionSources,
  buildAssertionClaims,
  type AssertionSources,
} from '../core/client-auth/assertion-claims.ts';
import {
  DEFAULT_ASSERTION_LIFETIME_SECONDS,
  type AssertionInput,
  type JwsAlgorithm,
  type SignedAssertion,
} from '../core/client-auth/client-assertion.ts';
import type { ClientCredential } from '../core/client-auth/method.ts';
import { parsePrivateKey } from '../core/client-auth/private-key.ts';
import { CLIENT_AUTH } from '../core/client-auth/methods.ts';
import type { TokenRequestInput } from '../core/request/token-request.ts';

/** A key a client assertion is signed with, and what its JOSE header names. */
export interface AssertionSigningKey {
  readonly alg: JwsAlgorithm;
  readonly key: CryptoKey;
  /** Which of the client's registered keys it is (RFC 7515 §4.1.4); absent for a shared secret. */
  readonly kid?: string;
}

/**
 * How each kind of credential signs an assertion, read with Web Crypto; rejects with a sentence
 * the page can show (never the key) when the fields hold nothing that can sign.
 */
const SIGNING_KEY: Record<
  ClientCredential,
  (source: AssertionSource) => Promise<AssertionSigningKey>
> = {
  // The key as pasted or generated: PKCS#8 PEM or a private JWK, RS256 or ES256 (RFC 7518 §3.1).
  'private-key': async ({ privateKey = '' }) => {
    const parsed = await parsePrivateKey(privateKey);
    return { alg: parsed.alg, key: parsed.signingKey, kid: parsed.publicJwk.kid };
  },
  // HMAC SHA-256 keyed by the secret's UTF-8 bytes (RFC 7518 §3.2), as the server keys it.
  secret: async ({ clientSecret }) => {
    if (clientSecret === '') throw new Error('There is no client secret to sign with.');
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(clientSecret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    return { alg: 'HS256', key };
  },
};

/**
 * Signs a NEW client assertion (RFC 7523 §3) with the key: fresh `iat` and `jti` at every call, so
 * no two requests carry the same one. jose writes the compact JWS (RFC 7515 §7.1).
 *
 * Does NOT check the inputs and does NOT send anything.
 */
export async function signClientAssertion(
  signingKey: AssertionSigningKey,
  input: AssertionInput,
  sources: AssertionSources = browserAssertionSources,
): Promise<SignedAssertion> {
  const header = assertionHeader(signingKey.alg, signingKey.kid);
  const claims = buildAssertionClaims(input, sources);
  const jwt = await new SignJWT({ ...claims })
    .setProtectedHeader({ ...header })
    .sign(signingKey.key);
  return { header, claims, jwt };
}

/** What a client assertion is made from: the request's method, client, endpoint and credential. */
export type AssertionSource = Pick<
  TokenRequestInput,
  'authMethod' | 'clientId' | 'clientSecret' | 'privateKey' | 'assertionLifetime'
> & {
  /** The token endpoint as the request is sent (trimmed), which `aud` repeats byte for byte. */
  readonly tokenEndpoint: string;
};

/**
 * A NEW client assertion, signed the way the method signs (with the private key, or the client
 * secret). Rejects when the method signs nothing or its credential cannot sign (with the method's
 * sentence, never the key).
 */
export async function signAssertionFor(
  source: AssertionSource,
  sources: AssertionSources = browserAssertionSources,
): Promise<SignedAssertion> {
  const { signsAssertion, credential } = CLIENT_AUTH[source.authMethod];
  if (!signsAssertion) throw new Error(`${source.authMethod} sends no client assertion.`);
  const signingKey = await SIGNING_KEY[credential](source);
  return signClientAssertion(
    signingKey,
    {
      clientId: source.clientId,
      tokenEndpoint: source.tokenEndpoint,
      lifetimeSeconds: source.assertionLifetime ?? DEFAULT_ASSERTION_LIFETIME_SECONDS,
    },
    sources,
  );
}
