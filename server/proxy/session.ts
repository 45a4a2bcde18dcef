import type { DemoClient } from '../demo-as/clients.ts';

/** What the page learns about the built-in demo authorization server. */
export interface DemoServerInfo {
  /** e.g. `http://127.0.0.1:4173/demo` */
  issuer: string;
  /** e.g. `http://127.0.0.1:4173/demo/token` */
  tokenEndpoint: string;
  /** e.g. `http://127.0.0.1:4173/demo/.well-known/openid-configuration` */
  discoveryUrl: string;
  /** e.g. `http://127.0.0.1:4173/demo/jwks` */
  jwksUri: string;
  /** Public demo credentials (they only work against this demo server). */
  clients: readonly DemoClient[];
}

/**
 * The JSON body of `GET /api/session`: everything the page needs at run time and must not have
 * baked into its bundle. `demo` is null where no demo server is hosted (a bare fetch runtime).
 */
export interface SessionBody {
  proxyToken: string;
  demo: DemoServerInfo | null;
}
