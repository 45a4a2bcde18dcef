import type { SignedAssertion } from './client-assertion.ts';
import type { ClientCredentials } from '../credentials.ts';
import type { ClientAuthMethod } from '../token-request.ts';

/** What the client authenticates with: the ID and secret, or for private_key_jwt an assertion. */
export interface CredentialsInput extends ClientCredentials {
  /** Absent: a secret method. */
  readonly authMethod?: ClientAuthMethod;
  readonly clientAssertion?: SignedAssertion | null;
  /** The token endpoint, which a client assertion names as its `aud`. */
  readonly tokenEndpoint?: string;
}

/**
 * What the user still has to do before the request outputs mean anything, in words ("Enter a
 * client ID and secret"), or `null` when nothing is missing.
 *
 * An empty pair still encodes (`:` is `Og==`), and RFC 7617 §2 even allows an empty password,
 * but no client credentials flow works without both: showing `Basic Og==` as a result would be
 * a fake value someone could copy. With private_key_jwt the client ID and a signed assertion are
 * needed instead (never a placeholder JWT, never one whose claims are empty). Does NOT check the values (see `checkCredentials`).
 */
export function missingCredentials(input: CredentialsInput): string | null {
  const { clientId, clientSecret } = input;
  if (input.authMethod === 'private_key_jwt') {
    const claims = missingAssertionClaims(input);
    if (claims.length > 0)
      return `Enter ${claims.join(' and ')}: nothing is signed until the assertion's claims are complete`;
    return input.clientAssertion ? null : 'Generate or paste a private key to sign the assertion';
  }
  if (clientId === '' && clientSecret === '') return 'Enter a client ID and secret';
  if (clientId === '') return 'Enter a client ID';
  if (clientSecret === '') return 'Enter a client secret';
  return null;
}

/**
 * What a client assertion still lacks before it can be signed, in words ("a client ID (the
 * assertion's iss and sub)"), empty when its claims are complete. A token endpoint that still
 * holds a `{placeholder}` is missing too: an `aud` naming it is as fake as an empty one. RFC 7523 §3 requires `iss`, `sub` and `aud`: an
 * assertion naming `"iss": ""` is one no server accepts, and a signed one would look usable.
 *
 * Does NOT check that the client ID or URL are right, only that they are there.
 */
export function missingAssertionClaims(input: {
  readonly clientId: string;
  /** Undefined where the caller does not know it: then not checked. */
  readonly tokenEndpoint?: string;
}): string[] {
  const missing: string[] = [];
  if (input.clientId.trim() === '') missing.push("a client ID (the assertion's iss and sub)");
  const endpoint = input.tokenEndpoint?.trim();
  // `https://{yourOktaDomain}/…` is the derived endpoint before a domain is entered: a placeholder.
  if (endpoint !== undefined && (endpoint === '' || /\{[^}]*\}/.test(endpoint)))
    missing.push("an Okta domain or token endpoint (the assertion's aud)");
  return missing;
}
