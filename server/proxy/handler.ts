import { declaredContentLength, readBodyWithLimit } from './body.ts';
import { checkSameOriginCaller } from './caller.ts';
import { secretsEqual } from './constant-time.ts';
import { proxyErrorResponse, type ProxyError } from './errors.ts';
import { FORWARDED_REQUEST_HEADERS, pickHeaders, relayedResponseHeaders } from './headers.ts';
import { classifyUpstreamError } from './network-error.ts';
import type { DemoServerInfo, SessionBody } from './session.ts';
import { parseProxyTarget } from './target.ts';

/** The policy's answer about one target URL. `reason` is shown to the user. */
export type TargetDecision = { allowed: true } | { allowed: false; reason: string };

/** What the handler hands its upstream fetch: always these fields, never a redirect follow. */
export interface UpstreamRequestInit {
  method: 'GET' | 'POST';
  headers: Headers;
  body: Uint8Array<ArrayBuffer> | undefined;
  redirect: 'manual';
  signal: AbortSignal;
}

/**
 * The upstream call. The platform `fetch` fits; the Node host passes one whose connections are
 * pinned to the addresses its policy vetted.
 */
export type UpstreamFetch = (url: string, init: UpstreamRequestInit) => Promise<Response>;

/** One line's worth of facts about a proxied call: no headers, no bodies, no path. */
export interface ProxyLogEntry {
  method: string;
  targetHost: string;
  status: number;
  elapsedMs: number;
  errorCode?: ProxyError['code'];
}

export interface ProxyHandlerOptions {
  /** The per-process secret every `/api/proxy` call must present in `X-Proxy-Token`. */
  proxyToken: string;
  upstreamFetch: UpstreamFetch;
  /** The host's SSRF policy. May throw a DNS error, which becomes a `dns` proxy error. */
  isTargetAllowed: (url: URL) => Promise<TargetDecision> | TargetDecision;
  /** Whole-exchange deadline, headers and body. Default 15 000. */
  timeoutMs?: number;
  /** Largest request body relayed. Default 16 KiB. */
  maxRequestBytes?: number;
  /** Largest response body relayed. Default 1 MiB. */
  maxResponseBytes?: number;
  /**
   * The origins the page is served from (`http://127.0.0.1:4173`, …). When given, a request must
   * have arrived under one of them (its URL, i.e. its Host header: the DNS-rebinding guard) and
   * an `Origin` header must be one of them. When omitted, the request URL's own origin is the
   * only one (for hosts that already vet the Host header, like Vite).
   */
  selfOrigins?: readonly string[];
  /** What `/api/session` says about the demo server (a function: a host may learn it late). */
  demo?: DemoServerInfo | (() => DemoServerInfo | undefined);
  /** The second demo server, which reads Basic credentials raw (`/demo-raw`), if hosted. */
  demoRaw?: DemoServerInfo;
  /** Called once per proxied call, after the answer is decided. */
  onLog?: (entry: ProxyLogEntry) => void;
  /** Sent upstream as User-Agent (some WAFs refuse requests without one). */
  userAgent?: string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REQUEST_BYTES = 16 * 1024;
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
export const DEFAULT_USER_AGENT = 'client-credentials-playground-proxy';

/** Statuses whose Response must have a null body (Fetch standard). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const ACCEPTED_POST_TYPES = ['application/x-www-form-urlencoded', 'application/json'];

/**
 * Creates the playground's `/api/*` handler, a plain `(Request) => Promise<Response>`:
 *
 * - `GET /api/session` → `SessionBody` JSON (`Cache-Control: no-store`), same-origin callers only;
 * - `POST /api/proxy` → relays a token request to the URL in `X-Proxy-Target`;
 * - `GET /api/proxy` → relays a discovery document or JWKS fetch.
 *
 * A relayed answer keeps the upstream status (3xx included: redirects are never followed),
 * only `RELAYED_RESPONSE_HEADERS` (and `RENAMED_RESPONSE_HEADERS` under their new names), and the body, plus `X-Proxy-Elapsed-Ms`. Everything the proxy
 * refuses or fails at is a `ProxyErrorBody` JSON with the status in `proxyErrorStatus`.
 *
 * Does NOT log anything but `ProxyLogEntry` (method, host, status, time) through `onLog`, and
 * never puts the proxy token, a header value or a body into an error message.
 */
export function createProxyHandler(
  options: ProxyHandlerOptions,
): (request: Request) => Promise<Response> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const fixedOrigins = options.selfOrigins ? new Set(options.selfOrigins) : undefined;

  function demoInfo(): DemoServerInfo | null {
    const demo = typeof options.demo === 'function' ? options.demo() : options.demo;
    return demo ?? null;
  }

  /** Host-header and caller checks shared by every route. */
  function refuseForeignCaller(request: Request, requestUrl: URL): Response | undefined {
    if (fixedOrigins && !fixedOrigins.has(requestUrl.origin)) {
      return proxyErrorResponse({
        code: 'unknown_host',
        message: `This server does not answer under the name ${requestUrl.host}; open the playground at its own address (${[...fixedOrigins][0] ?? ''}/).`,
      });
    }
    const problem = checkSameOriginCaller(request, fixedOrigins ?? new Set([requestUrl.origin]));
    return problem ? proxyErrorResponse(problem) : undefined;
  }

