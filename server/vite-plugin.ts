import { existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Connect, HttpServer, Logger, Plugin, ResolvedServerUrls } from 'vite';
import { isPlaygroundRoute } from './node/route-prefix.ts';
import type { PlaygroundRoutes } from './node/playground-routes.ts';
import { htmlSecurityHeaders } from './web/security-headers.ts';
import { createStaticHandler, pageStyleHashes, resolveStaticPath } from './node/static-files.ts';

interface HostedServer {
  middlewares: Connect.Server;
  httpServer: HttpServer | null;
  resolvedUrls: ResolvedServerUrls | null;
  config: { logger: Logger };
}

/** The listening address and the host name Vite prints (`http://127.0.0.1:5173/` → 127.0.0.1). */
function listeningOn(
  server: HostedServer,
): { host: string; address: string; port: number } | undefined {
  const bound = server.httpServer?.address();
  if (!bound || typeof bound === 'string') return undefined;
  const printed = server.resolvedUrls?.local[0];
  const host = printed ? new URL(printed).hostname : bound.address;
  return { host, address: bound.address, port: bound.port };
}

/**
 * Mounts `/api/*` (the proxy) and `/demo/*` (the demo authorization server) on a Vite server.
 * The routes are built on the first such request, when the server listens and its origin, hence
 * the issuer, is known; the heavy modules (oidc-provider, undici) load only then, so Vitest and
 * `vite build`, which also read vite.config.ts, never load them.
 */
function mountPlayground(server: HostedServer): void {
  let routes: Promise<PlaygroundRoutes> | undefined;
  const log = server.config.logger;

  function getRoutes(): Promise<PlaygroundRoutes> {
    routes ??= (async () => {
      const where = listeningOn(server);
      if (!where) throw new Error('the Vite server is not listening on a TCP port');
      const { createPlaygroundRoutes } = await import('./node/playground-routes.ts');
      const { formatProxyLogLine } = await import('./node/log-lines.ts');
      return createPlaygroundRoutes({
        ...where,
        checkHost: false, // Vite's own allowedHosts check has already run
        onLog: (entry) => log.info(formatProxyLogLine(entry), { timestamp: true }),
      });
    })();
    return routes;
  }

  server.httpServer?.once('close', () => {
    void routes?.then((ready) => ready.close()).catch(() => undefined);
  });

  server.middlewares.use(
    (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
      if (!isPlaygroundRoute(req.url ?? '/')) {
        next();
        return;
      }
      getRoutes()
        .then((ready) => ready.handle(req, res))
        .then((handled) => {
          if (!handled) next();
        })
        .catch((error: unknown) => {
          log.error(`playground: ${error instanceof Error ? error.message : 'request failed'}`);
          next(error);
        });
    },
  );
}

/**
 * The playground's server side inside `vite dev` and `vite preview`: the same proxy handler and
 * demo server as `npm start`, with the issuer at the Vite server's own origin
 * (`http://127.0.0.1:5173/demo` in dev). In preview, built files are served as by `npm start`
 * (precompressed, cache headers), and HTML responses also get the security headers
 * of the standalone server (dev has none: React Refresh needs an inline script).
 */
export function playgroundServer(): Plugin {
  return {
    name: 'playground:server',
    configureServer(server) {
      // Middleware mode (Vitest's own server among them) has no http server of ours to mount on.
      if (!server.httpServer) return;
      mountPlayground(server);
    },
    configurePreviewServer(server) {
      // The built files as `npm start` serves them: precompressed copies, cache headers, and
      // the security headers on HTML. Anything else falls through to Vite.
      const dist = path.resolve(server.config.root, server.config.build.outDir);
      const serveStatic = createStaticHandler(dist);
      server.middlewares.use(
        (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
          const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
          const file = isPlaygroundRoute(urlPath) ? undefined : resolveStaticPath(dist, urlPath);
          if (!file || !existsSync(file) || !statSync(file).isFile()) {
            next();
            return;
          }
          serveStatic(req, res).catch(next);
        },
      );
      // Vite's own fallback to index.html (a path that is no file) gets the security headers too.
      server.middlewares.use(
        (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
          const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
          const lastSegment = urlPath.slice(urlPath.lastIndexOf('/') + 1);
          if (isPlaygroundRoute(urlPath) || lastSegment.includes('.')) {
            next();
            return;
          }
          pageStyleHashes(path.join(dist, 'index.html'))
            .then((styleHashes) => {
              for (const [name, value] of Object.entries(htmlSecurityHeaders({ styleHashes })))
                res.setHeader(name, value);
              next();
            })
            .catch(next);
        },
      );
      mountPlayground(server);
    },
  };
}
