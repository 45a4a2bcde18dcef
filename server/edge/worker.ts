import { pageForQuery } from '../web/prerendered-views.ts';
import { AllowedHostsError } from '../proxy/allowed-hosts.ts';
import { proxyErrorResult } from '../proxy/exchange.ts';
import { createFetchHandler, type FetchHandlerEnv } from '../proxy/fetch-handler.ts';
import {
  parseBehindCloudflareSetting,
  parsePublicOriginsSetting,
  SettingError,
} from '../proxy/settings.ts';
import { toWebResponse } from '../proxy/handler.ts';
import { cacheControlFor } from '../static/asset-policy.ts';
import { hostsOfOrigins, isOwnHost, unknownHostError } from '../proxy/own-host.ts';
import {
  FrameAncestorsError,
  htmlSecurityHeaders,
  inlineStyleHashes,
  parseFrameAncestors,
} from '../web/security-headers.ts';

/** The static-assets binding of Workers (`assets.binding` in wrangler.jsonc): serves `dist/`. */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/** The worker's environment: the proxy's variables, the token secret, and the build's files. */
export interface EdgeEnv extends FetchHandlerEnv {
  ASSETS: AssetsBinding;
  /** Sites allowed to embed the page, same grammar as on Node (security-headers.ts). */
  FRAME_ANCESTORS?: string;
  /**
   * `true` only where Cloudflare's edge is in front (wrangler.jsonc sets it): then the
   * `CF-Connecting-IP` header is Cloudflare's own and names the client. Anywhere else (the local
   * workerd of `npm run start:edge`) a client writes that header itself, so it is ignored.
   */
  BEHIND_CLOUDFLARE?: string;
}

const PLAIN_TEXT = {
  'content-type': 'text/plain; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
} as const;

/**
 * The page's files with the Node host's header choices (server/node/static-files.ts): security
 * headers on HTML, `nosniff` on everything, `/assets/*` immutable, everything else revalidated.
 * Only GET and HEAD; an unknown path is a plain 404 (no SPA fallback: the app's state is in the
 * query string). Compression is the platform's: Cloudflare compresses by `Accept-Encoding` itself.
 */
async function serveStatic(
  request: Request,
  assets: AssetsBinding,
  frameAncestors: readonly string[],
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed\n', {
      status: 405,
      headers: { ...PLAIN_TEXT, allow: 'GET, HEAD' },
    });
  }
  // The assets run with `html_handling: "none"` (no redirects from `/x.html` to `/x`, as on Node),
  // so the one directory index, `/`, is mapped here: to the page prerendered for the link's view
  // when there is one (prerendered-views.ts), else `index.html`.
  const url = new URL(request.url);
  const target =
    url.pathname === '/'
      ? new Request(new URL(`/${pageForQuery(url.search)}`, url), request)
      : request;
  const found = await assets.fetch(target);
  if (found.status === 404) {
    return new Response('Not found\n', { status: 404, headers: PLAIN_TEXT });
  }
  const isHtml = (found.headers.get('content-type') ?? '').startsWith('text/html');
  // A page's header lists the hashes of its own inline styles, so its text is read (a HEAD
  // answer has none: the page is fetched for them).
  const html = isHtml
    ? await (request.method === 'HEAD' ? await assets.fetch(new Request(target.url)) : found).text()
    : undefined;
  const response = new Response(
    html === undefined || request.method === 'HEAD' ? found.body : html,
    found,
  );
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('cache-control', cacheControlFor(url.pathname));
  if (html !== undefined) {
    const styleHashes = await inlineStyleHashes(html);
    for (const [name, value] of Object.entries(
      htmlSecurityHeaders({ frameAncestors, styleHashes }),
    ))
      response.headers.set(name, value);
  }
  return response;
}

/**
 * The sites that may embed the page in one environment. A bad FRAME_ANCESTORS cannot stop a
 * worker the way it stops `npm start`, so it fails closed: no framing at all, and one log line
 * saying why.
 */
const frameAncestorsByEnv = new WeakMap<EdgeEnv, readonly string[]>();

function frameAncestorsFor(env: EdgeEnv): readonly string[] {
  const known = frameAncestorsByEnv.get(env);
  if (known) return known;
  let frameAncestors: string[];
  try {
    frameAncestors = parseFrameAncestors(env.FRAME_ANCESTORS);
  } catch (error) {
    if (!(error instanceof FrameAncestorsError)) throw error;
    console.error(
      `FRAME_ANCESTORS: ${error.message}; no site may embed the page until it is fixed.`,
    );
    frameAncestors = ["'none'"];
  }
  frameAncestorsByEnv.set(env, frameAncestors);
  return frameAncestors;
}

