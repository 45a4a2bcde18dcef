import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_API_PATH_PREFIX, DEMO_API_REPORTS_PATH } from '../demo-api/constants.ts';
import { createDemoApi } from '../demo-api/reports-api.ts';
import { DEMO_PATH_PREFIX, DEMO_RAW_PATH_PREFIX, DEMO_RESOURCE } from '../demo-as/constants.ts';
import { createDemoAuthorizationServer } from '../demo-as/provider.ts';
import { createRawDemoAuthorizationServer } from '../demo-as/raw-server.ts';
import type { AllowedHostPattern } from '../proxy/allowed-hosts.ts';
import { createProxyCore, type ProxyCoreOptions, type ProxyLogEntry } from '../proxy/proxy-core.ts';
import type { DemoServerInfo } from '../proxy/session.ts';
import { createProxyTokens, randomProxyTokenSecret } from '../proxy/proxy-token.ts';
import { isUnderPrefix, mountUnderPrefix } from './route-prefix.ts';
import { toNodeListener } from './node-exchange.ts';
import { toWebListener } from './web-listener.ts';
import { createInProcessClient } from './in-process-request.ts';
import { ownOrigins, type OwnOrigins } from './own-origins.ts';
import { createSsrfGuard, type Resolver } from './ssrf-guard.ts';

export interface PlaygroundRoutesOptions {
  /** The configured host (HOST), as the issuer and printed URL show it. */
  host: string;
  /** The bound address and port (`server.address()`), after listening. */
  address: string;
  port: number;
  allowedHosts?: readonly AllowedHostPattern[];
  /** Extra origins the page is served under (PUBLIC_ORIGINS). */
  publicOrigins?: readonly string[];
  /**
   * Whether the proxy itself refuses requests whose Host is not one of our origins (the
   * DNS-rebinding guard). The standalone server: yes. Vite: no, its own `allowedHosts` check runs
   * first, and a dev server may be reached under any name the developer configured there.
   */
  checkHost: boolean;
  onLog?: (entry: ProxyLogEntry) => void;
  proxy?: Pick<
    ProxyCoreOptions,
    'timeoutMs' | 'maxRequestBytes' | 'maxResponseBytes' | 'rateLimit' | 'maxConcurrentUpstream'
  >;
  /** DNS for the SSRF guard (tests). */
  resolve?: Resolver;
}

export interface PlaygroundRoutes {
  origins: OwnOrigins;
  demo: DemoServerInfo;
  /** Handles `/api/*`, `/demo/*`, `/demo-raw/*` and `/demo-api/*`; resolves false for anything else (the caller serves it). */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  close: () => Promise<void>;
}

/**
 * The proxy and the demo server as one Node middleware, for every Node host (the standalone
 * server and the Vite plugin): `/api/*` is the web-standard proxy handler through the Node
 * adapter, `/demo/*` is oidc-provider, `/demo-api/reports` the demo API that accepts its tokens. The proxy tokens' secret is drawn here, once per process
 * start: one process needs no configuration, and a restart invalidates every token it issued.
 */
export async function createPlaygroundRoutes(
  options: PlaygroundRoutesOptions,
): Promise<PlaygroundRoutes> {
  const origins = ownOrigins(options.host, options.address, options.port, options.publicOrigins);
  const created = await createDemoAuthorizationServer(origins.primary);
  // The session tells the page where the demo API is (DemoServerInfo.apiUrl).
  const demo = {
    ...created,
    info: { ...created.info, apiUrl: `${origins.primary}${DEMO_API_REPORTS_PATH}` },
  };
  const demoRaw = await createRawDemoAuthorizationServer(origins.primary);
  const guard = createSsrfGuard({
    allowedHosts: options.allowedHosts ?? [],
    selfTargets: origins.selfTargets,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  const proxyTokens = createProxyTokens({ secret: randomProxyTokenSecret() });
  const api = toNodeListener(
    createProxyCore({
      ...options.proxy,
      proxyTokens,
      upstream: guard.upstream,
      isTargetAllowed: guard.isTargetAllowed,
      demo: demo.info,
      demoRaw: demoRaw.info,
      ...(options.checkHost ? { selfOrigins: origins.all } : {}),
      ...(options.onLog ? { onLog: options.onLog } : {}),
    }),
  );
  const demoListener = mountUnderPrefix(DEMO_PATH_PREFIX, demo.callback);
  const demoRawListener = mountUnderPrefix(DEMO_RAW_PATH_PREFIX, demoRaw.callback);
  const { resourceServer } = created;
  const callDemoServer = createInProcessClient(demoListener);
  const resourceServerAuthorization = `Basic ${Buffer.from(
    // RFC 6749 §2.3.1: each part form-encoded before Basic encoding.
    `${encodeURIComponent(resourceServer.clientId)}:${encodeURIComponent(resourceServer.clientSecret)}`,
  ).toString('base64')}`;
  const demoApi = createDemoApi({
    issuer: demo.info.issuer,
    audience: DEMO_RESOURCE,
    jwks: demo.publicJwks,
    // As the keys above, the introspection endpoint is reached in-process: no socket, no network.
    introspect: async (token) => {
      const answer = await callDemoServer({
        method: 'POST',
        path: resourceServer.introspectionPath,
        headers: {
          host: new URL(origins.primary).host,
          authorization: resourceServerAuthorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
      });
      return answer.status === 200 ? (JSON.parse(answer.body) as unknown) : null;
    },
  });
  const demoApiListener = toWebListener(
    (request) =>
      new URL(request.url).pathname === DEMO_API_REPORTS_PATH
        ? demoApi(request)
        : Promise.resolve(
            Response.json(
              { error: 'not_found' },
              { status: 404, headers: { 'cache-control': 'no-store' } },
            ),
          ),
    origins.primary,
  );

  return {
    origins,
    demo: demo.info,
    async handle(req, res) {
      const url = req.url ?? '/';
      if (isUnderPrefix(url, '/api')) {
        await api(req, res);
        return true;
      }
      if (isUnderPrefix(url, DEMO_API_PATH_PREFIX)) {
        await demoApiListener(req, res);
        return true;
      }
      if (isUnderPrefix(url, DEMO_RAW_PATH_PREFIX)) {
        await demoRawListener(req, res);
        return true;
      }
      if (isUnderPrefix(url, DEMO_PATH_PREFIX)) {
        await demoListener(req, res);
        return true;
      }
      return false;
    },
    close: () => guard.close(),
  };
}
