/**
 * `PROXY_ALLOWED_HOSTS`: the operator's list of extra targets the proxy may reach, including plain
 * http and private addresses (an Okta-like server on the LAN, a local Keycloak, …).
 *
 * Grammar, comma-separated, whitespace ignored:
 *   `host`            any port of exactly that host          `auth.internal`
 *   `host:port`       only that port                          `localhost:8080`
 *   `*.domain[:port]` any name strictly below `domain`        `*.corp.example` (not `corp.example`)
 *   `[ipv6][:port]`   IPv6 literals in brackets               `[::1]:9000`
 * Names compare as the URL parser normalises them (lower case, punycode, canonical IPv4).
 */
export interface AllowedHostPattern {
  /** Normalised host name or IP literal (IPv6 with brackets, as in `URL.hostname`); for a wildcard, the domain after `*.`. */
  hostname: string;
  wildcard: boolean;
  /** undefined = any port. */
  port: number | undefined;
  /** The entry as written, for messages. */
  source: string;
}

/** A malformed `PROXY_ALLOWED_HOSTS` entry; `message` says which and why. */
export class AllowedHostsError extends Error {
  override readonly name = 'AllowedHostsError';
  constructor(
    readonly entry: string,
    reason: string,
  ) {
    super(`"${entry}" ${reason}`);
  }
}

function normaliseHost(host: string, entry: string): string {
  let url: URL;
  try {
    url = new URL(`http://${host}/`);
  } catch {
    throw new AllowedHostsError(entry, 'is not a valid host name or IP address');
  }
  if (url.hostname === '' || url.port !== '' || url.username !== '' || url.pathname !== '/') {
    throw new AllowedHostsError(entry, 'is not a valid host name or IP address');
  }
  return url.hostname;
}

function parseEntry(entry: string): AllowedHostPattern {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.includes('/')) {
    throw new AllowedHostsError(
      entry,
      'looks like a URL; write only host or host:port (e.g. auth.example.com:8443)',
    );
  }
  let hostPart = entry;
  let port: number | undefined;
  const portMatch = /^(.*?)(?::(\d*))?$/.exec(entry);
  if (entry.startsWith('[')) {
    const close = entry.indexOf(']');
    if (close === -1) throw new AllowedHostsError(entry, 'has an opening "[" without "]"');
    hostPart = entry.slice(0, close + 1);
    const rest = entry.slice(close + 1);
    if (rest !== '') {
      if (!/^:\d+$/.test(rest)) throw new AllowedHostsError(entry, 'must be [ipv6] or [ipv6]:port');
      port = Number(rest.slice(1));
    }
  } else if ((entry.match(/:/g) ?? []).length > 1) {
    throw new AllowedHostsError(
      entry,
      'looks like an IPv6 address: put it in brackets, e.g. [::1]:8080',
    );
  } else if (portMatch && portMatch[2] !== undefined) {
    hostPart = portMatch[1] ?? '';
    if (portMatch[2] === '') throw new AllowedHostsError(entry, 'ends with ":" but has no port');
    port = Number(portMatch[2]);
  }
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    throw new AllowedHostsError(entry, 'has a port outside 1-65535');
  }
  let wildcard = false;
  if (hostPart.startsWith('*.')) {
    wildcard = true;
    hostPart = hostPart.slice(2);
  }
  if (hostPart.includes('*')) {
    throw new AllowedHostsError(
      entry,
      'may use "*" only as a whole first label, as in *.example.com',
    );
  }
  if (hostPart === '') throw new AllowedHostsError(entry, 'has no host');
  const hostname = normaliseHost(hostPart, entry);
  if (wildcard && hostname.startsWith('[')) {
    throw new AllowedHostsError(entry, 'cannot combine "*." with an IP address');
  }
  return { hostname, wildcard, port, source: entry };
}

/**
 * Parses the `PROXY_ALLOWED_HOSTS` value (undefined or empty = no extra hosts).
 * Throws AllowedHostsError naming the first bad entry.
 */
export function parseAllowedHosts(value: string | undefined): AllowedHostPattern[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map(parseEntry);
}

function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** The first pattern that allows this URL's host and port, if any. */
export function findAllowedHostPattern(
  url: URL,
  patterns: readonly AllowedHostPattern[],
): AllowedHostPattern | undefined {
  const hostname = url.hostname.toLowerCase();
  const port = effectivePort(url);
  return patterns.find((pattern) => {
    if (pattern.port !== undefined && pattern.port !== port) return false;
    return pattern.wildcard
      ? hostname.endsWith(`.${pattern.hostname}`)
      : hostname === pattern.hostname;
  });
}