/** The Host rule of one environment: its hosts, or none when PUBLIC_ORIGINS is not set. */
type HostRule = { hosts: ReadonlySet<string>; primary: string } | undefined;

/** What the worker makes of one environment, once per isolate (the HMAC key is imported once). */
interface Configured {
  hostRule: HostRule;
  /** The proxy, or the sentence that says why it cannot run (the page is still served). */
  api: ((request: Request) => Promise<Response>) | string;
}

/**
 * Who is calling, for the per-client rate limit, where nothing better is known: the local
 * workerd reports no client address a client could not forge (a `CF-Connecting-IP` it sends
 * itself is kept), so every caller shares one budget there, and a header cannot buy more.
 */
const SHARED_CLIENT = 'every caller of this isolate';

/**
 * The proxy of one environment, or the sentence that says why it cannot run. Throws what is not
 * a configuration error.
 */
function configureApi(env: EdgeEnv): Configured['api'] {
  if (!env.PROXY_TOKEN_SECRET) {
    // Without a shared secret each isolate would sign with its own, and a page whose session came
    // from one isolate would be refused by the next: refuse clearly instead of intermittently.
    return 'The proxy is not configured: set the secret PROXY_TOKEN_SECRET (`wrangler secret put PROXY_TOKEN_SECRET`, at least 32 random characters).';
  }
  try {
    const trustConnectingIp = parseBehindCloudflareSetting(env.BEHIND_CLOUDFLARE);
    const handler = createFetchHandler(env);
    // Behind Cloudflare, `CF-Connecting-IP` is Cloudflare's own: it overwrites what a client sent.
    return (request) =>
      handler(
        request,
        (trustConnectingIp && request.headers.get('cf-connecting-ip')) || SHARED_CLIENT,
      );
  } catch (error) {
    if (!(error instanceof AllowedHostsError || error instanceof SettingError)) throw error;
    return `The proxy is not configured: ${error.message}`;
  }
}

/** Each environment's configuration, or the sentence that says why the page cannot be served. */
const configured = new WeakMap<EdgeEnv, Configured | string>();

function configurationOf(env: EdgeEnv): Configured | string {
  const known = configured.get(env);
  if (known !== undefined) return known;
  let made: Configured | string;
  try {
    // A bad PUBLIC_ORIGINS leaves no Host rule to apply: nothing is served until it is fixed.
    const origins = parsePublicOriginsSetting(env.PUBLIC_ORIGINS);
    made = {
      hostRule: origins && { hosts: hostsOfOrigins(origins), primary: origins[0] ?? '' },
      api: configureApi(env),
    };
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    made = `The playground is not configured: ${error.message}`;
  }
  const problem = typeof made === 'string' ? made : made.api;
  if (typeof problem === 'string') console.error(problem); // once per isolate, not per request
  configured.set(env, made);
  return made;
}

/**
 * The playground on a Workers runtime (workerd, Cloudflare): `/api/*` is the same proxy handler
 * as on Node (server/proxy) with the platform's `fetch`, and `/api/session` says there is no demo
 * server (it needs Node); everything else is the production build from the assets binding. With
 * PUBLIC_ORIGINS, every route answers only under those hosts, with the Node host's refusal
 * (server/proxy/own-host.ts).
 *
 * The per-client rate limit counts per isolate only: a global limit is the platform's
 * rate-limiting rules' job.
 */
export default {
  async fetch(request: Request, env: EdgeEnv): Promise<Response> {
    const config = configurationOf(env);
    if (typeof config === 'string') return plainText(500, config);
    if (config.hostRule && !isOwnHost(request.headers.get('host'), config.hostRule.hosts))
      return toWebResponse(proxyErrorResult(unknownHostError(config.hostRule.primary)));
    let pathname: string;
    try {
      ({ pathname } = new URL(request.url));
    } catch {
      // The runtime builds the URL from the Host header; one it cannot parse is the client's error.
      return plainText(400, 'The Host header is not a valid host name.');
    }
    if (pathname !== '/api' && !pathname.startsWith('/api/'))
      return serveStatic(request, env.ASSETS, frameAncestorsFor(env));
    return typeof config.api === 'string' ? plainText(500, config.api) : config.api(request);
  },
};

function plainText(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: PLAIN_TEXT });
}
