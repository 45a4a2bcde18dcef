import {
  Agent,
  createServer,
  request as forward,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
} from 'node:http';
import { parsePublicOriginsSetting } from '../proxy/settings.ts';
import { hostsOfOrigins } from '../proxy/own-host.ts';
import { DEFAULT_SERVER_TIMEOUTS } from './server-timeouts.ts';
import { refuseForeignHost } from './host-guard.ts';

/** Headers that describe one hop, not the message (RFC 9110 §7.6.1), never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export interface EdgeFrontOptions {
  /**
   * The origins the page is served under, the first the one printed at start (PUBLIC_ORIGINS'
   * grammar). Throws SettingError when one is not an origin.
   */
  origins: string;
  /** Where workerd listens, on loopback only. */
  workerdPort: number;
}

/**
 * The local stand-in for Cloudflare's edge network, in front of workerd for `npm run start:edge`.
 * What Cloudflare does before a request reaches a worker is done here, so the local run keeps the
 * promises a deployment has:
 *
 * - Node's HTTP parser reads the request: a malformed one (duplicate `Content-Length`, a bad
 *   request line) gets Node's 400 and never reaches workerd;
 * - only a path as the request target (no `*`, no absolute URL), else 400;
 * - the Host rule of every host: a foreign or malformed Host gets the Node host's 403
 *   `unknown_host` (miniflare's own entry worker answers 500 to a Host it cannot parse);
 * - `CF-Connecting-IP` is set from the socket's address, replacing whatever the client wrote, as
 *   Cloudflare does: the worker (with BEHIND_CLOUDFLARE) keys its rate limit on a real address;
 * - miniflare's control headers (`MF-*`, which select its internal services) are dropped.
 *
 * Streams both ways; buffers nothing. Does NOT apply the proxy's own rules: the worker does.
 */
export function createEdgeFront(options: EdgeFrontOptions): Server {
  const origins = parsePublicOriginsSetting(options.origins) ?? [];
  const ownHosts = hostsOfOrigins(origins);
  const primaryOrigin = origins[0] ?? '';
  // One connection per request: workerd may close or leave unread a connection whose request it
  // refused without reading the body (a 429, a 501 for a method it does not know), and a reused
  // one would hand the next request that failure, or the earlier answer.
  const agent = new Agent({ keepAlive: false });
  const server = createServer({
    headersTimeout: DEFAULT_SERVER_TIMEOUTS.headersMs,
    requestTimeout: DEFAULT_SERVER_TIMEOUTS.requestMs,
    keepAliveTimeout: DEFAULT_SERVER_TIMEOUTS.keepAliveMs,
    connectionsCheckingInterval: 1_000,
  });
  server.on('close', () => agent.destroy());
  server.on('request', (req, res) => {
    if (refuseForeignHost(req, res, ownHosts, primaryOrigin)) return;
    // Only origin-form (RFC 9112 §3.2.1): `*`, `http://other/…` and CONNECT's authority form name
    // no file and no route here, and the runtime would build no URL from them.
    if (!req.url?.startsWith('/')) {
      res.writeHead(400, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end('The request target must be a path starting with "/".\n');
      return;
    }
    const upstream = forward(
      {
        host: '127.0.0.1',
        port: options.workerdPort,
        method: req.method,
        path: req.url,
        headers: forwardedHeaders(req),
        agent,
      },
      (answer) => {
        const headers: OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(answer.headers))
          if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', () => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(502, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end('The local workerd did not answer.\n');
    });
    // A client gone before its answer takes the forwarded call with it.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  return server;
}

function forwardedHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name.startsWith('mf-')) continue;
    if (name === 'cf-connecting-ip') continue;
    headers[name] = value;
  }
  const address = req.socket.remoteAddress;
  if (address) headers['cf-connecting-ip'] = address.replace(/^::ffff:(?=\d+\.)/, '');
  return headers;
}
