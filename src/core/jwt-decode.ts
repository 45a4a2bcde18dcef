export interface DecodedJwt {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
}

function base64UrlToText(segment: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) throw new Error('not base64url');
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from(binary, (c) => c.charCodeAt(0)),
  );
}

function parseObject(text: string): Record<string, unknown> | null {
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/**
 * The header and claims of a JWS compact serialization (RFC 7515 §7.1, RFC 7519), or `null`
 * when the token is not one (opaque access tokens are legal: RFC 6749 §1.4).
 *
 * Does NOT verify the signature or any claim: what it returns is only what the token says.
 */
export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const header = parseObject(base64UrlToText(parts[0]!));
    const payload = parseObject(base64UrlToText(parts[1]!));
    return header && payload ? { header, payload } : null;
  } catch {
    return null;
  }
}
