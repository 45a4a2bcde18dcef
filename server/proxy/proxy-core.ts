import {
  PROXY_HEADERS,
  PROXY_MAX_REQUEST_BYTES,
  RENAMED_RESPONSE_HEADERS,
} from '../../src/core/proxy/proxy-protocol.ts';
import { declaredContentLength } from './body.ts';
import { checkSameOriginCaller } from './caller.ts';
import type { ProxyError, ProxyLogCode } from './errors.ts';
import {
  createCancellation,
  headerValue,
  proxyErrorResult,
  type HeaderRecord,
  type ProxyRequest,
  type ProxyResult,
  type UpstreamCall,
} from './exchange.ts';
import { FORWARDED_REQUEST_HEADERS, RELAYED_RESPONSE_HEADERS } from './headers.ts';
import { classifyUpstreamError } from './network-error.ts';
import { createRateLimiter, type RateLimiter } from './rate-limit.ts';
import type { DemoServerInfo, SessionBody } from './session.ts';
import type { ProxyTokens } from './proxy-token.ts';
import { parseProxyTarget } from './target.ts';
import { unknownHostError } from './own-host.ts';

/** The policy's answer about one target URL. `reason` is shown to the user. */
export type TargetDecision = { allowed: true } | { allowed: false; reason: string };

/** One line's worth of facts about a proxied call: no headers, no bodies, no path or query. */
export interface ProxyLogEntry {
  method: string;
  /** The target's host (and port), or `-` when the call was refused before naming one. */
  targetHost: string;
  status: number;
  elapsedMs: number;
  errorCode?: ProxyLogCode;
}

