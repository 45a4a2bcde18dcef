import type { ServerPreset } from './preset.ts';
import { segmentOr } from './preset-values.ts';

const LOGIN = 'https://login.microsoftonline.com';

/**
 * Microsoft Entra ID, "Microsoft identity platform and the OAuth 2.0 client credentials flow"
 * (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow):
 * `POST https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token`, "First case: Access token
 * request with a shared secret": `client_secret` in the body (client_secret_post), "URL-encoded";
 * the same section says the Basic header per RFC 6749 is also supported (so form-encoded first,
 * §2.3.1). "Second case: with a certificate": a client assertion signed with the private key
 * (private_key_jwt). The scope is the resource's application ID URI followed by `/.default`.
 * Issuer and metadata: `https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration`.
 * It refuses a request carrying a browser `Origin` (AADSTS9002326): the page's proxy drops it.
 */
export const entra: ServerPreset<'entra'> = {
  id: 'entra',
  fields: [
    {
      key: 'tenant',
      label: 'Tenant',
      placeholder: 'contoso.onmicrosoft.com',
      hint: 'Directory (tenant) ID from the app registration’s Overview (a verified domain works for the token endpoint; discovery needs the ID, which its metadata names as issuer).',
    },
  ],
  tokenEndpoint: ({ tenant }) => `${LOGIN}/${segmentOr(tenant, '{tenant}')}/oauth2/v2.0/token`,
  issuer: ({ tenant }) => (tenant.trim() === '' ? null : `${LOGIN}/${segmentOr(tenant, '')}/v2.0`),
  metadataForm: 'openid',
  authMethods: ['client_secret_post', 'client_secret_basic', 'private_key_jwt'],
  encodings: ['form'],
  defaultScope: 'https://graph.microsoft.com/.default',
  scopeHint: 'One resource’s application ID URI followed by /.default, e.g. api://my-api/.default.',
  audience: 'none',
  resource: 'none',
  note: 'The scope names one resource with /.default; its application permissions need admin consent.',
};
