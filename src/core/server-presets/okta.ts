import { deriveOktaTokenEndpoint, normalizeOktaDomain } from '../endpoint/token-endpoint.ts';
import type { ServerPreset } from './preset.ts';

/**
 * Okta's custom authorization server, as the Okta guide "Use the Client Credentials flow" uses it
 * (https://developer.okta.com/docs/guides/implement-grant-type/clientcreds/main/):
 * `https://{domain}/oauth2/{authServerId}/v1/token`, issuer `https://{domain}/oauth2/{id}`,
 * metadata appended after the issuer's path (…/.well-known/oauth-authorization-server).
 * Client authentication, "Client authentication methods"
 * (https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/): client_secret_basic,
 * client_secret_post, client_secret_jwt and private_key_jwt. Okta reads Basic credentials raw; its
 * generated IDs and secrets are `[A-Za-z0-9._-]`, identical in both encodings.
 */
export const okta: ServerPreset<'okta'> = {
  id: 'okta',
  fields: [
    { key: 'domain', label: 'Okta domain', placeholder: 'dev-123456.okta.com', url: true },
    { key: 'authServerId', label: 'Authorization server ID', placeholder: 'default' },
  ],
  tokenEndpoint: ({ domain, authServerId }) => deriveOktaTokenEndpoint(domain, authServerId),
  issuer: ({ domain, authServerId }) => {
    const host = normalizeOktaDomain(domain);
    if (host === '') return null;
    const id = authServerId.trim();
    return id === '' ? `https://${host}` : `https://${host}/oauth2/${encodeURIComponent(id)}`;
  },
  metadataForm: 'okta',
  authMethods: [
    'client_secret_basic',
    'client_secret_post',
    'client_secret_jwt',
    'private_key_jwt',
  ],
  encodings: ['raw', 'form'],
  defaultScope: 'customScope',
  audience: 'none',
  resource: 'none',
  note: 'A custom authorization server (default exists in every org): name at least one custom scope.',
};