export interface ProxyCoreOptions {
  /**
   * Issues the token `/api/session` hands out and verifies the one every `/api/proxy` call must
   * present in `X-Proxy-Token` (signed, expiring, bound to the request's origin: proxy-token.ts).
   */
  proxyTokens: ProxyTokens;
  upstream: UpstreamCall;
  /** The host's SSRF policy. May throw a DNS error, which becomes a `dns` proxy error. */
  isTargetAllowed: (url: URL) => Promise<TargetDecision> | TargetDecision;
  /** Whole-exchange deadline: the request body, the connection, the answer. Default 15 000. */
  timeoutMs?: number;
  /** Largest request body relayed. Default `PROXY_MAX_REQUEST_BYTES` (16 KiB). */
  maxRequestBytes?: number;
  /** Largest response body relayed. Default 1 MiB. */
  maxResponseBytes?: number;
  /**
   * Calls one client may make to `/api/proxy` in any `windowMs` (the host names the client: see
   * `ProxyRequest.clientId`). Default `DEFAULT_RATE_LIMIT`; `false` turns the limit off.
   */
  rateLimit?: { limit: number; windowMs: number } | false;
  /** Upstream calls in flight at once, all clients together. Default 64. */
  maxConcurrentUpstream?: number;
  /** The clock of the rate limit (tests). Default `Date.now`. */
  now?: () => number;
  /**
   * The origins the page is served from (`http://127.0.0.1:4173`, …). When given, a request must
   * have arrived under one of them (its Host header: the DNS-rebinding guard) and an `Origin`
   * header must be one of them. When omitted, the request's own origin is the only one (for
   * hosts that already vet the Host header, like Vite).
   */
  selfOrigins?: readonly string[];
  /** What `/api/session` says about the demo server (a function: a host may learn it late). */
  demo?: DemoServerInfo | (() => DemoServerInfo | undefined);
  /** The second demo server, which reads Basic credentials raw (`/demo-raw`), if hosted. */
  demoRaw?: DemoServerInfo;
  /** Called once per `/api/proxy` call, after the answer is decided. */
  onLog?: (entry: ProxyLogEntry) => void;
  /** Sent upstream as User-Agent (some WAFs refuse requests without one). */
  userAgent?: string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
export const DEFAULT_USER_AGENT = 'client-credentials-playground-proxy';
/**
 * At most 600 calls per client in any 60 s (a sliding window, not a bucket that refills): far
 * above what a person clicking "Send" or a docs page does, low enough that the proxy cannot be
 * used to hammer a token endpoint.
 */
export const DEFAULT_RATE_LIMIT = { limit: 600, windowMs: 60_000 } as const;
export const DEFAULT_MAX_CONCURRENT_UPSTREAM = 64;

/**
 * Logged (never sent) when the client disconnects before its answer: nginx's "499 client closed
 * request", so a log reader does not take it for an upstream failure (502).
 */
export const CLIENT_CLOSED_STATUS = 499;

/** Statuses whose answer has no body (Fetch standard "null body status"). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const ACCEPTED_POST_TYPES = ['application/x-www-form-urlencoded', 'application/json'];
/** A header value Node and the Fetch standard can both carry (RFC 9110 §5.5 field-value). */
const SAFE_HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

/** The upstream response headers the page receives: the allowlist as is, and the renamed ones. */
function relayedHeaders(upstream: HeaderRecord): Record<string, string> {
  const relayed: Record<string, string> = {};
  for (const name of RELAYED_RESPONSE_HEADERS) {
    const value = headerValue(upstream, name);
    if (value !== undefined && SAFE_HEADER_VALUE.test(value)) relayed[name] = value;
  }
  for (const [name, renamed] of Object.entries(RENAMED_RESPONSE_HEADERS)) {
    const value = headerValue(upstream, name);
    if (value !== undefined && SAFE_HEADER_VALUE.test(value)) relayed[renamed] = value;
  }
  return relayed;
}

/**
 * The playground's `/api/*` handler over the host-neutral exchange (exchange.ts):
 *
 * - `GET /api/session` → `SessionBody` JSON (`Cache-Control: no-store`), same-origin callers only;
 * - `POST /api/proxy` → relays a token request to the URL in `X-Proxy-Target`;
 * - `GET /api/proxy` → relays a discovery document or JWKS fetch.
 *
 * A relayed answer keeps the upstream status (3xx included: redirects are never followed),
 * only `RELAYED_RESPONSE_HEADERS` (and `RENAMED_RESPONSE_HEADERS` under their new names), and
 * the body, plus `X-Proxy-Elapsed-Ms`. Everything the proxy refuses or fails at is a
 * `ProxyErrorBody` JSON with the status in `PROXY_ERROR_CODES`; over a limit, 429 (this client)
 * or 503 (everyone) with `Retry-After`.
 *
 * Does NOT log anything but `ProxyLogEntry` (method, host, status, time, code) through `onLog`,
 * and never puts the proxy token, a header value or a body into an error message.
 */
export function createProxyCore(
  options: ProxyCoreOptions,
): (request: ProxyRequest) => Promise<ProxyResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRequestBytes = options.maxRequestBytes ?? PROXY_MAX_REQUEST_BYTES;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const maxConcurrent = options.maxConcurrentUpstream ?? DEFAULT_MAX_CONCURRENT_UPSTREAM;
  const fixedOrigins = options.selfOrigins ? new Set(options.selfOrigins) : undefined;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const limiter: RateLimiter | undefined = rateLimit
    ? createRateLimiter({ ...rateLimit, ...(options.now ? { now: options.now } : {}) })
    : undefined;
  let inFlight = 0;

  function demoInfo(): DemoServerInfo | null {
    const demo = typeof options.demo === 'function' ? options.demo() : options.demo;
    return demo ?? null;
  }

  /** Host-header and caller checks shared by every route. */
  function refuseForeignCaller(request: ProxyRequest): ProxyResult | undefined {
    if (fixedOrigins && !fixedOrigins.has(request.origin)) {
      return proxyErrorResult(unknownHostError([...fixedOrigins][0] ?? ''));
    }
    const problem = checkSameOriginCaller(
      request.headers,
      fixedOrigins ?? new Set([request.origin]),
    );
    return problem ? proxyErrorResult(problem) : undefined;
  }