  function session(): Response {
    const body: SessionBody = {
      proxyToken: options.proxyToken,
      demo: demoInfo(),
      // Absent where no raw demo server is hosted: the page reads that as none.
      ...(options.demoRaw ? { demoRaw: options.demoRaw } : {}),
    };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  }

  async function proxy(request: Request, method: 'GET' | 'POST'): Promise<Response> {
    const presented = request.headers.get('x-proxy-token');
    if (presented === null || presented === '') {
      return proxyErrorResponse({
        code: 'proxy_token',
        message: 'The X-Proxy-Token header is missing: the page gets it from /api/session.',
      });
    }
    if (!(await secretsEqual(presented, options.proxyToken))) {
      return proxyErrorResponse({
        code: 'proxy_token',
        message:
          'The X-Proxy-Token does not match this server (it changes at every restart): reload the page.',
      });
    }

    const target = parseProxyTarget(request.headers.get('x-proxy-target'));
    if (!target.ok) return proxyErrorResponse(target.error);
    const url = target.url;

    let body: Uint8Array<ArrayBuffer> | undefined;
    if (method === 'POST') {
      const contentType =
        (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!ACCEPTED_POST_TYPES.includes(contentType)) {
        return proxyErrorResponse({
          code: 'unsupported_media_type',
          message: `A token request body must be application/x-www-form-urlencoded (RFC 6749 §4.4.2)${
            contentType ? `, not ${contentType}` : ''
          }.`,
        });
      }
      const tooLarge: ProxyError = {
        code: 'request_too_large',
        message: `The request body is larger than ${maxRequestBytes} bytes, more than any token request needs.`,
      };
      const declared = declaredContentLength(request.headers);
      if (declared !== undefined && declared > maxRequestBytes) {
        await request.body?.cancel().catch(() => undefined);
        return proxyErrorResponse(tooLarge);
      }
      const read = await readBodyWithLimit(request.body, maxRequestBytes);
      if (!read.ok) return proxyErrorResponse(tooLarge);
      body = read.bytes;
    }

    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const log = (status: number, errorCode?: ProxyError['code']) =>
      options.onLog?.({
        method,
        targetHost: url.host,
        status,
        elapsedMs: elapsed(),
        ...(errorCode ? { errorCode } : {}),
      });
    const fail = (error: ProxyError) => {
      const response = proxyErrorResponse(error, { 'x-proxy-elapsed-ms': String(elapsed()) });
      log(response.status, error.code);
      return response;
    };

    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([deadline, request.signal]);
    try {
      const decision = await options.isTargetAllowed(url);
      if (!decision.allowed) return fail({ code: 'target_forbidden', message: decision.reason });

      const headers = pickHeaders(request.headers, FORWARDED_REQUEST_HEADERS);
      headers.set('user-agent', options.userAgent ?? DEFAULT_USER_AGENT);
      const upstream = await options.upstreamFetch(url.href, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal,
      });

      const declared = declaredContentLength(upstream.headers);
      const tooLarge: ProxyError = {
        code: 'response_too_large',
        message: `${url.host} answered with more than ${maxResponseBytes} bytes; the proxy relays at most that.`,
      };
      if (declared !== undefined && declared > maxResponseBytes) {
        await upstream.body?.cancel().catch(() => undefined);
        return fail(tooLarge);
      }
      const read = await readBodyWithLimit(upstream.body, maxResponseBytes);
      if (!read.ok) return fail(tooLarge);

      const responseHeaders = relayedResponseHeaders(upstream.headers);
      responseHeaders.set('x-proxy-elapsed-ms', String(elapsed()));
      responseHeaders.set('x-content-type-options', 'nosniff');
      // If someone opened a relayed answer as a page, it must not run as our origin.
      responseHeaders.set('content-security-policy', "default-src 'none'; sandbox");
      log(upstream.status);
      return new Response(NULL_BODY_STATUSES.has(upstream.status) ? null : read.bytes, {
        status: upstream.status,
        headers: responseHeaders,
      });
    } catch (error) {
      return fail(classifyUpstreamError(error, url, deadline.aborted, timeoutMs));
    }
  }

  return async function handleApiRequest(request: Request): Promise<Response> {
    const requestUrl = new URL(request.url);
    const route = requestUrl.pathname;
    if (route !== '/api/session' && route !== '/api/proxy') {
      return proxyErrorResponse({ code: 'not_found', message: `There is no ${route} endpoint.` });
    }
    const allowed = route === '/api/session' ? ['GET'] : ['GET', 'POST'];
    if (!allowed.includes(request.method)) {
      return proxyErrorResponse(
        {
          code: 'method_not_allowed',
          message: `${route} accepts ${allowed.join(' and ')}, not ${request.method}.`,
        },
        { allow: allowed.join(', ') },
      );
    }
    const refused = refuseForeignCaller(request, requestUrl);
    if (refused) return refused;
    if (route === '/api/session') return session();
    return proxy(request, request.method === 'POST' ? 'POST' : 'GET');
  };
}
