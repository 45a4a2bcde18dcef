import type { FormState } from '../core/request/request-form.ts';
import { normalizeOktaDomain } from '../core/endpoint/token-endpoint.ts';
import type { ServerPreset } from '../core/server-presets/preset.ts';
import { guessIssuerFromTokenEndpoint } from '../core/endpoint/issuer-guess.ts';

/**
 * The issuer of an Okta authorization server: a custom one (`https://{domain}/oauth2/{id}`), or
 * the org authorization server (`https://{domain}`) when the ID is empty. `null` before a domain
 * is typed: there is nothing to discover yet.
 */
export function oktaIssuer(domain: string, authServerId: string): string | null {
  const host = normalizeOktaDomain(domain);
  if (host === '') return null;
  const serverId = authServerId.trim();
  return serverId === ''
    ? `https://${host}`
    : `https://${host}/oauth2/${encodeURIComponent(serverId)}`;
}

/**
 * The issuer the form points at, to suggest for discovery and as the expected `iss`: while the
 * endpoint follows the fields, the chosen server's issuer for them (Okta's from the domain and
 * server ID; another's from its preset, once loaded), else a guess from the endpoint (empty when
 * there is none).
 */
export function suggestIssuer(form: FormState, preset: ServerPreset | null = null): string {
  if (form.tokenEndpointOverride !== null)
    return guessIssuerFromTokenEndpoint(form.tokenEndpointOverride.url) ?? '';
  if (form.server === 'okta') return oktaIssuer(form.domain, form.authServerId) ?? '';
  return (preset?.id === form.server ? preset.issuer(form) : null) ?? '';
}
