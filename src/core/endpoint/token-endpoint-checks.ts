// The checks of a token endpoint, apart from token-endpoint.ts: the first screen derives the
// endpoint but has nothing to check until a domain or an endpoint is entered, so these load then
// (src/features/endpoint/EndpointSection.tsx).
import { CLIENT_AUTH } from '../client-auth/methods.ts';
import type { CheckSeverity } from '../credentials/credential-checks.ts';
import { isOktaOrgAuthorizationServer } from './token-endpoint.ts';

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
      message: `This is Okta's org authorization server (/oauth2/v1/token): it refuses client secrets in the client credentials flow (private_key_jwt only). Choose Client authentication "${CLIENT_AUTH.private_key_jwt.words.label}", or use a custom authorization server such as "default": /oauth2/default/v1/token.`,
    });
  }
  return checks;
}
