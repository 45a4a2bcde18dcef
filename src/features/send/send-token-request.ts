import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { parseTokenResponse, type ParsedTokenResponse } from '../../core/token-response.ts';
import { checkTokenEndpoint, type EndpointCheck } from '../../core/token-endpoint.ts';
import type { TokenRequest } from '../../core/token-request.ts';

/** The proxy's own error body (never the upstream's: the proxy does not pass X-Proxy-* headers on). */
const proxyErrorSchema = z.object({
  proxyError: z.object({ code: z.string(), message: z.string() }),
});

export interface UpstreamAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  readonly elapsedMs: number;
  readonly parsed: ParsedTokenResponse;
}

export type SendOutcome =
  | { readonly kind: 'answer'; readonly answer: UpstreamAnswer }
  | {
      readonly kind: 'proxy-error';
      readonly status: number;
      readonly code: string;
      readonly message: string;
    }
  | { readonly kind: 'not-sent'; readonly message: string };

/**
 * The upstream's headers as the token endpoint sent them. The proxy relays `WWW-Authenticate`
 * and `Location` under `x-upstream-*` names so the browser neither opens a login dialog nor
 * follows a redirect; the page reads them back under their real names.
 */
function upstreamHeaders(proxied: Headers): Headers {
  const headers = new Headers();
  proxied.forEach((value, name) => {
    if (!name.startsWith('x-proxy-')) headers.set(name.replace(/^x-upstream-/, ''), value);
  });
  return headers;
}

const UNSENDABLE = new Set<EndpointCheck['code']>([
  'empty',
  'invalid-url',
  'placeholder-domain',
  'has-credentials',
]);

/**
 * Sends the token request through the playground's proxy (`POST /api/proxy`, target in
 * `X-Proxy-Target`): token endpoints send no CORS headers, and Okta refuses `/token` requests
 * that carry a browser `Origin`.
 */
export async function sendTokenRequest(
  request: TokenRequest,
  proxyToken: string,
): Promise<SendOutcome> {
  // What would make the request meaningless or leak credentials is not sent; everything else is,
  // and the server's answer (or the proxy's policy) explains the rest.
  const blocker = checkTokenEndpoint(request.url).find((check) => UNSENDABLE.has(check.code));
  if (blocker) return { kind: 'not-sent', message: `Not sent: ${blocker.message}` };
  const target = new URL(request.url);

  const headers = new Headers({ 'x-proxy-target': target.href, 'x-proxy-token': proxyToken });
  // All of the model's headers; the proxy forwards only accept, authorization and content-type.
  for (const [name, value] of request.headers) headers.set(name, value);

  const started = performance.now();
  let response: Response;
  try {
    response = await fetch('/api/proxy', {
      method: 'POST',
      headers,
      body: request.body,
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    return {
      kind: 'proxy-error',
      status: 0,
      code: 'proxy_unreachable',
      message: "The playground's own server did not answer: is `npm start` still running?",
    };
  }
  const body = await response.text();
  const elapsedHeader = Number(response.headers.get('x-proxy-elapsed-ms'));
  const elapsedMs =
    Number.isFinite(elapsedHeader) && response.headers.has('x-proxy-elapsed-ms')
      ? elapsedHeader
      : performance.now() - started;

  if (response.headers.has('x-proxy-error')) {
    let parsedJson: unknown = null;
    try {
      parsedJson = JSON.parse(body);
    } catch {
      // the message below covers a malformed proxy answer
    }
    const proxyError = proxyErrorSchema.safeParse(parsedJson);
    return {
      kind: 'proxy-error',
      status: response.status,
      code: proxyError.success
        ? proxyError.data.proxyError.code
        : (response.headers.get('x-proxy-error') ?? 'unknown'),
      message: proxyError.success
        ? proxyError.data.proxyError.message
        : `The proxy refused the request (${response.status}).`,
    };
  }
  const answer = {
    status: response.status,
    headers: upstreamHeaders(response.headers),
    body,
    elapsedMs,
  };
  return { kind: 'answer', answer: { ...answer, parsed: parseTokenResponse(answer) } };
}

export function useSendTokenRequest() {
  return useMutation({
    mutationFn: ({ request, proxyToken }: { request: TokenRequest; proxyToken: string }) =>
      sendTokenRequest(request, proxyToken),
  });
}
