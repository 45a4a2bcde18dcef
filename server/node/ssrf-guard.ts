import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { promisify } from 'node:util';
import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { findAllowedHostPattern, type AllowedHostPattern } from '../proxy/allowed-hosts.ts';
import { TargetForbiddenError } from '../proxy/errors.ts';
import type { UpstreamCall } from '../proxy/exchange.ts';
import type { TargetDecision } from '../proxy/proxy-core.ts';
import { addressKindLabel, classifyIpAddress } from '../proxy/ip-address.ts';
import { nonPublicAddressRefusal, plainHttpRefusal } from '../proxy/target-refusals.ts';
import { createPinnedUpstream } from './pinned-upstream.ts';

/** Resolves a host name to all its addresses (default: the OS resolver, like a connection would). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/**
 * A part of this very server the proxy may call although it is on loopback: the demo
 * authorization server (`origin` + `pathPrefix`), connected to at `pinAddress`.
 */
export interface SelfTarget {
  origin: string;
  pathPrefix: string;
  pinAddress: string;
}

export interface SsrfGuardOptions {
  allowedHosts: readonly AllowedHostPattern[];
  selfTargets?: readonly SelfTarget[];
  resolve?: Resolver;
  /** How long a vetted answer stays usable for connecting. Default 60 s (well above the proxy timeout). */
  vettedTtlMs?: number;
}

export interface SsrfGuard {
  /** The policy: resolves the host and vets every address. Throws the resolver's error on DNS failure. */
  isTargetAllowed: (url: URL) => Promise<TargetDecision>;
  /** An upstream call whose connections go only to addresses `isTargetAllowed` vetted. */
  upstream: UpstreamCall;
  close: () => Promise<void>;
}

interface VettedEntry {
  addresses: LookupAddress[];
  expiresAt: number;
}

/** Host name → the addresses last vetted for it. Shared by the policy (writer) and the lookup (reader). */
export type VettedAddresses = Map<string, VettedEntry>;

const osResolve: Resolver = (hostname) =>
  promisify(dnsLookup)(hostname, { all: true, verbatim: true });

function family(address: string): 4 | 6 {
  return address.includes(':') ? 6 : 4;
}

/**
 * The `lookup` given to the connection layer: answers only from what the policy vetted, so a
 * second DNS answer (DNS rebinding: public on the check, 127.0.0.1 on the connect) is never
 * used. A name nobody vetted fails with TargetForbiddenError.
 */
export function createPinnedLookup(
  vetted: VettedAddresses,
  now: () => number = Date.now,
): LookupFunction {
  return (hostname, options, callback) => {
    const entry = vetted.get(hostname.toLowerCase());
    if (!entry || entry.expiresAt < now()) {
      callback(new TargetForbiddenError(`${hostname} was not vetted by the proxy policy`), '', 0);
      return;
    }
    if (options.all) {
      callback(null, entry.addresses);
      return;
    }
    const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
    const chosen = entry.addresses.find(
      (candidate) => wanted === undefined || candidate.family === wanted,
    );
    if (!chosen) {
      callback(
        new TargetForbiddenError(`${hostname} has no vetted IPv${wanted ?? ''} address`),
        '',
        0,
      );
      return;
    }
    callback(null, chosen.address, chosen.family);
  };
}

/**
 * The Node host's SSRF guard (README, "What the proxy refuses to reach, and why"):
 *
 * - the demo server (each `selfTargets` origin, under its path prefix) is always reachable;
 * - a host in `PROXY_ALLOWED_HOSTS` is reachable over http or https at any address;
 * - anything else must be https and resolve only to public addresses: loopback, RFC 1918,
 *   CGNAT 100.64/10, link-local, unique-local, unspecified, multicast, reserved ranges and
 *   IPv4-mapped forms of them are refused (see ip-address.ts).
 *
 * Connections are pinned to the vetted addresses through an undici Agent's `connect.lookup`.
 * IP-literal targets are connected to as written, which is exactly the address vetted.
 */
export function createSsrfGuard(options: SsrfGuardOptions): SsrfGuard {
  const resolve = options.resolve ?? osResolve;
  const ttl = options.vettedTtlMs ?? 60_000;
  const selfTargets = options.selfTargets ?? [];
  const vetted: VettedAddresses = new Map();

  function remember(hostname: string, addresses: LookupAddress[]): void {
    const now = Date.now();
    for (const [name, entry] of vetted) if (entry.expiresAt < now) vetted.delete(name);
    vetted.set(hostname, { addresses, expiresAt: now + ttl });
  }

  async function isTargetAllowed(url: URL): Promise<TargetDecision> {
    const hostname = url.hostname.toLowerCase();
    const literal = classifyIpAddress(hostname);

    const self = selfTargets.find(
      (target) =>
        url.origin === target.origin &&
        (url.pathname === target.pathPrefix || url.pathname.startsWith(`${target.pathPrefix}/`)),
    );
    if (self) {
      if (literal === undefined)
        remember(hostname, [{ address: self.pinAddress, family: family(self.pinAddress) }]);
      return { allowed: true };
    }

    const pattern = findAllowedHostPattern(url, options.allowedHosts);
    if (!pattern && url.protocol !== 'https:') return plainHttpRefusal(url);

    if (literal !== undefined) {
      if (pattern || literal === 'public') return { allowed: true };
      return nonPublicAddressRefusal(hostname, literal);
    }

    const addresses = await resolve(hostname);
    if (addresses.length === 0) {
      throw Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
    }
    if (!pattern) {
      for (const { address } of addresses) {
        const kind = classifyIpAddress(address) ?? 'reserved';
        if (kind !== 'public') {
          return {
            allowed: false,
            reason: `${hostname} resolves to ${address}, a ${addressKindLabel[kind]} address; the proxy only calls public hosts unless PROXY_ALLOWED_HOSTS allows it.`,
          };
        }
      }
    }
    remember(hostname, addresses);
    return { allowed: true };
  }

  // A connect timeout above any proxy deadline (undici's default is 10 s): the handler's
  // 15 s deadline governs, so a silent host is reported as one timeout with one duration.
  const agent = new Agent({ connect: { lookup: createPinnedLookup(vetted), timeout: 60_000 } });
  return {
    isTargetAllowed,
    upstream: createPinnedUpstream(agent),
    close: () => agent.close(),
  };
}
