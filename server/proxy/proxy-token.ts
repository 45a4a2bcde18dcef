import { bytesToBase64 } from '../../src/core/base64.ts';

/**
 * A fresh per-process proxy token: 256 random bits from Web Crypto, base64url without padding
 * (RFC 4648 §5), so every host (Node, Vite, a fetch-handler runtime) draws it the same way.
 */
export function createProxyToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
