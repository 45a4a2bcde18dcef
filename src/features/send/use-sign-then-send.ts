import { useState } from 'react';
import type { SignedAssertion } from '../../core/client-auth/client-assertion.ts';
import { CLIENT_AUTH } from '../../core/client-auth/methods.ts';
import { buildTokenRequest, type TokenRequest } from '../../core/request/token-request.ts';

/**
 * Sends a request, first with a NEW client assertion when its method signs one (fresh `jti` and
 * `iat`, RFC 7523 §3), reported through `onAssertion` so the page shows the one sent. Signing
 * takes a moment: `signing` lets the button wait for it as for the answer; `signingFailed` says
 * the credential could not sign (nothing is sent then).
 */
export function useSignThenSend(
  sendExactly: (request: TokenRequest) => void,
  onAssertion?: (assertion: SignedAssertion | null) => void,
) {
  const [signing, setSigning] = useState(false);
  const [signingFailed, setSigningFailed] = useState(false);

  async function sendNow(current: TokenRequest) {
    if (!CLIENT_AUTH[current.input.authMethod].signsAssertion) {
      sendExactly(current);
      return;
    }
    setSigning(true);
    const assertion = await import('../../services/sign-assertion.ts')
      .then(({ signAssertionFor }) =>
        signAssertionFor({ ...current.input, tokenEndpoint: current.url }),
      )
      .catch(() => null)
      .finally(() => setSigning(false));
    setSigningFailed(assertion === null);
    if (!assertion) return;
    onAssertion?.(assertion);
    sendExactly(buildTokenRequest({ ...current.input, clientAssertion: assertion }));
  }

  return { signing, signingFailed, sendNow };
}
