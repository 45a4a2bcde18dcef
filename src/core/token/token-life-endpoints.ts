import { readJwt } from '../encoding/jws.ts';
import { guessIssuerFromTokenEndpoint } from '../endpoint/issuer-guess.ts';
import type { TokenLifeAction } from './introspection.ts';

/** Where a token-life request goes, and how the page knows. */
export interface TokenLifeEndpoint {
  readonly url: string;
  /**
   * `metadata`: listed by the server (RFC 8414 §2); `okta-path`: Okta's documented path beside
   * `/v1/token`; `other-origin`: listed, but on another origin than the token endpoint, so NOT to
   * be called: the client's credentials go only where the token request went.
   */
  readonly source: 'metadata' | 'okta-path' | 'other-origin';
}

export type TokenLifeEndpoints = Readonly<Record<TokenLifeAction, TokenLifeEndpoint | null>>;

/** The metadata member naming each endpoint (RFC 8414 §2, from RFC 7662 §4 and RFC 7009 §3). */
const METADATA_MEMBER: Readonly<Record<TokenLifeAction, string>> = {
  introspect: 'introspection_endpoint',
  revoke: 'revocation_endpoint',
};

/** Okta's paths, beside `/v1/token` on every authorization server (org and custom). */
const OKTA_PATH: Readonly<Record<TokenLifeAction, string>> = {
  introspect: '/v1/introspect',
  revoke: '/v1/revoke',
};

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The introspection and revocation endpoints for a token from `tokenEndpoint`: the ones the
 * server's metadata lists (marked `other-origin` when not on the token endpoint's origin: the
 * metadata is found through the token's unverified `iss`); without metadata, for a token endpoint
 * ending in Okta's `/v1/token`, Okta's paths
 * beside it. `null` where neither says: the page then says the server names no such endpoint.
 *
 * Does NOT fetch the metadata, and does NOT guess other servers' paths.
 */
export function tokenLifeEndpoints(
  tokenEndpoint: string,
  metadata: Readonly<Record<string, unknown>> | null,
): TokenLifeEndpoints {
  const endpointFor = (action: TokenLifeAction): TokenLifeEndpoint | null => {
    const listed = httpUrl(metadata?.[METADATA_MEMBER[action]]);
    const trimmed = tokenEndpoint.trim();
    if (listed !== null)
      return { url: listed, source: sameOrigin(listed, trimmed) ? 'metadata' : 'other-origin' };
    // Metadata that lists no such endpoint is the server's word: no guess over it.
    if (metadata !== null) return null;
    if (!/^https:\/\/[^/?#]+\/(?:[^?#]*\/)?v1\/token$/.test(trimmed)) return null;
    return { url: trimmed.replace(/\/v1\/token$/, OKTA_PATH[action]), source: 'okta-path' };
  };
  return { introspect: endpointFor('introspect'), revoke: endpointFor('revoke') };
}

/** base64url (RFC 4648 §5) to text, or null when it is not valid base64url UTF-8 JSON-able text. */
/**
 * The issuer whose metadata names the endpoints: the `iss` of a JWT access token (RFC 9068 §2.2,
 * read without verifying: it only chooses where to look), else the token endpoint's parent for
 * the common shapes (`{issuer}/v1/token`, `{issuer}/token`, Okta's org server). `null` when
 * neither applies.
 */
export function issuerForTokenLife(token: string, tokenEndpoint: string): string | null {
  const iss = readJwt(token)?.claims['iss'];
  if (typeof iss === 'string' && httpUrl(iss) !== null) return iss;
  return guessIssuerFromTokenEndpoint(tokenEndpoint);
}
