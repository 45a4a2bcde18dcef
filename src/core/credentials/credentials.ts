import { utf8Base64 } from '../encoding/base64.ts';
import { formUrlEncode } from '../encoding/form-urlencode.ts';

/**
 * How the client ID and secret become the Basic `user-id:password`:
 * - `raw`: as the Okta guide does (`echo -n id:secret | base64`), the UTF-8 bytes as typed;
 * - `form`: RFC 6749 §2.3.1, each part form-urlencoded (Appendix B) BEFORE Basic encoding.
 * Identical for Okta-style credentials (`[A-Za-z0-9._-]`); servers that decode (oidc-provider,
 * Spring Authorization Server, Ory Hydra) turn a raw `+` into a space, so they differ there.
 */
export type CredentialEncoding = 'raw' | 'form';

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface BasicCredentials {
  /** The `user-id ":" password` string (RFC 7617 §2) after the chosen encoding. */
  readonly pair: string;
  /** Base64 of the UTF-8 bytes of `pair` (RFC 7617 §2.1). */
  readonly base64: string;
  /** The Authorization header value: `Basic <base64>`. */
  readonly headerValue: string;
}

/** Applies the chosen encoding to one credential part (client ID or secret). */
export function encodeCredentialPart(value: string, encoding: CredentialEncoding): string {
  return encoding === 'form' ? formUrlEncode(value) : value;
}

/**
 * Builds the RFC 7617 Basic credentials for a client (RFC 6749 §2.3.1 client_secret_basic).
 *
 * Does NOT validate: a `:` in a raw client ID or a control character produce a pair that a
 * server will misread; `checkCredentials` reports those so the UI can warn without blocking.
 */
export function encodeBasicCredentials(
  { clientId, clientSecret }: ClientCredentials,
  encoding: CredentialEncoding,
): BasicCredentials {
  const pair = `${encodeCredentialPart(clientId, encoding)}:${encodeCredentialPart(clientSecret, encoding)}`;
  const base64 = utf8Base64(pair);
  return { pair, base64, headerValue: `Basic ${base64}` };
}

/**
 * The `user-id:password` pair with every character of the password replaced by `•`, as a
 * password field shows it: one bullet per code point, so the length stays visible.
 */
export function maskPairSecret(pair: string): string {
  const colon = pair.indexOf(':');
  return pair.slice(0, colon + 1) + '•'.repeat([...pair.slice(colon + 1)].length);
}
