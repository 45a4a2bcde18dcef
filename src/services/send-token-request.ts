import { useMutation, useQueryClient } from '@tanstack/react-query';
import { checkTokenEndpoint, type EndpointCheck } from '../core/endpoint/token-endpoint-checks.ts';
import type { TokenRequest } from '../core/request/token-request.ts';
import { parseTokenResponse, type ParsedTokenResponse } from '../core/token/token-response.ts';
import {
  callProxy,
  type ProxyClientDeps,
  type ProxyResult,
  type RelayedAnswer,
} from './proxy-client.ts';
import { sessionQuery } from './session.ts';

export interface UpstreamAnswer extends RelayedAnswer {
  readonly parsed: ParsedTokenResponse;
  /** When the page sent the request, by its own clock (epoch ms): clock skew is judged by it. */
  readonly sentAt: number;
}

export type SendOutcome =
  | { readonly kind: 'answer'; readonly answer: UpstreamAnswer }
  | Extract<ProxyResult, { kind: 'proxy-error' }>
  | { readonly kind: 'not-sent'; readonly message: string };

/** Endpoint problems that make a request meaningless or would leak credentials: never sent. */
const UNSENDABLE = new Set<EndpointCheck['code']>([
  'empty',
  'invalid-url',
  'placeholder-domain',
  'has-credentials',
]);

/**
 * Sends the token request (RFC 6749 §4.4.2) through the playground's proxy and reads the answer
 * as a token response (§5.1) or error (§5.2).
 *
 * Does NOT send what would be meaningless or leak credentials (no URL, the guide's placeholder,
 * credentials in the URL); everything else is sent, and the server's answer (or the proxy's
 * policy) explains the rest. Never throws.
 */
export async function sendTokenRequest(
  request: TokenRequest,
  deps: ProxyClientDeps,
): Promise<SendOutcome> {
  const blocker = checkTokenEndpoint(request.url).find((check) => UNSENDABLE.has(check.code));
  if (blocker) return { kind: 'not-sent', message: `Not sent: ${blocker.message}` };

  const sentAt = Date.now();
  const result = await callProxy(
    // All of the model's headers; the proxy forwards only accept, authorization, content-type and DPoP.
    {
      method: 'POST',
      target: new URL(request.url).href,
      headers: request.headers,
      body: request.body,
    },
    deps,
  );
  if (result.kind !== 'answer') return result;
  return {
    kind: 'answer',
    answer: { ...result.answer, parsed: parseTokenResponse(result.answer), sentAt },
  };
}

/** The browser's proxy client: the page's fetch, and the session from the query cache. */
export function useProxyClientDeps(): ProxyClientDeps {
  const queryClient = useQueryClient();
  return {
    fetch: (input, init) => fetch(input, init),
    getSession: ({ refresh }) =>
      refresh
        ? // Also updates the cache, so every view shows the new session.
          queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 })
        : // The cached session while its token is fresh, a new one once it is due for renewal.
          queryClient.fetchQuery(sessionQuery),
  };
}

/** Names the sender's mutations in the shared cache, so they can be found and dropped. */
export const SEND_MUTATION_KEY = ['send'] as const;

export function useSendTokenRequest() {
  const deps = useProxyClientDeps();
  return useMutation({
    mutationKey: SEND_MUTATION_KEY,
    mutationFn: (request: TokenRequest) => sendTokenRequest(request, deps),
  });
}
