import type { DemoServerInfo, SessionBody } from '../../core/proxy/proxy-protocol.ts';

/** The demo servers the session names, the standard one first; none on a host without Node. */
export function demoServersOf(session: SessionBody | undefined): DemoServerInfo[] {
  return [session?.demo, session?.demoRaw].filter(
    (server): server is DemoServerInfo => server !== null && server !== undefined,
  );
}

/**
 * How the `Demo server` choice names each server: its path and what it is, short enough for a
 * phone's select (a longer option is cut off there); `demoServerHint` says how it reads Basic.
 */
export function demoServerLabel(server: DemoServerInfo): string {
  const path = new URL(server.issuer).pathname;
  return server.basicCredentials === 'raw' ? `${path} (oauth2-server)` : `${path} (oidc-provider)`;
}

/** The line under the choice: how the chosen server reads Basic credentials, in one short line. */
export function demoServerHint(server: DemoServerInfo): string {
  return server.basicCredentials === 'raw'
    ? 'Reads Basic credentials raw, as many servers do.'
    : 'Form-decodes Basic credentials (RFC 6749).';
}
