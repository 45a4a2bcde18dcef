import { describe, expect, it } from 'vitest';
import { vendorOf } from './vendor-of.ts';

describe('vendorOf', () => {
  it.each([
    ['https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token', 'entra'],
    ['https://login.microsoftonline.us/t/oauth2/v2.0/token', 'entra'],
    ['https://dev-abc.us.auth0.com/oauth/token', 'auth0'],
    ['https://p.auth.us-east-1.amazoncognito.com/oauth2/token', 'cognito'],
    ['https://dev-1.okta.com/oauth2/default/v1/token', 'okta'],
    ['http://localhost:8080/realms/demo/protocol/openid-connect/token', 'keycloak'],
    ['https://sso.example.com/auth/realms/demo/protocol/openid-connect/token', 'keycloak'],
    ['https://auth.example.com/oauth/token', null],
    ['https://notauth0.com.evil.example/oauth/token', null],
    ['not a url', null],
  ])('%s: %s', (endpoint, vendor) => {
    expect(vendorOf(endpoint)).toBe(vendor);
  });

  it('the chosen server wins over the host (a custom domain), except Okta (the default) and Any OAuth 2.0 server', () => {
    expect(vendorOf('https://login.example.com/oauth/token', 'auth0')).toBe('auth0');
    expect(
      vendorOf('http://localhost:8080/realms/demo/protocol/openid-connect/token', 'okta'),
    ).toBe('keycloak');
    expect(vendorOf('https://login.microsoftonline.com/t/oauth2/v2.0/token', 'generic')).toBe(
      'entra',
    );
  });
});
