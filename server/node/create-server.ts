import { createServer, type Server } from 'node:http';
import type { ProxyLogEntry } from '../proxy/proxy-core.ts';
import type { DemoServerInfo } from '../proxy/session.ts';
import { createPlaygroundRoutes, type PlaygroundRoutesOptions } from './playground-routes.ts';
import { refuseForeignHost } from './host-guard.ts';
import { createStaticHandler } from './static-files.ts';
import { DEFAULT_SERVER_TIMEOUTS, type ServerTimeouts } from './server-timeouts.ts';

export interface PlaygroundServerOptions {
  /** Interface to listen on (HOST). */
  host: string;
  /** Port (PORT); 0 picks a free one. */
  port: number;
  /** The built SPA (`dist/`). */
  distDir: string;
  allowedHosts?: PlaygroundRoutesOptions['allowedHosts'];
  publicOrigins?: PlaygroundRoutesOptions['publicOrigins'];
  /** Sites allowed to embed the page (FRAME_ANCESTORS); empty or absent: any site. */
  frameAncestors?: readonly string[];
  onLog?: (entry: ProxyLogEntry) => void;
  proxy?: PlaygroundRoutesOptions['proxy'];
  resolve?: PlaygroundRoutesOptions['resolve'];
  /** Node's own connection limits (tests shorten them); see `DEFAULT_SERVER_TIMEOUTS`. */
  timeouts?: Partial<ServerTimeouts>;
}

export interface PlaygroundServer {
  server: Server;
  /** `http://HOST:PORT` with the real port. */
  origin: string;
  demo: DemoServerInfo;
  /** Stops accepting connections, ends idle keep-alive ones, and waits for the rest. */
  close: () => Promise<void>;
}

/**
 * The standalone playground (`npm start`, README Contracts): one Node http server on HOST:PORT serving the
 * built app at `/`, the proxy at `/api/*` and the demo authorization server under `/demo`
 * (issuer `http://HOST:PORT/demo`).
 *
 * Listens first, then builds the routes: the issuer needs the real port (PORT=0 in tests).
 * Requests arriving in between wait for the routes.
 */
export async function startPlaygroundServer(
  options: PlaygroundServerOptions,
): Promise<PlaygroundServer> {
  const serveStatic = createStaticHandler(options.distDir, {
    frameAncestors: options.frameAncestors ?? [],
  });
  let resolveRoutes: (routes: Awaited<ReturnType<typeof createPlaygroundRoutes>>) => void = () =>
    undefined;
  let rejectRoutes: (error: unknown) => void = () => undefined;
  const routesReady = new Promise<Awaited<ReturnType<typeof createPlaygroundRoutes>>>(
    (resolve, reject) => {
      resolveRoutes = resolve;
      rejectRoutes = reject;
    },
  );
  routesReady.catch(() => undefined);

  const timeouts = { ...DEFAULT_SERVER_TIMEOUTS, ...options.timeouts };
  const server = createServer({
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node enforces the two timeouts above only when it sweeps its connections (every 30 s by
    // default), which would let a 10 s limit run to 40 s.
    connectionsCheckingInterval: 1_000,
  });
  server.on('request', (req, res) => {
    void (async () => {
      try {
        const routes = await routesReady;
        if (refuseForeignHost(req, res, routes.origins.hosts, routes.origins.primary)) return;
        if (!(await routes.handle(req, res))) await serveStatic(req, res);
      } catch (error) {
        console.error(
          'playground: request failed:',
          error instanceof Error ? error.name : 'unknown error',
        );
        if (!res.headersSent) {
          res.writeHead(500, {
            'content-type': 'text/plain; charset=utf-8',
            'cache-control': 'no-store',
          });
          res.end('Internal server error\n');
        } else {
          res.destroy();
        }
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const bound = server.address();
  if (bound === null || typeof bound === 'string')
    throw new Error('the server is not listening on a TCP port');
  const { address, port } = bound;
  let routes: Awaited<ReturnType<typeof createPlaygroundRoutes>>;
  try {
    routes = await createPlaygroundRoutes({
      host: options.host,
      address,
      port,
      checkHost: true,
      allowedHosts: options.allowedHosts ?? [],
      publicOrigins: options.publicOrigins ?? [],
      ...(options.onLog ? { onLog: options.onLog } : {}),
      ...(options.proxy ? { proxy: options.proxy } : {}),
      ...(options.resolve ? { resolve: options.resolve } : {}),
    });
  } catch (error) {
    rejectRoutes(error);
    server.close();
    throw error;
  }
  resolveRoutes(routes);

  return {
    server,
    origin: routes.origins.primary,
    demo: routes.demo,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 2000);
      force.unref();
      await closed;
      clearTimeout(force);
      await routes.close();
    },
  };
}
