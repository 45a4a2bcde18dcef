import { request, type Dispatcher } from 'undici';
import type { UpstreamFetch } from '../proxy/handler.ts';

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The proxy's upstream call on Node, through `dispatcher` (the guard's pinned Agent).
 *
 * Built on `undici.request` rather than `fetch` so the upstream sees exactly the headers the
 * handler chose plus Host/Content-Length/Connection: `fetch` would add `Sec-Fetch-Mode: cors`,
 * `Accept-Language: *` and `Accept-Encoding` of its own. Redirects are never followed (undici's
 * `request` does not follow them); the 3xx comes back with its `Location`.
 *
 * Does NOT decompress: no `Accept-Encoding` is sent, so servers answer in identity encoding.
 */
export function createPinnedFetch(dispatcher: Dispatcher): UpstreamFetch {
  return async (url, init) => {
    const headers: Record<string, string> = {};
    init.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const answer = await request(url, {
      dispatcher,
      method: init.method,
      headers,
      body: init.body ?? null,
      signal: init.signal,
    });

    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        try {
          responseHeaders.append(name, item);
        } catch {
          // A header value the Fetch standard cannot carry (e.g. raw non-Latin-1 bytes): drop it.
        }
      }
    }

    if (NULL_BODY_STATUSES.has(answer.statusCode)) {
      await answer.body.dump();
      return new Response(null, { status: answer.statusCode, headers: responseHeaders });
    }
    const iterator: AsyncIterator<Buffer> = answer.body[Symbol.asyncIterator]();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      },
      cancel() {
        answer.body.destroy();
      },
    });
    return new Response(body, { status: answer.statusCode, headers: responseHeaders });
  };
}
