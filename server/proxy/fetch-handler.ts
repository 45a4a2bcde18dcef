import { findAllowedHostPattern, parseAllowedHosts } from './allowed-hosts.ts';
import { createProxyHandler, type UpstreamFetch } from './handler.ts';
import type { TargetDecision } from './proxy-core.ts';
import { addressKindLabel, classifyIpAddress } from './ip-address.ts';
import { createProxyToken } from './proxy-token.ts';

/** The variables a fetch-handler runtime (Workers, Deno Deploy, Bun, …) passes as its env. */
export interface FetchHandlerEnv {
  /**
   * The proxy token. Set it where several isolates serve one site: each isolate otherwise draws
   * its own, and the page may get `/api/session` from one and call `/api/proxy` on another.
   */
  PROXY_TOKEN?: string;
  /** Same grammar as the Node server's (see allowed-hosts.ts). */
  PROXY_ALLOWED_HOSTS?: string;
}

/**
 * A target policy for runtimes that cannot resolve DNS before connecting: https only, no IP
 * literal outside public space, no `localhost` names, unless `PROXY_ALLOWED_HOSTS` allows the host.
 *
 * Does NOT catch a public name that resolves to a private address (the Node host does, and pins
 * the connection); such runtimes normally cannot reach private networks at all.
 */
export function createStaticTargetPolicy(
  allowedHostsValue: string | undefined,
): (url: URL) => TargetDecision {
  const patterns = parseAllowedHosts(allowedHostsValue);
  return (url) => {
    if (findAllowedHostPattern(url, patterns)) return { allowed: true };
    if (url.protocol !== 'https:') {
      return {
        allowed: false,
        reason: `Plain http is refused for ${url.host}: use https, or allow the host in PROXY_ALLOWED_HOSTS.`,
      };
    }
    const kind = classifyIpAddress(url.hostname);
    if (kind !== undefined && kind !== 'public') {
      return {
        allowed: false,
        reason: `${url.hostname} is a ${addressKindLabel[kind]} address; only public hosts are reachable.`,
      };
    }
    const name = url.hostname.replace(/\.$/, '');
    if (name === 'localhost' || name.endsWith('.localhost')) {
      return {
        allowed: false,
        reason: `${url.hostname} names this machine; only public hosts are reachable.`,
      };
    }
    return { allowed: true };
  };
}

/**
 * The proxy as a plain fetch handler for any runtime with web-standard `Request`/`Response`:
 * `export default { fetch: createFetchHandler(env) }`. Serves `/api/session` (with `demo: null`:
 * no demo server here) and `/api/proxy`, with the same rules as the Node server.
 *
 * Throws AllowedHostsError at creation when `PROXY_ALLOWED_HOSTS` is malformed.
 */
export function createFetchHandler(
  env: FetchHandlerEnv,
  platformFetch: UpstreamFetch = (url, init) => fetch(url, init),
): (request: Request) => Promise<Response> {
  return createProxyHandler({
    proxyToken: env.PROXY_TOKEN && env.PROXY_TOKEN !== '' ? env.PROXY_TOKEN : createProxyToken(),
    upstreamFetch: platformFetch,
    isTargetAllowed: createStaticTargetPolicy(env.PROXY_ALLOWED_HOSTS),
  });
}
