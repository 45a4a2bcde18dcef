import type { Dispatcher } from 'undici';
import type { LimitedBody } from '../proxy/body.ts';
import { concatBytes, type UpstreamAnswer, type UpstreamCall } from '../proxy/exchange.ts';

/** Why the proxy stopped an answer itself: its own abort is not a transfer failure to report. */
const STOPPED = new Error('the proxy stopped reading this answer');

/**
 * One upstream exchange as an undici dispatch handler: the answer's status and headers settle the
 * call, its body chunks are collected in place (no `Readable` per answer), and the call's signal
 * cancellation stops it at any stage, even while it still waits for a connection.
 */
function exchange(
  dispatcher: Dispatcher,
  url: string,
  init: Parameters<UpstreamCall>[1],
): Promise<UpstreamAnswer> {
  return new Promise((resolve, reject) => {
    const { cancellation } = init;
    if (cancellation.reason !== undefined) {
      reject(cancellation.reason);
      return;
    }
    const { origin, pathname, search } = new URL(url);
    let controller: Dispatcher.DispatchController | undefined;
    let answered = false;
    let stopped = false;
    const chunks: Buffer[] = [];
    let total = 0;
    let limit = Number.POSITIVE_INFINITY;
    /** The body's outcome once known; `readBody` may come before or after it. */
    let outcome: { body: LimitedBody } | { error: unknown } | undefined;
    let waiter:
      { resolve: (body: LimitedBody) => void; reject: (error: unknown) => void } | undefined;

    const settleBody = (result: { body: LimitedBody } | { error: unknown }) => {
      if (outcome) return;
      outcome = result;
      stopListening();
      if (!waiter) return;
      if ('body' in result) waiter.resolve(result.body);
      else waiter.reject(result.error);
    };
    const stop = (body: LimitedBody) => {
      stopped = true;
      controller?.abort(STOPPED);
      settleBody({ body });
    };
    const stopListening = cancellation.onCancel((reason) => {
      controller?.abort(reason);
      // Settled at once: a call still waiting for its connection would otherwise wait for it.
      if (!answered) reject(reason);
      settleBody({ error: reason });
    });

    const answer = (status: number, headers: UpstreamAnswer['headers']): UpstreamAnswer => ({
      status,
      headers,
      readBody(maxBytes) {
        limit = maxBytes;
        // What arrived with the headers counts too, even a body already complete.
        if (total > limit) {
          if (!outcome) stop({ ok: false, reason: 'too_large' });
          return Promise.resolve({ ok: false, reason: 'too_large' });
        }
        if (outcome) {
          return 'body' in outcome ? Promise.resolve(outcome.body) : Promise.reject(outcome.error);
        }
        return new Promise((resolveBody, rejectBody) => {
          waiter = { resolve: resolveBody, reject: rejectBody };
        });
      },
      discard: () => stop({ ok: false, reason: 'too_large' }),
    });

    dispatcher.dispatch(
      {
        origin,
        path: `${pathname}${search}`,
        method: init.method,
        headers: init.headers,
        body: init.body ?? null,
      },
      {
        onRequestStart(started) {
          controller = started;
          if (cancellation.reason !== undefined) started.abort(STOPPED);
        },
        onResponseStart(_controller, statusCode, headers) {
          // 1xx answers (100 Continue, 103 Early Hints) come before the real one.
          if (statusCode < 200 || answered) return;
          answered = true;
          resolve(answer(statusCode, headers));
        },
        onResponseData(_controller, chunk) {
          if (outcome) return;
          total += chunk.byteLength;
          // Bytes are counted as they arrive, whatever Content-Length said.
          if (total > limit) stop({ ok: false, reason: 'too_large' });
          else chunks.push(chunk);
        },
        onResponseEnd() {
          settleBody({ body: { ok: true, bytes: concatBytes(chunks, total) } });
        },
        onResponseError(_controller, error) {
          if (stopped) return;
          if (!answered) {
            answered = true;
            stopListening();
            reject(error);
            return;
          }
          settleBody({ error });
        },
      },
    );
  });
}

/**
 * The proxy's upstream call on Node: one undici dispatch through `dispatcher` (the SSRF guard's
 * pinned keep-alive Agent) per call, with the body collected as it streams: no web `Response`,
 * no `ReadableStream` or Node `Readable` per call (docs/decisions/023).
 *
 * The upstream sees exactly the headers the handler chose plus Host/Content-Length/Connection,
 * where `fetch` would add `Sec-Fetch-Mode`, `Accept-Language` and `Accept-Encoding` of its own.
 * Redirects are never followed; the 3xx comes back with its `Location`.
 *
 * Does NOT decompress: no `Accept-Encoding` is sent, so servers answer in identity encoding.
 */
export function createPinnedUpstream(dispatcher: Dispatcher): UpstreamCall {
  return (url, init) => exchange(dispatcher, url, init);
}
