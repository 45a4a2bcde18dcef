import type { ServerPreset } from './preset.ts';
import { baseUrlOr, segmentOr } from './preset-values.ts';

/**
 * Keycloak, "Securing applications and services with OpenID Connect", Endpoints
 * (https://www.keycloak.org/securing-apps/oidc-layers): token endpoint
 * `{base}/realms/{realm}/protocol/openid-connect/token`, metadata at
 * `/realms/{realm}/.well-known/openid-configuration`. Server Administration Guide, "Service
 * accounts" and "Confidential client credentials"
 * (https://www.keycloak.org/docs/latest/server_admin/#_service_accounts): the client must be
 * confidential with Service accounts roles enabled; it authenticates with its secret in the Basic
 * header (the default) or the body, or a signed JWT (client_secret_jwt, private_key_jwt). Keycloak
 * generates alphanumeric secrets: both Basic encodings give the same bytes. Versions before 17
 * serve under `/auth`: type it in the base URL.
 */
export const keycloak: ServerPreset<'keycloak'> = {
  id: 'keycloak',
  fields: [
    {
      key: 'baseUrl',
      label: 'Keycloak URL',
      placeholder: 'https://keycloak.example.com',
      hint: 'Add /auth for Keycloak before version 17.',
      url: true,
    },
    { key: 'realm', label: 'Realm', placeholder: 'myrealm' },
  ],
  tokenEndpoint: ({ baseUrl, realm }) =>
    `${baseUrlOr(baseUrl, 'https://{keycloak}')}/realms/${segmentOr(realm, '{realm}')}/protocol/openid-connect/token`,
  issuer: ({ baseUrl, realm }) =>
    baseUrl.trim() === '' || realm.trim() === ''
      ? null
      : `${baseUrlOr(baseUrl, '')}/realms/${segmentOr(realm, '')}`,
  metadataForm: 'openid',
  authMethods: [
    'client_secret_basic',
    'client_secret_post',
    'client_secret_jwt',
    'private_key_jwt',
  ],
  encodings: ['raw', 'form'],
  defaultScope: '',
  scopeHint: 'Optional: client scopes assigned to the client (openid adds an ID token).',
  audience: 'none',
  resource: 'none',
  note: 'The client must have Client authentication and Service accounts roles turned on.',
};
