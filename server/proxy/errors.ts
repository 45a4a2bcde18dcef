import {
  PROXY_ERROR_CODES,
  PROXY_HEADERS,
  type ProxyErrorBody,
  type ProxyErrorCode,
} from '../../src/core/proxy-protocol.ts';

// The codes, statuses and body shape are the wire protocol's (src/core/proxy-protocol.ts); they
// are re-exported so the proxy's modules keep one import for everything about their errors.
export type { ProxyErrorBody, ProxyErrorCode };

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
    status: PROXY_ERROR_CODES[error.code].status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      [PROXY_HEADERS.error]: error.code,
      ...extraHeaders,
    },
  });
}