  async function session(request: ProxyRequest): Promise<ProxyResult> {
    const issued = await options.proxyTokens.issue(request.origin);
    const body: SessionBody = {
      proxyToken: issued.token,
      proxyTokenExpiresIn: issued.expiresInSeconds,
      demo: demoInfo(),
      // Absent where no raw demo server is hosted: the page reads that as none.
      ...(options.demoRaw ? { demoRaw: options.demoRaw } : {}),
    };
    return { status: 200, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
  }

  async function proxy(request: ProxyRequest, method: 'GET' | 'POST'): Promise<ProxyResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let targetHost = '-';
    const log = (status: number, errorCode?: ProxyLogCode) =>
      options.onLog?.({
        method,
        targetHost,
        status,
        elapsedMs: elapsed(),
        ...(errorCode ? { errorCode } : {}),
      });
    const fail = (error: ProxyError, extraHeaders: Record<string, string> = {}) => {
      const result = proxyErrorResult(error, {
        [PROXY_HEADERS.elapsedMs]: String(elapsed()),
        ...extraHeaders,
      });
      log(result.status, error.code);
      return result;
    };

    if (limiter && request.clientId !== undefined) {
      const decision = limiter.take(request.clientId);
      if (!decision.allowed) {
        return fail(
          {
            code: 'rate_limited',
            message: `Too many requests from this client: at most ${rateLimit ? rateLimit.limit : 0} per ${rateLimit ? rateLimit.windowMs / 1000 : 0} s. Try again in ${decision.retryAfterSeconds} s.`,
          },
          { 'retry-after': String(decision.retryAfterSeconds) },
        );
      }
    }

    const presented = headerValue(request.headers, PROXY_HEADERS.token);
    if (presented === undefined || presented === '') {
      return fail({
        code: 'proxy_token',
        message: 'The X-Proxy-Token header is missing: the page gets it from /api/session.',
      });
    }
    const check = await options.proxyTokens.verify(presented, request.origin);
    if (!check.valid) {
      return fail({
        code: 'proxy_token',
        message:
          check.reason === 'expired'
            ? 'The X-Proxy-Token has expired (or comes from a server whose clock is far off): the page fetches a new one from /api/session.'
            : 'The X-Proxy-Token was not issued by this server for this address (a restart draws a new secret): reload the page.',
      });
    }

    const target = parseProxyTarget(headerValue(request.headers, PROXY_HEADERS.target) ?? null);
    if (!target.ok) return fail(target.error);
    const url = target.url;
    targetHost = url.host;

    // One deadline for the whole exchange, starting before the request body is read: a client
    // trickling its body is cut off like a silent upstream.
    const cancellation = createCancellation();
    let timedOut = false;
    let clientGone = false;
    let holdsSlot = false;
    const timer = setTimeout(() => {
      timedOut = true;
      cancellation.cancel(new DOMException('The proxy deadline passed.', 'TimeoutError'));
    }, timeoutMs);
    const stopWatchingClient = request.onClientClose(() => {
      clientGone = true;
      cancellation.cancel(new DOMException('The client went away.', 'AbortError'));
    });
    /** The client went away: nobody will read an answer, and the upstream did nothing wrong. */
    const clientClosed = (): ProxyResult => {
      log(CLIENT_CLOSED_STATUS, 'client_closed');
      return { status: CLIENT_CLOSED_STATUS, headers: {}, body: null };
    };

    try {
      let body: Uint8Array<ArrayBuffer> | undefined;
      if (method === 'POST') {
        const contentType =
          (headerValue(request.headers, 'content-type') ?? '')
            .split(';')[0]
            ?.trim()
            .toLowerCase() ?? '';
        if (!ACCEPTED_POST_TYPES.includes(contentType)) {
          return fail({
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
        const declared = declaredContentLength(headerValue(request.headers, 'content-length'));
        if (declared !== undefined && declared > maxRequestBytes) return fail(tooLarge);
        const read = await request.readBody(maxRequestBytes, cancellation);
        if (!read.ok) {
          if (read.reason === 'too_large') return fail(tooLarge);
          if (clientGone) return clientClosed();
          // The rest of the body may never come: the connection cannot carry another request.
          return fail(
            {
              code: 'request_timeout',
              message: `The request body did not arrive completely within ${timeoutMs / 1000} s.`,
            },
            { connection: 'close' },
          );
        }
        body = read.bytes;
      }

      const decision = await options.isTargetAllowed(url);
      if (!decision.allowed) return fail({ code: 'target_forbidden', message: decision.reason });

      // Counted around the upstream call only: a client slow to send its body holds no slot.
      if (inFlight >= maxConcurrent) {
        return fail(
          {
            code: 'busy',
            message: `The proxy is already waiting on ${maxConcurrent} upstream answers; try again in a second.`,
          },
          { 'retry-after': '1' },
        );
      }
      inFlight++;
      holdsSlot = true;
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = headerValue(request.headers, name);
        if (value !== undefined) headers[name] = value;
      }
      headers['user-agent'] = userAgent;
      const answer = await options.upstream(url.href, {
        method,
        headers,
        body,
        cancellation,
      });

      const tooLarge: ProxyError = {
        code: 'response_too_large',
        message: `${url.host} answered with more than ${maxResponseBytes} bytes; the proxy relays at most that.`,
      };
      const declared = declaredContentLength(headerValue(answer.headers, 'content-length'));
      if (declared !== undefined && declared > maxResponseBytes) {
        answer.discard();
        return fail(tooLarge);
      }
      const read = await answer.readBody(maxResponseBytes);
      if (!read.ok) return fail(tooLarge);

      const responseHeaders = relayedHeaders(answer.headers);
      responseHeaders[PROXY_HEADERS.elapsedMs] = String(elapsed());
      responseHeaders['x-content-type-options'] = 'nosniff';
      // If someone opened a relayed answer as a page, it must not run as our origin.
      responseHeaders['content-security-policy'] = "default-src 'none'; sandbox";
      log(answer.status);
      return {
        status: answer.status,
        headers: responseHeaders,
        body: NULL_BODY_STATUSES.has(answer.status) ? null : read.bytes,
      };
    } catch (error) {
      if (clientGone && !timedOut) return clientClosed();
      return fail(classifyUpstreamError(error, url, timedOut, timeoutMs));
    } finally {
      clearTimeout(timer);
      stopWatchingClient();
      if (holdsSlot) inFlight--;
    }
  }

  return async function handleApiRequest(request: ProxyRequest): Promise<ProxyResult> {
    const route = request.path;
    if (route !== '/api/session' && route !== '/api/proxy') {
      return proxyErrorResult({ code: 'not_found', message: `There is no ${route} endpoint.` });
    }
    const allowed = route === '/api/session' ? ['GET'] : ['GET', 'POST'];
    if (!allowed.includes(request.method)) {
      return proxyErrorResult(
        {
          code: 'method_not_allowed',
          message: `${route} accepts ${allowed.join(' and ')}, not ${request.method}.`,
        },
        { allow: allowed.join(', ') },
      );
    }
    const refused = refuseForeignCaller(request);
    if (refused) return refused;
    if (route === '/api/session') return session(request);
    const result = await proxy(request, request.method === 'POST' ? 'POST' : 'GET');
    // A caller that went away reads nothing; every other answer may carry its status in a header.
    if (
      result.status === CLIENT_CLOSED_STATUS ||
      headerValue(request.headers, PROXY_HEADERS.wantsStatusInHeader) !== '1'
    )
      return result;
    return {
      status: 200,
      headers: { ...result.headers, [PROXY_HEADERS.statusInHeader]: String(result.status) },
      body: result.body,
    };
  };
}
