import { ENCODING_WORDS } from './choice-labels.ts';
import { CLIENT_AUTH } from './methods.ts';
import type { CredentialEncoding } from '../credentials/credentials.ts';
import { buildTokenRequest, type TokenRequest } from '../request/token-request.ts';
import type { ClientAuthMethod } from './method.ts';

/**
 * The three ways a client secret can travel (RFC 6749 §2.3.1), as servers tell them apart: the
 * Basic header with the raw UTF-8 bytes (what the Okta guide does), the Basic header with each
 * part form-encoded first (what §2.3.1 says), or the request body (client_secret_post).
 */
export type AuthWay = 'basic-raw' | 'basic-form' | 'post';

export const AUTH_WAYS: readonly AuthWay[] = ['basic-raw', 'basic-form', 'post'];

/** How the page names each way: the words of the Client authentication and Credential encoding choices. */
export const AUTH_WAY_LABEL: Record<AuthWay, string> = {
  'basic-raw': `Basic header, ${ENCODING_WORDS.raw.label}`,
  'basic-form': `Basic header, ${ENCODING_WORDS.form.label}`,
  post: CLIENT_AUTH.client_secret_post.words.label,
};

/** The form settings that send a way. client_secret_post keeps `encoding`: it changes nothing then. */
export function settingsOfWay(
  way: AuthWay,
  encoding: CredentialEncoding,
): { readonly authMethod: ClientAuthMethod; readonly encoding: CredentialEncoding } {
  switch (way) {
    case 'basic-raw':
      return { authMethod: 'client_secret_basic', encoding: 'raw' };
    case 'basic-form':
      return { authMethod: 'client_secret_basic', encoding: 'form' };
    case 'post':
      return { authMethod: 'client_secret_post', encoding };
  }
}

/**
 * The way a request sends its secret, or `null` for the methods that sign an assertion: a client
 * registered with a key has no secret, and one registered for client_secret_jwt (RFC 7591 §2
 * `token_endpoint_auth_method`) is refused when it sends its secret itself, so no secret way is
 * another way of sending the same credentials.
 */
export function wayOf(request: TokenRequest): AuthWay | null {
  const { clientAuthentication } = request;
  switch (clientAuthentication.method) {
    case 'client_secret_basic':
      return clientAuthentication.encoding === 'raw' ? 'basic-raw' : 'basic-form';
    case 'client_secret_post':
      return 'post';
    case 'client_secret_jwt':
    case 'private_key_jwt':
      return null;
  }
}

/** The same request (endpoint, credentials, scope) sent another way. */
export function requestForWay(request: TokenRequest, way: AuthWay): TokenRequest {
  return buildTokenRequest({ ...request.input, ...settingsOfWay(way, request.input.encoding) });
}

/**
 * Whether two ways put the same bytes on the wire for these credentials: the two Basic encodings
 * do when form-encoding changes nothing (Okta-style `[A-Za-z0-9._-]` credentials).
 */
export function sameOnTheWire(request: TokenRequest, a: AuthWay, b: AuthWay): boolean {
  if (a === b) return true;
  const basic = new Set<AuthWay>(['basic-raw', 'basic-form']);
  return (
    basic.has(a) &&
    basic.has(b) &&
    request.basicByEncoding.raw.pair === request.basicByEncoding.form.pair
  );
}
