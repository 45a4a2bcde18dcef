import { lookup } from 'node:dns/promises';
import { parseAllowedHosts } from '../proxy/allowed-hosts.ts';
import { classifyIpAddress } from '../proxy/ip-address.ts';

/** workerd's outbound network (its `Network` config): which addresses a `fetch` may connect to. */
export interface WorkerdNetwork {
  allow: string[];
  deny: string[];
}

/** Resolves a host name to every address it has (the OS resolver by default). */
export type AddressResolver = (hostname: string) => Promise<string[]>;

const osResolver: AddressResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address }) => address);

/**
 * The outbound network of the local edge host (`npm run start:edge`), shaped like Cloudflare's:
 * public destinations only. A worker has no DNS lookup of its own, so its proxy policy can refuse
 * only literal addresses and `localhost`; a name that resolves to a loopback or private address
 * (the machine's own host name, an `/etc/hosts` entry) is stopped here, by workerd, which filters
 * every DNS answer through this list and treats a name with no permitted address as unknown.
 *
 * `"public"` is workerd's opposite of its `"private"` (loopback, RFC 1918, link-local, ULA and the
 * other special-purpose blocks). A host that `PROXY_ALLOWED_HOSTS` names is added by address: its
 * literal, or what its name resolves to now, at start-up. Does NOT follow a wildcard
 * (`*.corp.example` names no address): those hosts are reachable only at public addresses, as on
 * Cloudflare. Throws when a named host does not resolve, so a typo stops the start, not a call.
 */
export async function localEdgeNetwork(
  allowedHostsValue: string | undefined,
  resolve: AddressResolver = osResolver,
): Promise<WorkerdNetwork> {
  const addresses = new Set<string>();
  for (const pattern of parseAllowedHosts(allowedHostsValue)) {
    if (pattern.wildcard) continue;
    const literal = pattern.hostname.replace(/^\[(.*)\]$/, '$1');
    const found =
      classifyIpAddress(literal) === undefined
        ? await resolveNamed(pattern.hostname, resolve)
        : [literal];
    for (const address of found) addresses.add(`${address}/${address.includes(':') ? 128 : 32}`);
  }
  return { allow: ['public', ...addresses], deny: [] };
}

async function resolveNamed(hostname: string, resolve: AddressResolver): Promise<string[]> {
  try {
    return await resolve(hostname);
  } catch {
    throw new Error(
      `PROXY_ALLOWED_HOSTS names ${hostname}, which does not resolve: the local edge host allows a named host by its addresses, looked up at start.`,
    );
  }
}
