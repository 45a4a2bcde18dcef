import { bytesToBase64 } from './base64.ts';

/** base64url without padding (RFC 4648 §5, RFC 7515 §2): how JOSE writes bytes. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
