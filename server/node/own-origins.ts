import { DEMO_API_PATH_PREFIX } from '../demo-api/constants.ts';
import { DEMO_PATH_PREFIX, DEMO_RAW_PATH_PREFIX } from '../demo-as/constants.ts';
import { classifyIpAddress } from '../proxy/ip-address.ts';
import { hostsOfOrigins } from '../proxy/own-host.ts';
import type { SelfTarget } from './ssrf-guard.ts';

/** `host` as it appears in a URL authority (IPv6 in brackets). */
export function formatHostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export interface OwnOrigins {
  /** `http://HOST:PORT`: the issuer's origin and the address printed at start-up. */
  primary: string;
  /** Every origin the page may be loaded from: the handler accepts `Origin`/Host only from these. */
  all: string[];
  /** Where the proxy may reach the demo server although it is on loopback. */
  selfTargets: SelfTarget[];
  /** The Host header values of `all` (lower case, as written in each origin): the Host guard's list. */
  hosts: ReadonlySet<string>;
}

/**
 * The origins of a server listening on `host` (as configured) at `address`:`port` (as bound).
 *
 * A loopback or wildcard listener is also reachable as `localhost` / `127.0.0.1` (and `[::1]`
 * when bound to IPv6), so those are our origins too; `extraOrigins` (PUBLIC_ORIGINS) adds names a
 * reverse proxy or LAN uses. The demo server is a self target under each local origin, pinned to
 * an address that reaches this listener.
 */
export function ownOrigins(
  host: string,
  address: string,
  port: number,
  extraOrigins: readonly string[] = [],
): OwnOrigins {
  const primary = `http://${formatHostForUrl(host)}:${port}`;
  const kind = classifyIpAddress(address);
  const ipv6 = address.includes(':');
  const pinAddress = kind === 'unspecified' ? (ipv6 ? '::1' : '127.0.0.1') : address;

  const localHosts = new Set<string>([formatHostForUrl(host)]);
  if (kind === 'loopback' || kind === 'unspecified') {
    localHosts.add('localhost');
    if (!ipv6 || kind === 'unspecified') localHosts.add('127.0.0.1');
    if (ipv6) localHosts.add('[::1]');
  }
  const local = [...localHosts].map((name) => `http://${name}:${port}`);
  const all = [...new Set([...local, ...extraOrigins])];
  return {
    primary,
    all,
    hosts: hostsOfOrigins(all),
    // Both demo servers, /demo (form-decodes Basic credentials) and /demo-raw (reads them raw),
    // and the demo API that accepts their tokens.
    selfTargets: local.flatMap((origin) =>
      [DEMO_PATH_PREFIX, DEMO_RAW_PATH_PREFIX, DEMO_API_PATH_PREFIX].map((pathPrefix) => ({
        origin,
        pathPrefix,
        pinAddress,
      })),
    ),
  };
}
