import { readBodyWithLimit, type LimitedBody } from './body.ts';
import type { ProxyRequest, ProxyResult, UpstreamCall } from './exchange.ts';
import { createProxyCore, type ProxyCoreOptions } from './proxy-core.ts';

/** What a web-standard upstream `fetch` is handed: always these fields, never a redirect follow. */
export interface UpstreamRequestInit {
  method: 'GET' | 'POST';
  headers: Headers;
  body: Uint8Array<ArrayBuffer> | undefined;
  redirect: 'manual';
  signal: AbortSignal;
}

/** A web-standard upstream call: the platform `fetch` fits. */
export type UpstreamFetch = (url: string, init: UpstreamRequestInit) => Promise<Response>;

/** The handler's options, the upstream given as a web `fetch` or as a host-neutral call. */
export type ProxyHandlerOptions = Omit<ProxyCoreOptions, 'upstream'> &
  ({ upstream: UpstreamCall } | { upstreamFetch: UpstreamFetch });

/** A web `fetch` as the handler's upstream call (fetch runtimes: their platform `fetch`). */
export function upstreamFromFetch(upstreamFetch: UpstreamFetch): UpstreamCall {
  return async (url, request) => {
    // `fetch` wants a signal: the one AbortController per call is this host's cost only.
    const abort = new AbortController();
    request.cancellation.onCancel((reason) => abort.abort(reason));
    const response = await upstreamFetch(url, {
      method: request.method,
      headers: new Headers(request.headers),
      body: request.body,
      redirect: 'manual',
      signal: abort.signal,
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return {
      status: response.status,
      headers,
      readBody: (maxBytes) => readBodyWithLimit(response.body, maxBytes),
      discard: () => void response.body?.cancel().catch(() => undefined),
    };
  };
}

/** A web `Request` as the handler's request. `clientId` is whatever the runtime vouches for. */
export function fromWebRequest(request: Request, clientId?: string): ProxyRequest {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    method: request.method,
    path: url.pathname,
    origin: url.origin,
    headers,
    readBody: (maxBytes, cancellation) =>
      readBodyWithLimit(request.body, maxBytes, cancellation).catch((): LimitedBody => ({
        ok: false,
        reason: 'aborted',
      })),
    onClientClose(listener) {
      request.signal.addEventListener('abort', listener, { once: true });
      return () => request.signal.removeEventListener('abort', listener);
    },
    clientId,
  };
}

/** The handler's result as a web `Response`. */
export function toWebResponse(result: ProxyResult): Response {
  return new Response(result.body as BodyInit | null, {
    status: result.status,
    headers: result.headers,
  });
}

/**
 * The proxy as a plain `(Request) => Promise<Response>`, for fetch-handler runtimes and tests:
 * the same handler as every host (proxy-core.ts), adapted to web objects. A body the handler did
 * not read (a refusal) is cancelled, so the sender stops.
 *
 * The optional `clientId` (e.g. a platform's connecting-IP value) enables the per-client limit.
 */
export function createProxyHandler(
  options: ProxyHandlerOptions,
): (request: Request, clientId?: string) => Promise<Response> {
  const core = createProxyCore({
    ...options,
    upstream: 'upstream' in options ? options.upstream : upstreamFromFetch(options.upstreamFetch),
  });
  return async (request, clientId) => {
    const result = await core(fromWebRequest(request, clientId));
    if (request.body && !request.bodyUsed) await request.body.cancel().catch(() => undefined);
    return toWebResponse(result);
  };
}
