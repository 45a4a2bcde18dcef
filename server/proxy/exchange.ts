import type { LimitedBody } from './body.ts';
import { PROXY_ERROR_CODES, PROXY_HEADERS } from '../../src/core/proxy/proxy-protocol.ts';
import type { ProxyError } from './errors.ts';

/**
 * The proxy's own request and answer shapes: plain objects each host builds cheaply from what it
 * has (Node's IncomingMessage/ServerResponse, or a web Request/Response), so the handler is one
 * portable piece that never pays for a web `Request`/`Response`/`ReadableStream` per call on Node
 * (see docs/decisions/020-host-neutral-proxy-exchange.md).
 */

/** Header values by lower-case name, as Node's `IncomingHttpHeaders` and undici give them. */
export type HeaderRecord = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Stops one exchange: its deadline passed or its client went away. What the handler hands the
 * body read and the upstream call instead of an `AbortSignal`, which costs microseconds per call
 * on Node (docs/decisions/023); a fetch host turns it into one for `fetch` (handler.ts).
 */
export interface Cancellation {
  /** Why it was cancelled; undefined while it is not. */
  readonly reason: Error | undefined;
  /**
   * Calls `listener` once when cancelled (at once if it already is). The returned function stops
   * listening; a listener on an exchange that ends uncancelled may also just be left behind.
   */
  onCancel(listener: (reason: Error) => void): () => void;
}

/** A `Cancellation` and the switch that fires it (first reason wins). */
export function createCancellation(): Cancellation & { cancel: (reason: Error) => void } {
  let reason: Error | undefined;
  let listeners: Array<((reason: Error) => void) | undefined> = [];
  return {
    get reason() {
      return reason;
    },
    onCancel(listener) {
      if (reason !== undefined) {
        listener(reason);
        return () => undefined;
      }
      const index = listeners.push(listener) - 1;
      return () => {
        listeners[index] = undefined;
      };
    },
    cancel(why) {
      if (reason !== undefined) return;
      reason = why;
      const called = listeners;
      listeners = [];
      for (const listener of called) listener?.(why);
    },
  };
}

/** One incoming call, as a host hands it to the handler. */
export interface ProxyRequest {
  method: string;
  /** The path, without the query (`/api/proxy`). */
  path: string;
  /**
   * `http://` + the Host header the request arrived under: the handler compares it with the
   * origins it serves (the DNS-rebinding guard).
   */
  origin: string;
  headers: HeaderRecord;
  /**
   * Reads the whole body, giving up past `maxBytes` or when `cancellation` fires. The host leaves
   * the connection able to carry the answer and the next request (it discards what is left).
   */
  readBody: (maxBytes: number, cancellation: Cancellation) => Promise<LimitedBody>;
  /** Calls `listener` if the client goes away before its answer; returns the unsubscribe. */
  onClientClose: (listener: () => void) => () => void;
  /**
   * Who is calling, as the host knows it (a socket's remote address), for the per-client rate
   * limit. Undefined where the host cannot tell (then no per-client limit applies).
   */
  clientId: string | undefined;
}

/** The handler's answer: the host writes it as is. */
export interface ProxyResult {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string | null;
}

/** What the handler asks its upstream: exactly these headers, never a redirect follow. */
export interface UpstreamRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | undefined;
  /** Stops the call, its connection attempt and the body read (deadline, client gone). */
  cancellation: Cancellation;
}

/** The upstream's answer, body not yet read. */
export interface UpstreamAnswer {
  status: number;
  headers: HeaderRecord;
  /**
   * Reads the whole body, counting bytes as they stream (whatever `Content-Length` said) and
   * giving up past `maxBytes`, after which the rest is discarded. Rejects if the transfer fails
   * (connection reset mid-body, the call cancelled).
   */
  readBody: (maxBytes: number) => Promise<LimitedBody>;
  /** Stops the body unread and releases the connection (after refusing an oversize answer). */
  discard: () => void;
}

/**
 * The upstream call. The Node host's is one undici dispatch on the SSRF guard's pinned
 * keep-alive Agent (pinned-upstream.ts); a fetch runtime's wraps the platform `fetch` (handler.ts).
 */
export type UpstreamCall = (url: string, request: UpstreamRequest) => Promise<UpstreamAnswer>;

/** One header's value, duplicates joined as the Fetch standard's `Headers.get` joins them. */
export function headerValue(headers: HeaderRecord, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A proxy-generated error as a result (`{ proxyError }` JSON, `X-Proxy-Error` repeats the code). */
export function proxyErrorResult(
  error: ProxyError,
  extraHeaders: Record<string, string> = {},
): ProxyResult {
  return {
    status: PROXY_ERROR_CODES[error.code].status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      [PROXY_HEADERS.error]: error.code,
      ...extraHeaders,
    },
    body: JSON.stringify({ proxyError: { code: error.code, message: error.message } }),
  };
}

/** Joins chunks into one array (the common single-chunk case without a copy). */
export function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const only = chunks[0];
  if (chunks.length === 1 && only && only.buffer instanceof ArrayBuffer)
    return only as Uint8Array<ArrayBuffer>;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
