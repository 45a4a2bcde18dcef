import type { ServerPresetId } from './server-choice.ts';

/** The authorization servers whose own error codes and texts the page explains. */
export type Vendor = 'okta' | 'auth0' | 'entra' | 'keycloak' | 'cognito';

/**
 * The vendor each choice names. Okta's custom server is the page's default, kept by readers of any
 * server who only edit the endpoint: it names no vendor (the host does), nor its org server.
 */
const PRESET_VENDOR: Readonly<Record<ServerPresetId, Vendor | null>> = {
  okta: null,
  'okta-org': null,
  auth0: 'auth0',
  entra: 'entra',
  keycloak: 'keycloak',
  cognito: 'cognito',
  generic: null,
};

/** Entra's sign-in hosts (global and national clouds). */
const ENTRA_HOSTS =
  /^login\.(microsoftonline\.(com|us)|partner\.microsoftonline\.cn|windows\.net)$/;

/**
 * Which vendor a token endpoint belongs to: the `Server` the reader chose (when it is a vendor's
 * own and the endpoint still follows it: the caller passes no preset otherwise), else its host
 * (`login.microsoftonline.com`, `*.auth0.com`, `*.amazoncognito.com`, `*.okta.com`) or Keycloak's
 * `/realms/{realm}/protocol/openid-connect/token` path. `null` when neither says (a custom domain
 * with `Any OAuth 2.0 server`).
 *
 * Does NOT ask the server: a custom domain is recognized only through the preset.
 */
export function vendorOf(endpoint: string, preset?: ServerPresetId): Vendor | null {
  const chosen = preset === undefined ? null : PRESET_VENDOR[preset];
  if (chosen !== null) return chosen;
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (ENTRA_HOSTS.test(host)) return 'entra';
  if (/(^|\.)auth0\.com$/.test(host)) return 'auth0';
  if (/\.amazoncognito\.com$/.test(host)) return 'cognito';
  if (/\.(okta|oktapreview|okta-emea)\.com$/.test(host)) return 'okta';
  if (/\/realms\/[^/]+\/protocol\/openid-connect\/token\/?$/.test(url.pathname)) return 'keycloak';
  return null;
}
