import type { ServerPreset } from './preset.ts';
import { hostOr } from './preset-values.ts';

/**
 * Auth0, "Call Your API Using the Client Credentials Flow"
 * (https://auth0.com/docs/get-started/authentication-and-authorization-flow/client-credentials-flow/call-your-api-using-the-client-credentials-flow):
 * `POST https://{yourDomain}/oauth/token` with `audience` (the API identifier), required: a
 * machine-to-machine token is always for one API. Issuer `https://{yourDomain}/`, metadata at
 * `/.well-known/openid-configuration`. Client authentication ("Application credentials",
 * https://auth0.com/docs/get-started/applications/application-credentials): client_secret_post
 * (the documented request and Auth0's default), client_secret_basic, private_key_jwt.
 */
export const auth0: ServerPreset<'auth0'> = {
  id: 'auth0',
  fields: [
    {
      key: 'domain',
      label: 'Auth0 domain',
      placeholder: 'dev-abc123.us.auth0.com',
      hint: "The application's Domain (Settings tab), or your custom domain.",
      url: true,
    },
  ],
  tokenEndpoint: ({ domain }) => `https://${hostOr(domain, '{yourDomain}')}/oauth/token`,
  issuer: ({ domain }) => {
    const host = hostOr(domain, '');
    return host === '' ? null : `https://${host}/`;
  },
  metadataForm: 'openid',
  authMethods: ['client_secret_post', 'client_secret_basic', 'private_key_jwt'],
  encodings: ['raw', 'form'],
  defaultScope: '',
  scopeHint: "Optional: the API's permissions to ask for; without one, all that were granted.",
  audience: 'required',
  resource: 'none',
  note: 'Auth0 issues a token for one API: the Audience is that API’s identifier.',
};
