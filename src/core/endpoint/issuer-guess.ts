/**
 * The issuer a token endpoint most likely belongs to, to suggest one for discovery and for
 * checking `iss`: Okta's `…/v1/token` and oidc-provider's `…/token` both sit right under their
 * issuer. `null` when the URL does not end that way (the user types the issuer instead).
 */
export function guessIssuerFromTokenEndpoint(tokenEndpoint: string): string | null {
  let url: URL;
  try {
    url = new URL(tokenEndpoint.trim());
  } catch {
    return null;
  }
  if (url.search !== '' || url.hash !== '') return null;
  // Okta's org authorization server: issuer https://{domain}, token endpoint /oauth2/v1/token.
  if (url.pathname === '/oauth2/v1/token') return url.origin;
  const issuerPath = url.pathname.replace(/(?:\/v1)?\/token$/, '');
  if (issuerPath === url.pathname) return null;
  return `${url.origin}${issuerPath}`;
}
