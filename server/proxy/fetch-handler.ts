import { findAllowedHostPattern, parseAllowedHosts } from './allowed-hosts.ts';
import { createProxyHandler, type UpstreamFetch } from './handler.ts';
import { nonPublicAddressRefusal, plainHttpRefusal } from './target-refusals.ts';
import type { TargetDecision } from './proxy-core.ts';
import { classifyIpAddress } from './ip-address.ts';
import {
  parsePublicOriginsSetting,
  parseRateLimitSetting,
  parseTimeoutSetting,
  SettingError,
} from './settings.ts';
import {
  createProxyTokens,
  MIN_PROXY_TOKEN_SECRET_LENGTH,
  randomProxyTokenSecret,
} from './proxy-token.ts';

/** The variables a fetch-handler runtime (Workers, Deno Deploy, Bun, …) passes as its env. */
export interface FetchHandlerEnv {
  /**
   * The secret proxy tokens are signed with (at least 32 characters). Set the same one on every
   * isolate of a site: each isolate otherwise draws its own, and the page may get `/api/session`
   * from one and call `/api/proxy` on another.
   */
  PROXY_TOKEN_SECRET?: string;
  /** Same grammar as the Node server's (see allowed-hosts.ts). */
  PROXY_ALLOWED_HOSTS?: string;
  /**
   * Comma-separated origins the page is served under (`https://docs.example,https://x.example`).
   * When set, a request that arrived under any other Host is refused (`unknown_host`), as on the
   * Node host; when unset, the request's own origin is the only one.
   */
  PUBLIC_ORIGINS?: string;
  /**
   * The most calls one client may make in any 60 s (`0`: no limit), as on the Node host. Counted
   * per isolate, keyed by the client id the runtime vouches for: a global limit is the platform's
   * job.
   */
  PROXY_RATE_LIMIT?: string;
  /** The proxied exchange's deadline in whole seconds (1-300), as on the Node host. Default 15. */
  PROXY_TIMEOUT_S?: string;
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
    if (url.protocol !== 'https:') return plainHttpRefusal(url);
    const kind = classifyIpAddress(url.hostname);
    if (kind !== undefined && kind !== 'public') return nonPublicAddressRefusal(url.hostname, kind);
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
 * Throws AllowedHostsError at creation when `PROXY_ALLOWED_HOSTS` is malformed, and
 * SettingError when `PUBLIC_ORIGINS`, `PROXY_RATE_LIMIT` or `PROXY_TIMEOUT_S` is, or `PROXY_TOKEN_SECRET` is
 * set but too short.
 */
export function createFetchHandler(
  env: FetchHandlerEnv,
  platformFetch: UpstreamFetch = (url, init) => fetch(url, init),
): (request: Request, clientId?: string) => Promise<Response> {
  const configured = env.PROXY_TOKEN_SECRET ?? '';
  if (configured !== '' && configured.length < MIN_PROXY_TOKEN_SECRET_LENGTH) {
    throw new SettingError(
      'PROXY_TOKEN_SECRET',
      undefined,
      `is too short: use at least ${MIN_PROXY_TOKEN_SECRET_LENGTH} random characters (e.g. \`openssl rand -base64 32\`)`,
    );
  }
  const selfOrigins = parsePublicOriginsSetting(env.PUBLIC_ORIGINS);
  const rateLimit = parseRateLimitSetting(env.PROXY_RATE_LIMIT);
  const timeoutMs = parseTimeoutSetting(env.PROXY_TIMEOUT_S);
  return createProxyHandler({
    proxyTokens: createProxyTokens({
      secret: configured === '' ? randomProxyTokenSecret() : configured,
    }),
    upstreamFetch: platformFetch,
    isTargetAllowed: createStaticTargetPolicy(env.PROXY_ALLOWED_HOSTS),
    ...(selfOrigins ? { selfOrigins } : {}),
    ...(rateLimit !== undefined ? { rateLimit } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
}
