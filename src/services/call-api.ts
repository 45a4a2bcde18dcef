import { useMutation } from '@tanstack/react-query';
import { dpopNonceOf } from '../core/dpop/nonce-challenge.ts';
import type { DpopKeyPair } from './dpop.ts';
import { callProxy, type ProxyClientDeps, type ProxyResult } from './proxy-client.ts';
import { SEND_MUTATION_KEY, useProxyClientDeps } from './send-token-request.ts';

/** One call to an API with an access token (RFC 6750 §2.1, or RFC 9449 §7.1 with a proof). */
export interface ApiCall {
  readonly url: string;
  readonly token: string;
  readonly scheme: 'Bearer' | 'DPoP';
  /** Signs the proof when `scheme` is DPoP. */
  readonly dpopKey: DpopKeyPair | null;
}

export interface ApiOutcome {
  /** The call as sent (its last attempt), for the explanation of its answer. */
  readonly sent: ApiCallSent;
  readonly result: ProxyResult;
  /** The API asked for a nonce (RFC 9449 §9) and the page sent the call again with it. */
  readonly nonceRetried: boolean;
}

/** RFC 9449 §9: a resource server asks for a nonce with 401 and `error="use_dpop_nonce"`. */
function asksForNonce(result: ProxyResult): string | null {
  if (result.kind !== 'answer' || result.answer.status !== 401) return null;
  const challenge = result.answer.headers.get('www-authenticate') ?? '';
  return /\berror="?use_dpop_nonce\b/i.test(challenge) ? dpopNonceOf(result.answer) : null;
}

export interface ApiCallSent {
  readonly method: 'GET';
  readonly url: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly sentAt: number;
}

async function callOnce(
  call: ApiCall,
  deps: ProxyClientDeps,
  nonce?: string,
): Promise<{ sent: ApiCallSent; result: ProxyResult }> {
  const headers: Array<[string, string]> = [
    ['accept', 'application/json'],
    ['authorization', `${call.scheme} ${call.token}`],
  ];
  if (call.scheme === 'DPoP' && call.dpopKey !== null) {
    const { signDpopProof } = await import('./dpop.ts');
    // A new proof for every call, never the one shown in the command (RFC 9449 §11.1: single use).
    const signed = await signDpopProof(call.dpopKey, {
      htm: 'GET',
      htu: call.url,
      accessToken: call.token,
      nonce,
    });
    headers.push(['dpop', signed.proof]);
  }
  const sent = { method: 'GET', url: call.url, headers, sentAt: Date.now() } as const;
  return { sent, result: await callProxy({ method: 'GET', target: call.url, headers }, deps) };
}

/** Calls the API through the playground's proxy, answering one nonce challenge. Never throws. */
export async function callApi(call: ApiCall, deps: ProxyClientDeps): Promise<ApiOutcome> {
  const first = await callOnce(call, deps);
  const nonce = call.scheme === 'DPoP' ? asksForNonce(first.result) : null;
  if (nonce === null) return { ...first, nonceRetried: false };
  return { ...(await callOnce(call, deps, nonce)), nonceRetried: true };
}

export function useCallApi() {
  const deps = useProxyClientDeps();
  return useMutation({
    // Under the sender's key: Reset drops these answers (they hold the token) with the others.
    mutationKey: [...SEND_MUTATION_KEY, 'api'],
    mutationFn: (call: ApiCall) => callApi(call, deps),
  });
}
