import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';

/** The metadata address of the big clouds: a redirect there must never be followed. */
export const METADATA_URL = 'http://169.254.169.254/latest/meta-data/';

/** Twice the proxy's 1 MiB response limit. */
export const TWO_MIB = 2 * 1024 * 1024;

export const HTML_ERROR_PAGE =
  '<!doctype html><html><head><title>500 Internal Server Error</title></head><body><h1>Oops</h1></body></html>';

/**
 * Local upstreams on loopback, each answering one way (the path picks the behaviour):
 *
 * - `/token`            200 with a token answer (RFC 6749 §5.1), keep-alive
 * - `/html-500`         500 with an HTML page
 * - `/big-declared`     200 with 2 MiB and its Content-Length
 * - `/big-chunked`      200 with 2 MiB chunked (no length to check up front)
 * - `/redirect-metadata` 302 to the cloud metadata address
 * - `/redirect-local`   302 to `/counted` of this same stub
 * - `/counted`          200; its hits prove a redirect was (not) followed
 * - `/hang`             reads the request, never answers
 * - `/slow`             answers like `/token` after 1 s
 * - `/close-mid-body`   announces 1000 bytes, sends 10, closes the connection
 *
 * and, on their own ports, a TLS server with a self-signed certificate (`tlsPort`, any path
 * answers 200) and a TCP server that answers anything with bytes that are not HTTP
 * (`garbagePort`).
 */
export interface UpstreamStubs {
  httpPort: number;
  tlsPort: number;
  garbagePort: number;
  /** Requests received per path (`/token` → 3). */
  hits: (path: string) => number;
  close: () => Promise<void>;
}

const TOKEN_ANSWER = JSON.stringify({
  access_token: 'stub-access-token',
  token_type: 'Bearer',
  expires_in: 3600,
  scope: 'customScope',
});

export async function startUpstreamStubs(): Promise<UpstreamStubs> {
  const hits = new Map<string, number>();
  const sockets = new Set<Socket>();
  const count = (path: string) => hits.set(path, (hits.get(path) ?? 0) + 1);
  const track = (server: HttpServer | NetServer) =>
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });

  const http = createHttpServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    count(path);
    req.resume();
    const token = () => {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(TOKEN_ANSWER);
    };
    switch (path) {
      case '/token':
      case '/counted':
        token();
        return;
      case '/html-500':
        res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
        res.end(HTML_ERROR_PAGE);
        return;
      case '/big-declared':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': TWO_MIB });
        res.end(Buffer.alloc(TWO_MIB, 0x20));
        return;
      case '/big-chunked':
        res.writeHead(200, { 'content-type': 'application/json' });
        for (let sent = 0; sent < TWO_MIB; sent += 64 * 1024)
          res.write(Buffer.alloc(64 * 1024, 0x20));
        res.end();
        return;
      case '/redirect-metadata':
        res.writeHead(302, { location: METADATA_URL });
        res.end();
        return;
      case '/redirect-local':
        res.writeHead(302, { location: `http://127.0.0.1:${httpPort}/counted` });
        res.end();
        return;
      case '/hang':
        return;
      case '/slow':
        setTimeout(token, 1000).unref();
        return;
      case '/close-mid-body':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 1000 });
        res.write('{"access_');
        setTimeout(() => res.destroy(), 20).unref();
        return;
      default:
        res.writeHead(404);
        res.end();
    }
  });
  track(http);

  const tls = createHttpsServer(
    {
      key: readFileSync(new URL('./fixtures/self-signed.key', import.meta.url)),
      cert: readFileSync(new URL('./fixtures/self-signed.crt', import.meta.url)),
    },
    (req, res) => {
      count('tls');
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(TOKEN_ANSWER);
    },
  );
  track(tls);

  const garbage = createNetServer((socket) => {
    count('garbage');
    socket.once('data', () => {
      socket.end('SSH-2.0-OpenSSH_9.2\r\n\x00\x01\x02 this is not HTTP \xff\xfe\r\n\r\n');
    });
    socket.on('error', () => undefined);
  });
  track(garbage);

  const listen = (server: HttpServer | NetServer) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  const httpPort = await listen(http);
  const tlsPort = await listen(tls);
  const garbagePort = await listen(garbage);

  return {
    httpPort,
    tlsPort,
    garbagePort,
    hits: (path) => hits.get(path) ?? 0,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        [http, tls, garbage].map(
          (server) => new Promise<void>((resolve) => server.close(() => resolve())),
        ),
      );
    },
  };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
