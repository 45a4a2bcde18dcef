import { request, type Dispatcher } from 'undici';
import type { UpstreamCall } from '../proxy/exchange.ts';

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
      body: answer.body,
      discard: () => answer.body.destroy(),
    };
  };
}
