import type {
  ProxyErrorBody,
  ProxyErrorCode,
  ProxyLogCode,
} from '../../src/core/proxy/proxy-protocol.ts';

// The codes, statuses and body shape are the wire protocol's (src/core/proxy-protocol.ts); they
// are re-exported so the proxy's modules keep one import for everything about their errors.
export type { ProxyErrorBody, ProxyErrorCode, ProxyLogCode };

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
