import type { ParsedTokenResponse } from '../token/token-response.ts';

/** What the proxy relays of an answer that a nonce challenge needs: its status and headers. */
interface AnswerHead {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
}

/**
 * RFC 9449 §4.3 / §8: a value for `DPoP-Nonce` is a non-empty run of printable ASCII without
 * spaces (`1*NQCHAR`); anything else is not a nonce a proof can repeat.
 */
const NONCE = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/** The nonce an answer gives for later proofs (RFC 9449 §8.2: any answer may carry a new one). */
export function dpopNonceOf(answer: AnswerHead): string | null {
  const nonce = answer.headers.get('dpop-nonce');
  return nonce !== null && NONCE.test(nonce) ? nonce : null;
}

/**
 * The nonce a token endpoint asks the next proof to carry, when its answer is the nonce challenge
 * of RFC 9449 §8: `400` with `error=use_dpop_nonce` and a `DPoP-Nonce` header. `null` for any
 * other answer: only this one is answered by sending again.
 */
export function nonceChallengeOf(answer: AnswerHead, parsed: ParsedTokenResponse): string | null {
  if (answer.status !== 400 || parsed.kind !== 'oauth-error') return null;
  if (parsed.error.error !== 'use_dpop_nonce') return null;
  return dpopNonceOf(answer);
}
