import { AllowedHostsError } from '../proxy/allowed-hosts.ts';
import {
  createFetchHandler,
  FetchHandlerEnvError,
  type FetchHandlerEnv,
} from '../proxy/fetch-handler.ts';
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
}

/** Hashed build output: the name changes with the content, so it may be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

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
  // so the one directory index, `/`, is mapped here.
  const url = new URL(request.url);
  const target = url.pathname === '/' ? new Request(new URL('/index.html', url), request) : request;
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
  response.headers.set(
    'cache-control',
    url.pathname.startsWith('/assets/') ? IMMUTABLE : 'no-cache',
  );
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

type ApiHandler = (request: Request, clientId?: string) => Promise<Response>;

/**
 * The proxy for one environment, or the sentence that says what is wrong with it. Built once per
 * isolate (the platform hands every request the same `env`), so the HMAC key is imported once.
 */
const apiHandlers = new WeakMap<EdgeEnv, ApiHandler | string>();

function apiHandlerFor(env: EdgeEnv): ApiHandler | string {
  const known = apiHandlers.get(env);
  if (known !== undefined) return known;
  let made: ApiHandler | string;
  if (!env.PROXY_TOKEN_SECRET) {
    // Without a shared secret each isolate would sign with its own, and a page whose session came
    // from one isolate would be refused by the next: refuse clearly instead of intermittently.
    made =
      'The proxy is not configured: set the secret PROXY_TOKEN_SECRET (`wrangler secret put PROXY_TOKEN_SECRET`, at least 32 random characters).';
  } else {
    try {
      made = createFetchHandler(env);
    } catch (error) {
      if (!(error instanceof AllowedHostsError || error instanceof FetchHandlerEnvError))
        throw error;
      made = `The proxy is not configured: ${error.message}`;
    }
  }
  if (typeof made === 'string') console.error(made); // once per isolate, not per request
  apiHandlers.set(env, made);
  return made;
}

/**
 * The playground on a Workers runtime (workerd, Cloudflare): `/api/*` is the same proxy handler
 * as on Node (server/proxy) with the platform's `fetch`, and `/api/session` says there is no demo
 * server (it needs Node); everything else is the production build from the assets binding.
 *
 * The per-client rate limit counts per isolate only (keyed by `CF-Connecting-IP`, which
 * Cloudflare sets and a client cannot override there): a global limit is the platform's
 * rate-limiting rules' job.
 */
export default {
  async fetch(request: Request, env: EdgeEnv): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname !== '/api' && !pathname.startsWith('/api/'))
      return serveStatic(request, env.ASSETS, frameAncestorsFor(env));
    const api = apiHandlerFor(env);
    if (typeof api === 'string') {
      return new Response(`${api}\n`, { status: 500, headers: PLAIN_TEXT });
    }
    return api(request, request.headers.get('cf-connecting-ip') ?? undefined);
  },
};
