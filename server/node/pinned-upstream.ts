import { request, type Dispatcher } from 'undici';
import type { Readable } from 'node:stream';
import type { LimitedBody } from '../proxy/body.ts';
import { concatBytes, type UpstreamCall } from '../proxy/exchange.ts';

/**
 * Collects a body stream up to `maxBytes`, destroying it (and so its connection) past that.
 * Plain `data` listeners: an async iterator would cost a promise or two per chunk.
 */
function readLimited(body: Readable, maxBytes: number): Promise<LimitedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    body.on('data', (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      body.removeAllListeners('data');
      body.destroy();
      resolve({ ok: false, reason: 'too_large' });
    });
    body.once('end', () => resolve({ ok: true, bytes: concatBytes(chunks, total) }));
    body.on('error', reject);
  });
}

/**
 * The proxy's upstream call on Node: undici's `request` through `dispatcher` (the SSRF guard's
 * pinned keep-alive Agent), handing the body on as undici streams it: no web `Response` or
 * `ReadableStream` per call.
 *
 * `request` rather than `fetch` also keeps the upstream's view exact: it sees the headers the
 * handler chose plus Host/Content-Length/Connection, where `fetch` would add `Sec-Fetch-Mode`,
 * `Accept-Language` and `Accept-Encoding` of its own. Redirects are never followed; the 3xx comes
 * back with its `Location`.
 *
 * Does NOT decompress: no `Accept-Encoding` is sent, so servers answer in identity encoding.
 */
export function createPinnedUpstream(dispatcher: Dispatcher): UpstreamCall {
  return async (url, init) => {
    const answer = await request(url, {
      dispatcher,
      method: init.method,
      headers: init.headers,
      body: init.body ?? null,
      signal: init.signal,
    });
    return {
      status: answer.statusCode,
      headers: answer.headers,
      readBody: (maxBytes) => readLimited(answer.body, maxBytes),
      discard: () => answer.body.destroy(),
    };
  };
}
