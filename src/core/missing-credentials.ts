import type { ClientCredentials } from './credentials.ts';

/**
 * What the user still has to type before the credential outputs mean anything, in words
 * ("Enter a client ID and secret"), or `null` when both are there.
 *
 * An empty pair still encodes (`:` is `Og==`), and RFC 7617 §2 even allows an empty password,
 * but no client credentials flow works without both: showing `Basic Og==` as a result would be
 * a fake value someone could copy. Does NOT check the values (see `checkCredentials`).
 */
export function missingCredentials({ clientId, clientSecret }: ClientCredentials): string | null {
  if (clientId === '' && clientSecret === '') return 'Enter a client ID and secret';
  if (clientId === '') return 'Enter a client ID';
  if (clientSecret === '') return 'Enter a client secret';
  return null;
}
