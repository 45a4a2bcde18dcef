/**
 * The authorization servers the `Server` choice offers, by their `server=` URL value (README,
 * Contracts), in the order the choice lists them: Okta's custom authorization server first, the
 * default, as the Okta guide uses it.
 */
export type ServerPresetId =
  'okta' | 'okta-org' | 'auth0' | 'entra' | 'keycloak' | 'cognito' | 'generic';

/**
 * Each option's words, the choice's accessible option names. Only these travel with the first
 * screen; everything else about a server (presets.ts) loads when another one is chosen.
 */
export const SERVER_CHOICE: Readonly<Record<ServerPresetId, string>> = {
  okta: 'Okta (custom authorization server)',
  'okta-org': 'Okta (org authorization server)',
  auth0: 'Auth0',
  entra: 'Microsoft Entra ID',
  keycloak: 'Keycloak',
  cognito: 'Amazon Cognito',
  generic: 'Any OAuth 2.0 server',
};

export const DEFAULT_SERVER: ServerPresetId = 'okta';

export function isServerPresetId(value: string): value is ServerPresetId {
  return Object.hasOwn(SERVER_CHOICE, value);
}
