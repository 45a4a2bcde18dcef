import type { ServerPreset } from './preset.ts';
import { hostOr } from './preset-values.ts';

/**
 * Amazon Cognito user pools, "The token issuer endpoint"
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html):
 * `POST https://{user pool domain}/oauth2/token`; an app client with a secret sends it in the
 * Basic header (`Base64Encode(client_id:client_secret)`) or as client_id and client_secret in the
 * body; client_credentials needs an app client with a secret and custom scopes of a resource
 * server ("Scopes, M2M, and APIs with resource servers",
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html).
 * The issuer is not on the domain: `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`, with
 * its metadata at `/.well-known/openid-configuration`; the region begins the pool ID.
 * Its generated secrets are lower-case letters and digits: both Basic encodings agree.
 */
export const cognito: ServerPreset<'cognito'> = {
  id: 'cognito',
  fields: [
    {
      key: 'domain',
      label: 'Cognito domain',
      placeholder: 'my-prefix.auth.us-east-1.amazoncognito.com',
      hint: 'The user pool’s domain (App integration, Domain), or its custom domain.',
      url: true,
    },
    {
      key: 'userPoolId',
      label: 'User pool ID',
      placeholder: 'us-east-1_AbCdEf123',
      hint: 'Optional: for discovery and the issuer.',
    },
  ],
  tokenEndpoint: ({ domain }) =>
    `https://${hostOr(domain, '{yourDomain}.auth.{region}.amazoncognito.com')}/oauth2/token`,
  issuer: ({ userPoolId }) => {
    const poolId = userPoolId.trim();
    const region = /^([a-z]{2}(?:-[a-z]+)+-\d+)_[A-Za-z0-9]+$/.exec(poolId)?.[1];
    return region === undefined ? null : `https://cognito-idp.${region}.amazonaws.com/${poolId}`;
  },
  metadataForm: 'openid',
  authMethods: ['client_secret_basic', 'client_secret_post'],
  encodings: ['raw', 'form'],
  defaultScope: '',
  scopeHint: 'Custom scopes as resource-server-identifier/scope-name; empty asks for all allowed.',
  audience: 'none',
  resource: 'none',
  note: 'The app client needs a client secret, the client credentials grant and custom scopes.',
};
