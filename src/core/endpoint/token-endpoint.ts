/**
 * The host of an Okta domain as people paste it: `https://dev-1.okta.com/`, `dev-1.okta.com`,
 * or a custom domain. Keeps the port; drops scheme, path and surrounding spaces.
 */
export function normalizeOktaDomain(domain: string): string {
  return domain
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#].*$/s, '');
}

/**
 * The token endpoint of an Okta authorization server: a custom authorization server
 * (`https://{domain}/oauth2/{authServerId}/v1/token`; `default` exists in every org), or the org
 * authorization server (`https://{domain}/oauth2/v1/token`) when the ID is empty.
 *
 * Does NOT check that the domain is an Okta domain: custom domains are any host.
 */
export function deriveOktaTokenEndpoint(domain: string, authServerId: string): string {
  const host = normalizeOktaDomain(domain) || '{yourOktaDomain}';
  const serverId = authServerId.trim();
  return serverId === ''
    ? `https://${host}/oauth2/v1/token`
    : `https://${host}/oauth2/${encodeURIComponent(serverId)}/v1/token`;
}

/**
 * Whether a token endpoint is Okta's org authorization server (`https://{domain}/oauth2/v1/token`),
 * which refuses client secrets in the client credentials flow (private_key_jwt only). The one
 * place that decides it: the endpoint checks and the error explanations both ask here.
 *
 * Looks at the path only, as the URL parser gives it (a query string, a fragment, a trailing `/`
 * or a custom domain do not change the answer). Does NOT know whether the host is Okta: any server
 * with that path is taken for it. Not a URL: false.
 */
export function isOktaOrgAuthorizationServer(endpoint: string | URL): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  return /^\/oauth2\/v1\/token\/?$/.test(url.pathname);
}
