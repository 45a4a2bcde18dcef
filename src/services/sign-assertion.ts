import { SignJWT } from 'jose';
import {
  assertionHeader,
  browserAssertionSources,
  buildAssertionClaims,
  type AssertionSources,
} from '../core/client-auth/assertion-claims.ts';
import type { AssertionInput, SignedAssertion } from '../core/client-auth/client-assertion.ts';
import type { ParsedPrivateKey } from '../core/client-auth/private-key.ts';

/**
 * Signs a NEW client assertion (RFC 7523 §3) with the parsed key: fresh `iat` and `jti` at every
 * call, so no two requests carry the same one. jose writes the compact JWS (RFC 7515 §7.1).
 *
 * Does NOT check the inputs and does NOT send anything.
 */
export async function signClientAssertion(
  key: ParsedPrivateKey,
  input: AssertionInput,
  sources: AssertionSources = browserAssertionSources,
): Promise<SignedAssertion> {
  const header = assertionHeader(key.alg, key.publicJwk.kid);
  const claims = buildAssertionClaims(input, sources);
  const jwt = await new SignJWT({ ...claims })
    .setProtectedHeader({ ...header })
    .sign(key.signingKey);
  return { header, claims, jwt };
}
