/**
 * Every answer the proxy makes up itself (as opposed to relaying the upstream's) is JSON of the
 * shape `{ "proxyError": { "code": "...", "message": "..." } }` with one of these codes, so the
 * page can tell "the token endpoint said no" from "the proxy could not ask it".
 *
 * The message is a sentence for a person. It never contains a credential, a request body, a
 * header value or the proxy token.
 */
export type ProxyErrorCode =
  /** 400: no `X-Proxy-Target` header. */
  | 'missing_target'
  /** 400: `X-Proxy-Target` is not an absolute http(s) URL without userinfo. */
  | 'invalid_target'
  /** 403: `X-Proxy-Token` missing or not this process's token. */
  | 'proxy_token'
  /** 403: the caller is not the playground page itself (Origin / Sec-Fetch-Site). */
  | 'cross_origin'
  /** 403: the request reached us under a host name we do not serve (DNS rebinding guard). */
  | 'unknown_host'
  /** 403: the target is refused by policy (private address, plain http, …). */
  | 'target_forbidden'
  /** 404: no such route under /api. */
  | 'not_found'
  /** 405: wrong method for the route. */
  | 'method_not_allowed'
  /** 408: the client did not finish sending its request body within the deadline. */
  | 'request_timeout'
  /** 413: the request body is larger than the proxy accepts. */
  | 'request_too_large'
  /** 415: a POST whose body is neither form-urlencoded nor JSON. */
  | 'unsupported_media_type'
  /** 429 + Retry-After: this client made more calls than the per-client rate limit allows. */
  | 'rate_limited'
  /** 502: the upstream answer is larger than the proxy relays. */
  | 'response_too_large'
  /** 502: the target host name does not resolve. */
  | 'dns'
  /** 502: nothing listens at the target address and port. */
  | 'connection_refused'
  /** 502: TLS handshake failed (certificate expired, self-signed, wrong host name, …). */
  | 'tls'
  /** 502: https was spoken to a port that does not speak TLS (a plain-http server). */
  | 'tls_protocol'
  /** 502: any other transport failure (reset, unreachable network, malformed answer). */
  | 'network'
  /**
   * 503 + Retry-After: too many upstream calls in flight at once, from all clients together (the
   * server's capacity, not this client's fault: hence 503, not 429).
   */
  | 'busy'
  /** 504: no complete answer within the time limit. */
  | 'timeout';

/** The HTTP status the proxy answers with for each code. */
export const proxyErrorStatus: Readonly<Record<ProxyErrorCode, number>> = {
  missing_target: 400,
  invalid_target: 400,
  proxy_token: 403,
  cross_origin: 403,
  unknown_host: 403,
  target_forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  request_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  response_too_large: 502,
  dns: 502,
  connection_refused: 502,
  tls: 502,
  tls_protocol: 502,
  network: 502,
  busy: 503,
  timeout: 504,
};

/**
 * What a log line may name: a proxy error, or `client_closed` (log only: the client went away
 * before its answer, so nobody receives one; it is not the upstream's failure).
 */
export type ProxyLogCode = ProxyErrorCode | 'client_closed';

/** The JSON body of every proxy-generated error. */
export interface ProxyErrorBody {
  proxyError: { code: ProxyErrorCode; message: string };
}

/** A proxy-generated failure, before it becomes a Response. */
export interface ProxyError {
  code: ProxyErrorCode;
  message: string;
}

/**
 * Thrown (by a host's connection layer) when a target turns out to be forbidden only at connect
 * time, e.g. a DNS answer that was not vetted. The handler maps it to `target_forbidden`.
 */
export class TargetForbiddenError extends Error {
  readonly code = 'PROXY_TARGET_FORBIDDEN';
  override readonly name = 'TargetForbiddenError';
}

/**
 * Builds the JSON Response for a proxy-generated error.
 * `X-Proxy-Error` repeats the code so a caller can branch without parsing the body.
 */
export function proxyErrorResponse(
  error: ProxyError,
  extraHeaders: Record<string, string> = {},
): Response {
  const body: ProxyErrorBody = { proxyError: { code: error.code, message: error.message } };
  return new Response(JSON.stringify(body), {
    status: proxyErrorStatus[error.code],
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-proxy-error': error.code,
      ...extraHeaders,
    },
  });
}
