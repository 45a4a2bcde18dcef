import type { CheckSeverity } from './credential-checks.ts';

export interface EndpointCheck {
  readonly code:
    | 'empty'
    | 'invalid-url'
    | 'not-https'
    | 'placeholder-domain'
    | 'admin-domain'
    | 'org-authorization-server'
    | 'has-credentials'
    | 'has-fragment';
  readonly severity: CheckSeverity;
  readonly message: string;
}

const PLACEHOLDER = /\$?\{?\s*yourOktaDomain\s*\}?/i;

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
 * `hostname` as the WHATWG URL parser gives it: IPv4 always in dotted-decimal (`127.1` becomes
 * `127.0.0.1`), IPv6 in brackets. Only an IPv4 address in 127.0.0.0/8 is loopback: a DNS name
 * such as `127.example.com` is not, whatever it starts with.
 */
function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
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

/**
 * What is wrong or risky about a token endpoint: not a URL, not https (RFC 6749 §3.2 requires
 * TLS), the guide's `{yourOktaDomain}` left in, an Okta `-admin` domain, or Okta's org
 * authorization server, which refuses client secrets in this flow (private_key_jwt only).
 */
export function checkTokenEndpoint(endpoint: string): EndpointCheck[] {
  const value = endpoint.trim();
  if (value === '')
    return [{ code: 'empty', severity: 'info', message: 'Token endpoint is empty.' }];
  if (PLACEHOLDER.test(value)) {
    return [
      {
        code: 'placeholder-domain',
        severity: 'error',
        message:
          "The token endpoint still contains the guide's placeholder {yourOktaDomain}: enter your Okta domain, e.g. dev-123456.okta.com.",
      },
    ];
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [
      {
        code: 'invalid-url',
        severity: 'error',
        message:
          'Token endpoint is not an absolute URL (it should look like https://example.okta.com/oauth2/default/v1/token).',
      },
    ];
  }
  const checks: EndpointCheck[] = [];
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return [
      {
        code: 'invalid-url',
        severity: 'error',
        message: `Token endpoint must be an https URL, not ${url.protocol}.`,
      },
    ];
  }
  if (url.protocol === 'http:') {
    checks.push(
      isLoopbackHost(url.hostname)
        ? {
            code: 'not-https',
            severity: 'info',
            message:
              'Plain http on this machine (loopback): fine for a local server, never for a real one.',
          }
        : {
            code: 'not-https',
            severity: 'error',
            message:
              'Token endpoint is not https: RFC 6749 §3.2 requires TLS, and the client secret would travel in clear text.',
          },
    );
  }
  if (
    url.username ||
    url.password ||
    ['client_secret', 'secret'].some((name) => url.searchParams.has(name))
  ) {
    checks.push({
      code: 'has-credentials',
      severity: 'error',
      message:
        'Token endpoint carries credentials (user:password@ or a client_secret parameter): put them in the Client ID and Client secret fields, never in a URL, which ends up in logs and shared links.',
    });
  }
  // `url.hash` is '' for an empty fragment (`…/token#`), which is still a fragment component
  // (RFC 3986 §3.5); after a successful parse, any `#` starts the fragment.
  if (url.hash || value.includes('#')) {
    checks.push({
      code: 'has-fragment',
      severity: 'warning',
      message: 'Token endpoint has a #fragment; RFC 6749 §3.2 forbids one.',
    });
  }
  // Okta's Admin Console lives on `{org}-admin.okta.com` (and the preview, EMEA and gov clouds);
  // a custom domain such as sso-admin.example.com is not one.
  if (/-admin\.(okta|oktapreview|okta-emea|okta-gov)\.com$/i.test(url.hostname)) {
    checks.push({
      code: 'admin-domain',
      severity: 'error',
      message: `${url.hostname} is the Admin Console domain; the token endpoint lives on your Okta domain without "-admin" (${url.hostname.replace(/-admin\./i, '.')}).`,
    });
  }
  if (isOktaOrgAuthorizationServer(url)) {
    checks.push({
      code: 'org-authorization-server',
      severity: 'warning',
      message:
        'This is Okta\'s org authorization server (/oauth2/v1/token): it refuses client secrets in the client credentials flow (private_key_jwt only). Choose Client authentication "Private key JWT (private_key_jwt)", or use a custom authorization server such as "default": /oauth2/default/v1/token.',
    });
  }
  return checks;
}
