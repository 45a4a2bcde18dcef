import { describe, expect, it } from 'vitest';
import { initialFormState, type FormState } from '../request/request-form.ts';
import { switchServer } from './switch-server.ts';

const okta: FormState = {
  ...initialFormState,
  clientId: 'id',
  domain: 'dev-1.okta.com',
  authServerId: 'aus123',
  audience: 'https://api.example.com',
};

describe('switchServer', () => {
  it("Okta to Auth0: the Okta fields go, Auth0's default method and scope replace Okta's", () => {
    const change = switchServer(okta, 'auth0', 'https://dev-1.okta.com/oauth2/aus123/v1/token');
    expect(change).toMatchObject({
      server: 'auth0',
      domain: '',
      authServerId: 'default',
      tokenEndpointOverride: null,
      scope: '',
      authMethod: 'client_secret_post',
    });
    // A method the reader chose and Auth0 documents is kept. The audience is the reader's.
    expect(switchServer({ ...okta, authMethod: 'private_key_jwt' }, 'auth0', '').authMethod).toBe(
      'private_key_jwt',
    );
    expect(change).not.toHaveProperty('audience');
  });

  it("a server's fields start as in a fresh form (switch-server keeps its own copy of those values)", () => {
    const typed: FormState = {
      ...okta,
      tenant: 't',
      baseUrl: 'https://kc.example',
      realm: 'r',
      userPoolId: 'p',
    };
    const { tenant, baseUrl, realm, userPoolId, domain, authServerId } = initialFormState;
    expect(switchServer(typed, 'generic', '')).toMatchObject({
      tenant,
      baseUrl,
      realm,
      userPoolId,
      domain,
      authServerId,
    });
  });

  it('Okta to the Okta org server: the domain stays, private_key_jwt only', () => {
    expect(switchServer(okta, 'okta-org', '')).toMatchObject({
      domain: 'dev-1.okta.com',
      authMethod: 'private_key_jwt',
      scope: 'okta.users.read',
    });
  });

  it('to Entra: the .default scope and RFC 6749 encoding; a typed scope is kept', () => {
    expect(switchServer(okta, 'entra', '')).toMatchObject({
      scope: 'https://graph.microsoft.com/.default',
      encoding: 'form',
    });
    expect(switchServer({ ...okta, scope: 'mine' }, 'entra', '').scope).toBe('mine');
  });

  it('to any OAuth 2.0 server: the endpoint shown becomes the typed one, unless a placeholder', () => {
    expect(
      switchServer(okta, 'generic', ' https://a.example/token ').tokenEndpointOverride,
    ).toEqual({
      url: 'https://a.example/token',
      source: 'typed',
    });
    expect(
      switchServer(okta, 'generic', 'https://{yourOktaDomain}/oauth2/default/v1/token')
        .tokenEndpointOverride,
    ).toBeNull();
  });

  it('Cognito does not document client_secret_jwt: Basic instead', () => {
    expect(
      switchServer({ ...okta, authMethod: 'client_secret_jwt' }, 'cognito', '').authMethod,
    ).toBe('client_secret_basic');
  });
});
