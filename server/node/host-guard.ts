import type { IncomingMessage, ServerResponse } from 'node:http';
import { proxyErrorResult } from '../proxy/exchange.ts';
import { isOwnHost, unknownHostError } from '../proxy/own-host.ts';

/**
 * The Host rule (server/proxy/own-host.ts) for every route of the standalone server: a request
 * must name one of our own hosts in `Host`, exactly as an origin of ours writes it
 * (`127.0.0.1:4173`, `localhost:4173`, a PUBLIC_ORIGINS host). The edge worker applies the same
 * rule with the same answer.
 *
 * Answers the refusal itself and returns true, or returns false to let the request through.
 */
export function refuseForeignHost(
  req: IncomingMessage,
  res: ServerResponse,
  ownHosts: ReadonlySet<string>,
  primaryOrigin: string,
): boolean {
  if (isOwnHost(req.headers.host, ownHosts)) return false;
  const refusal = proxyErrorResult(unknownHostError(primaryOrigin));
  res.writeHead(refusal.status, {
    ...refusal.headers,
    'content-length': String(Buffer.byteLength(refusal.body as string)),
  });
  res.end(refusal.body);
  return true;
}
