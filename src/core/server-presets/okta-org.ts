import { deriveOktaTokenEndpoint, normalizeOktaDomain } from '../endpoint/token-endpoint.ts';
import type { ServerPreset } from './preset.ts';

/**
 * Okta's org authorization server, for Okta's own APIs ("Implement OAuth for Okta with a service
 * app", https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/):
 * `https://{domain}/oauth2/v1/token`, issuer `https://{domain}`. For the client credentials flow
 * it accepts only a JWT signed with the client's private key (private_key_jwt, "Create and sign
 * the JWT"), never a client secret, and only `okta.*` scopes granted to the service app.
 */
export const oktaOrg: ServerPreset<'okta-org'> = {
  id: 'okta-org',
  fields: [{ key: 'domain', label: 'Okta domain', placeholder: 'dev-123456.okta.com', url: true }],
  tokenEndpoint: ({ domain }) => deriveOktaTokenEndpoint(domain, ''),
  issuer: ({ domain }) => {
    const host = normalizeOktaDomain(domain);
    return host === '' ? null : `https://${host}`;
  },
  metadataForm: 'rfc8414',
  authMethods: ['private_key_jwt'],
  encodings: ['raw', 'form'],
  defaultScope: 'okta.users.read',
  scopeHint: 'Okta API scopes (okta.…) granted to the service app.',
  audience: 'none',
  resource: 'none',
  note: "For Okta's own APIs: a service app with a public key, private_key_jwt only (no client secret).",
};
