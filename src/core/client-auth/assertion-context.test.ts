import { describe, expect, it } from 'vitest';
import { assertionContextOf } from './assertion-context.ts';
import { buildTokenRequest } from '../request/token-request.ts';

const assertion = {
  header: { alg: 'RS256', kid: 'k1', typ: 'JWT' },
  claims: {
    iss: 'svc',
    sub: 'svc',
    aud: 'https://dev-1.okta.com/oauth2/v1/token',
    iat: 1_800_000_000,
    exp: 1_800_000_300,
    jti: 'j1',
  },
  jwt: 'a.b.c',
} as const;

const request = buildTokenRequest({
  tokenEndpoint: 'https://dev-1.okta.com/oauth2/v1/token',
  clientId: 'svc',
  clientSecret: '',
  scope: 'okta.users.read',
  authMethod: 'private_key_jwt',
  encoding: 'raw',
  clientAssertion: assertion,
});

describe('assertionContextOf', () => {
  it('takes the claims, the page clock at sending and the server clock from Date', () => {
    const context = assertionContextOf(
      request,
      false,
      1_800_000_012_345,
      new Headers({ date: 'Fri, 15 Jan 2027 08:00:00 GMT' }),
    );
    expect(context).toEqual({
      method: 'private_key_jwt',
      tokenEndpoint: 'https://dev-1.okta.com/oauth2/v1/token',
      clientId: 'svc',
      claims: assertion.claims,
      header: assertion.header,
      sentAt: 1_800_000_012,
      serverDate: Date.UTC(2027, 0, 15, 8) / 1000,
      demoServer: false,
      oktaOrgServer: true,
    });
  });

  it('leaves serverDate out without a readable Date header', () => {
    const context = assertionContextOf(request, false, 0, new Headers());
    expect(context).not.toHaveProperty('serverDate');
  });

  it('is null for a secret method', () => {
    const basic = buildTokenRequest({ ...request.input, authMethod: 'client_secret_basic' });
    expect(assertionContextOf(basic, false, 0, new Headers())).toBeNull();
  });
});
