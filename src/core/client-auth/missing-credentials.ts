import type { CredentialsInput } from './method.ts';

// What each method lacks is said by its definition (methods.ts: `missingCredentials`), from the
// parts here, so two methods that need the same thing say it in the same words.

/**
 * What a method that sends or signs with the client secret lacks, in words ("Enter a client ID and
 * secret"), or `null`.
 *
 * An empty pair still encodes (`:` is `Og==`), and RFC 7617 §2 even allows an empty password, but
 * no client credentials flow works without both: showing `Basic Og==` as a result would be a fake
 * value someone could copy. Does NOT check the values (see `checkCredentials`).
 */
export function missingSecretCredentials(input: CredentialsInput): string | null {
  const { clientId, clientSecret } = input;
  if (clientId === '' && clientSecret === '') return 'Enter a client ID and secret';
  if (clientId === '') return 'Enter a client ID';
  if (clientSecret === '') return 'Enter a client secret';
  return null;
}

/**
 * What a method that signs a client assertion lacks: its claims' values first (never a signed
 * `"iss": ""`), then the credential it signs with (`noCredential`, when the method's own check says
 * so), then the assertion itself (`unsigned`, while none is signed for these values).
 */
export function missingSignedAssertion(
  input: CredentialsInput,
  noCredential: string | null,
  unsigned: string,
): string | null {
  const claims = missingAssertionClaims(input);
  if (claims.length > 0)
    return `Enter ${claims.join(' and ')}: nothing is signed until the assertion's claims are complete`;
  if (noCredential !== null) return noCredential;
  return input.clientAssertion ? null : unsigned;
}

/**
 * What a client assertion still lacks before it can be signed, in words ("a client ID (the
 * assertion's iss and sub)"), empty when its claims are complete. A token endpoint that still
 * holds a `{placeholder}` is missing too: an `aud` naming it is as fake as an empty one. RFC 7523
 * §3 requires `iss`, `sub` and `aud`: an assertion naming `"iss": ""` is one no server accepts, and
 * a signed one would look usable.
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
