import { bytesToBase64Url } from '../encoding/base64url.ts';

/**
 * `ath` (RFC 9449 §4.2): base64url of the SHA-256 of the access token's ASCII bytes. The page signs
 * it into a proof for an API call; the demo API compares it with the token it received.
 */
export async function accessTokenHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return bytesToBase64Url(new Uint8Array(digest));
}
