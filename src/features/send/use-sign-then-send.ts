import { useState } from 'react';
import type { SignedAssertion } from '../../core/client-auth/client-assertion.ts';
import { CLIENT_AUTH } from '../../core/client-auth/methods.ts';
import { buildTokenRequest, type TokenRequest } from '../../core/request/token-request.ts';
import type { DpopKeyPair } from '../../services/dpop.ts';

/** What sending needs of proof of possession (RFC 9449) while it is on. */
export interface DpopSigner {
  readonly key: DpopKeyPair | null;
  /** The nonce the server at this URL last gave (RFC 9449 §8), which the proof then carries. */
  readonly nonceFor: (url: string) => string | undefined;
  /** Keeps a nonce a server gave (any answer may carry a new one, RFC 9449 §8.2). */
  readonly rememberNonce: (url: string, nonce: string) => void;
}

/** Why nothing was sent: what could not be signed. */
export type SigningFailure = 'assertion' | 'dpop';

/**
 * Sends a request, first with a NEW client assertion when its method signs one (fresh `jti` and
 * `iat`, RFC 7523 §3), reported through `onAssertion` so the page shows the one sent, and with a
 * NEW DPoP proof when `dpop` is on (RFC 9449 §4.2: one per request; `nonce` overrides the one
 * remembered, for the answer to a nonce challenge). Signing takes a moment: `signing` lets the
 * button wait for it as for the answer; `signingFailed` says what could not sign (nothing is
 * sent then).
 */
export function useSignThenSend(
  sendExactly: (request: TokenRequest) => void,
  onAssertion?: (assertion: SignedAssertion | null) => void,
  dpop: DpopSigner | null = null,
) {
  const [signing, setSigning] = useState(false);
  const [signingFailed, setSigningFailed] = useState<SigningFailure | null>(null);

  async function signAssertion(current: TokenRequest) {
    if (!CLIENT_AUTH[current.input.authMethod].signsAssertion) return current.input.clientAssertion;
    const assertion = await import('../../services/sign-assertion.ts')
      .then(({ signAssertionFor }) =>
        signAssertionFor({ ...current.input, tokenEndpoint: current.url }),
      )
      .catch(() => null);
    if (assertion === null) throw new SigningError('assertion');
    onAssertion?.(assertion);
    return assertion;
  }

  async function signProof(current: TokenRequest, nonce: string | undefined) {
    if (dpop === null) return null;
    const key = dpop.key;
    if (key === null) throw new SigningError('dpop');
    const signed = await import('../../services/dpop.ts')
      .then(({ signDpopProof }) =>
        signDpopProof(key, { htm: current.method, htu: current.url, nonce }),
      )
      .catch(() => null);
    if (signed === null) throw new SigningError('dpop');
    return signed.proof;
  }

  async function sendNow(current: TokenRequest, nonce = dpop?.nonceFor(current.url)) {
    const signs = CLIENT_AUTH[current.input.authMethod].signsAssertion || dpop !== null;
    if (!signs) {
      sendExactly(current);
      return;
    }
    setSigning(true);
    try {
      const clientAssertion = await signAssertion(current);
      const dpopProof = await signProof(current, nonce);
      setSigningFailed(null);
      sendExactly(buildTokenRequest({ ...current.input, clientAssertion, dpopProof }));
    } catch (error) {
      if (!(error instanceof SigningError)) throw error;
      setSigningFailed(error.what);
    } finally {
      setSigning(false);
    }
  }

  return { signing, signingFailed, sendNow };
}

class SigningError extends Error {
  constructor(readonly what: SigningFailure) {
    super(`could not sign the ${what}`);
  }
}
