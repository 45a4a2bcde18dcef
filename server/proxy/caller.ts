import type { ProxyError } from './errors.ts';
import { headerValue, type HeaderRecord } from './exchange.ts';

/**
 * Refuses calls that do not come from the playground page itself.
 *
 * The per-process proxy token already stops a foreign page (it cannot read `/api/session`
 * without CORS), but browsers also tell us who is calling, and we listen:
 * - `Sec-Fetch-Site`, when present, must be `same-origin` (Fetch Metadata);
 * - `Origin`, when present, must be one of our own origins (it is absent on same-origin GETs in
 *   some browsers, and on calls from curl).
 *
 * Does NOT require either header: non-browser clients (curl, tests) send neither.
 */
export function checkSameOriginCaller(
  headers: HeaderRecord,
  ownOrigins: ReadonlySet<string>,
): ProxyError | undefined {
  const site = headerValue(headers, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') {
    return {
      code: 'cross_origin',
      message: `This endpoint answers only the playground page itself, not a ${site} request.`,
    };
  }
  const origin = headerValue(headers, 'origin');
  if (origin !== undefined && !ownOrigins.has(origin)) {
    return {
      code: 'cross_origin',
      message:
        'This endpoint answers only the playground page itself; the request came from another origin.',
    };
  }
  return undefined;
}
