import { createServer, type IncomingMessage } from 'node:http';
import { createDemoAuthorizationServer, type DemoAuthorizationServer } from '../provider.ts';

/** The demo authorization server listening on a free loopback port, as the tests reach it. */
export interface ListeningDemo {
  readonly demo: DemoAuthorizationServer;
  /** `http://127.0.0.1:PORT`: the issuer is this plus `/demo`. */
  readonly origin: string;
  readonly close: () => Promise<void>;
}

/**
 * Starts the real oidc-provider demo server mounted under `/demo` as the hosts mount it
 * (server/node/route-prefix.ts: oidc-provider reads its mount path from `originalUrl`).
 */
export async function listenDemo(): Promise<ListeningDemo> {
  // Set once the server has its port (the issuer names it); requests before that get 503.
  const mounted: { demo?: DemoAuthorizationServer } = {};
  const server = createServer((req: IncomingMessage, res) => {
    const full = req.url ?? '/';
    Object.assign(req, { originalUrl: full });
    req.url = full.slice('/demo'.length) || '/';
    if (mounted.demo) void mounted.demo.callback(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const origin = `http://127.0.0.1:${address.port}`;
  const demo = await createDemoAuthorizationServer(origin);
  mounted.demo = demo;
  return {
    demo,
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
