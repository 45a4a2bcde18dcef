import {
  isProxyErrorCode,
  parseProxyErrorBody,
  PROXY_HEADERS,
  upstreamHeadersOf,
} from '../core/proxy/proxy-protocol.ts';
import type { ProxyFailureCode } from '../core/proxy/proxy-error-help.ts';
import type { HeaderList } from '../core/request/token-request.ts';
import type { Session } from './session.ts';

/** What the proxy client needs from its surroundings, injected so tests can play the server. */
export interface ProxyClientDeps {
  readonly fetch: typeof fetch;
  /**
   * The current session. `refresh: true` asks for a new one from the server: the proxy said the
   * token is not its own (the server was restarted since the page loaded). May throw.
   */
  readonly getSession: (options: { readonly refresh: boolean }) => Promise<Session>;
}

/** One call through the proxy: a token request (POST) or a discovery / JWKS fetch (GET). */
export interface ProxyCall {
  readonly method: 'GET' | 'POST';
  /** The absolute URL the proxy calls (`X-Proxy-Target`). */
  readonly target: string;
  /** Request headers for the upstream; the proxy forwards only accept, authorization, content-type, dpop. */
  readonly headers?: HeaderList;
  readonly body?: string;
}

/** The upstream's answer as the token endpoint (or discovery server) sent it. */
export interface RelayedAnswer {
  readonly status: number;
  /** Under their real names (the proxy renames `WWW-Authenticate` and `Location`). */
  readonly headers: Headers;
  readonly body: string;
  readonly elapsedMs: number;
}

export type ProxyResult =
  | { readonly kind: 'answer'; readonly answer: RelayedAnswer }
  | {
      readonly kind: 'proxy-error';
      /** 0 when no HTTP answer arrived. */
      readonly status: number;
      readonly code: ProxyFailureCode;
      readonly message: string;
    };

const UNREACHABLE: ProxyResult = {
  kind: 'proxy-error',
  status: 0,
  code: 'proxy_unreachable',
  message: "The playground's own server did not answer: is `npm start` still running?",
};

async function callOnce(
  call: ProxyCall,
  proxyToken: string,
  fetchImpl: typeof fetch,
): Promise<ProxyResult> {
  const headers = new Headers();
  for (const [name, value] of call.headers ?? []) headers.set(name, value);
  headers.set(PROXY_HEADERS.target, call.target);
  headers.set(PROXY_HEADERS.token, proxyToken);
  headers.set(PROXY_HEADERS.wantsStatusInHeader, '1');

  const started = performance.now();
  let response: Response;
  let body: string;
  try {
    response = await fetchImpl('/api/proxy', {
      method: call.method,
      headers,
      body: call.body,
      cache: 'no-store',
      credentials: 'same-origin',
    });
    body = await response.text();
  } catch {
    return UNREACHABLE;
  }
  // The proxy answers 200 and names the real status (an older server answers with it directly).
  const statusHeader = Number(response.headers.get(PROXY_HEADERS.statusInHeader));
  const status =
    Number.isInteger(statusHeader) && statusHeader > 0 ? statusHeader : response.status;
  const elapsedHeader = response.headers.get(PROXY_HEADERS.elapsedMs);
  const measured = elapsedHeader === null ? Number.NaN : Number(elapsedHeader);

  const errorHeader = response.headers.get(PROXY_HEADERS.error);
  if (errorHeader === null) {
    return {
      kind: 'answer',
      answer: {
        status,
        headers: upstreamHeadersOf(response.headers),
        body,
        elapsedMs: Number.isFinite(measured) ? measured : performance.now() - started,
      },
    };
  }
  let json: unknown = null;
  try {
    json = JSON.parse(body);
  } catch {
    // Covered below: the header alone still tells which failure it was.
  }
  const parsed = parseProxyErrorBody(json);
  if (parsed) return { kind: 'proxy-error', status, ...parsed.proxyError };
  return {
    kind: 'proxy-error',
    status,
    code: isProxyErrorCode(errorHeader) ? errorHeader : 'unexpected_answer',
    message: `The proxy refused the request (HTTP ${status}) without a readable explanation.`,
  };
}

/**
 * Calls an upstream through the playground's proxy (`/api/proxy`, target in `X-Proxy-Target`):
 * token endpoints and discovery servers send no CORS headers, and Okta refuses `/token` requests
 * that carry a browser `Origin`.
 *
 * When the proxy refuses the token (`proxy_token`: the server restarted and has a new one), fetches
 * the session again and retries once, so the user does not have to reload. The retry is safe for
 * a token request too: the proxy checks its token before it calls anything. Never throws: every
 * failure is a `proxy-error` result with a sentence for the page.
 */
export async function callProxy(call: ProxyCall, deps: ProxyClientDeps): Promise<ProxyResult> {
  let session: Session;
  try {
    session = await deps.getSession({ refresh: false });
  } catch {
    return UNREACHABLE;
  }
  const first = await callOnce(call, session.proxyToken, deps.fetch);
  if (first.kind !== 'proxy-error' || first.code !== 'proxy_token') return first;
  try {
    session = await deps.getSession({ refresh: true });
  } catch {
    return UNREACHABLE;
  }
  return callOnce(call, session.proxyToken, deps.fetch);
}
