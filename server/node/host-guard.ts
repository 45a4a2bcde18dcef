import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  PROXY_ERROR_CODES,
  PROXY_HEADERS,
  type ProxyErrorBody,
} from '../../src/core/proxy-protocol.ts';

/**
 * The DNS-rebinding guard for every route of the standalone server (the app, `/api/*`,
 * `/demo/*`): a request must name one of our own hosts in `Host`, exactly as an origin of ours
 * writes it (`127.0.0.1:4173`, `localhost:4173`, a PUBLIC_ORIGINS host). A page on
 * `evil.example` whose name was rebound to 127.0.0.1 sends `Host: evil.example:4173` and gets
 * nothing, not the app, not a demo token.
 *
 * The comparison is on the raw header (lower-cased), not a parsed URL: `127.0.0.1.:4173` or
 * `127.0.0.1:4173.` are refused here instead of reaching a route that chokes on them.
 *
 * Answers the refusal itself and returns true, or returns false to let the request through.
 */
export function refuseForeignHost(
  req: IncomingMessage,
  res: ServerResponse,
  ownHosts: ReadonlySet<string>,
  primaryOrigin: string,
): boolean {
  const host = req.headers.host?.toLowerCase();
  if (host !== undefined && ownHosts.has(host)) return false;
  const body: ProxyErrorBody = {
    proxyError: {
      code: 'unknown_host',
      // The refused name is not repeated: it is whatever the client wrote, of any length.
      message: `This server does not answer under that host name; open the playground at its own address (${primaryOrigin}/).`,
    },
  };
  const text = JSON.stringify(body);
  res.writeHead(PROXY_ERROR_CODES.unknown_host.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    [PROXY_HEADERS.error]: 'unknown_host',
  });
  res.end(text);
  return true;
}
