import type { ProxyError } from './errors.ts';

/**
 * The Host rule every host applies to every route (the app, `/api/*`, the demo servers): the
 * DNS-rebinding guard. A page on `evil.example` whose name was rebound to our address sends
 * `Host: evil.example:4173` and gets nothing.
 */

/** The Host header values of `origins` (lower case, as each origin writes its authority). */
export function hostsOfOrigins(origins: readonly string[]): ReadonlySet<string> {
  return new Set(origins.map((origin) => new URL(origin).host.toLowerCase()));
}

/**
 * Whether a request's raw Host header names one of ours exactly. The comparison is on the text,
 * not a parsed URL: `127.0.0.1.:4173` or `127.0.0.1:4173.` is refused here instead of reaching a
 * route that chokes on it.
 */
export function isOwnHost(host: string | null | undefined, ownHosts: ReadonlySet<string>): boolean {
  return host !== null && host !== undefined && ownHosts.has(host.toLowerCase());
}

/** The refusal. The refused name is not repeated: it is whatever the client wrote, of any length. */
export function unknownHostError(primaryOrigin: string): ProxyError {
  return {
    code: 'unknown_host',
    message: `This server does not answer under that host name; open the playground at its own address (${primaryOrigin}/).`,
  };
}
