import { useEffect } from 'react';
import type { SignedAssertion } from '../../core/client-auth/client-assertion.ts';
import { CLIENT_AUTH } from '../../core/client-auth/methods.ts';
import { missingAssertionClaims } from '../../core/client-auth/missing-credentials.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';
import type { AssertionSource } from '../../services/sign-assertion.ts';

/** Signs with jose: loaded with the first assertion, not with the view. */
async function sign(source: AssertionSource): Promise<SignedAssertion> {
  const { signAssertionFor } = await import('../../services/sign-assertion.ts');
  return signAssertionFor(source);
}

/**
 * Keeps the page's client assertion signed for what the request names now (client ID, endpoint
 * as sent, lifetime, and the secret or key it is signed with): signs again whenever one of them
 * changes, and forgets the assertion when the view goes (Reset, another method). RFC 7523 §3:
 * without `iss`, `sub` and `aud` nothing is signed (the request then says what is missing).
 *
 * Returns `signNew` (Sign a new assertion: fresh `jti` and `iat`), or null while nothing can be
 * signed. Send signs its own (the sender), so a request never carries an assertion twice.
 */
export function useSignedAssertion(
  request: TokenRequest,
  onAssertion: (assertion: SignedAssertion | null) => void,
): { readonly signNew: (() => void) | null } {
  const { authMethod, clientId, clientSecret, privateKey, assertionLifetime } = request.input;
  const tokenEndpoint = request.url;
  const signs =
    CLIENT_AUTH[authMethod].signsAssertion &&
    missingAssertionClaims({ clientId, tokenEndpoint }).length === 0;

  useEffect(() => {
    if (!signs) {
      onAssertion(null);
      return;
    }
    let current = true;
    const source = { authMethod, clientId, clientSecret, privateKey, assertionLifetime };
    sign({ ...source, tokenEndpoint }).then(
      (signed) => {
        if (current) onAssertion(signed);
      },
      () => {
        if (current) onAssertion(null);
      },
    );
    return () => {
      current = false;
    };
  }, [
    signs,
    authMethod,
    clientId,
    clientSecret,
    privateKey,
    assertionLifetime,
    tokenEndpoint,
    onAssertion,
  ]);

  // Nothing signed with a credential that is gone survives it.
  useEffect(() => () => onAssertion(null), [onAssertion]);

  if (!signs) return { signNew: null };
  const source = { authMethod, clientId, clientSecret, privateKey, assertionLifetime };
  return {
    signNew: () => {
      sign({ ...source, tokenEndpoint }).then(onAssertion, () => onAssertion(null));
    },
  };
}
