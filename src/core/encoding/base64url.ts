/**
 * Base64 (RFC 4648 §4) by the platform's `btoa`, for the key and assertion code: PEM bodies and,
 * below, base64url. This module imports nothing on purpose: when the lazily loaded signing code
 * shared `base64.ts` (the first screen's own encoder) the bundler moved that module into a chunk
 * of its own on the first screen (docs/decisions/211-platform-base64-for-keys.md).
 */
export function platformBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** base64url without padding (RFC 4648 §5, RFC 7515 §2): how JOSE writes bytes. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  return platformBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The JSON value a base64url segment of a JWS holds (RFC 7515 §7.1: header or payload), or
 * `undefined` when it is not base64url of UTF-8 JSON. Reads only: nothing is verified.
 */
export function base64UrlJson(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return undefined;
  try {
    const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}
