import type { DemoServerInfo, SessionBody } from '../../core/proxy/proxy-protocol.ts';

/** The demo servers the session names, the standard one first; none on a host without Node. */
export function demoServersOf(session: SessionBody | undefined): DemoServerInfo[] {
  return [session?.demo, session?.demoRaw].filter(
    (server): server is DemoServerInfo => server !== null && server !== undefined,
  );
}

/** How the `Demo server` choice names each server: how it reads Basic credentials, and what it is. */
export function demoServerLabel(server: DemoServerInfo): string {
  const path = new URL(server.issuer).pathname;
  return server.basicCredentials === 'raw'
    ? `${path}: reads Basic credentials raw (@node-oauth/oauth2-server)`
    : `${path}: form-decodes Basic credentials, RFC 6749 (oidc-provider)`;
}
