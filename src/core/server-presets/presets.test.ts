import { describe, expect, it } from 'vitest';
import { initialFormState } from '../request/request-form.ts';
import { CLIENT_AUTH_METHODS } from '../client-auth/methods.ts';
import { discoveryCandidates } from '../endpoint/discovery.ts';
import { SERVER_PRESETS } from './presets.ts';
import { SERVER_CHOICE } from './server-choice.ts';
import type { PresetValues } from './preset.ts';

const empty: PresetValues = initialFormState;
const values = (change: Partial<PresetValues>): PresetValues => ({ ...empty, ...change });

// Expected URLs are copied from each vendor's documentation (cited in each preset's module).
describe('server presets: token endpoint and issuer from the fields', () => {
  it('Okta custom authorization server: as the guide, and as the page always derived it', () => {
    const typed = values({ domain: 'https://dev-123456.okta.com/', authServerId: 'default' });
    expect(SERVER_PRESETS.okta.tokenEndpoint(typed)).toBe(
      'https://dev-123456.okta.com/oauth2/default/v1/token',
    );
    expect(SERVER_PRESETS.okta.issuer(typed)).toBe('https://dev-123456.okta.com/oauth2/default');
    expect(SERVER_PRESETS.okta.issuer(empty)).toBeNull();
  });

  it('Okta org authorization server: /oauth2/v1/token, issuer the org, private_key_jwt only', () => {
    const typed = values({ domain: 'dev-123456.okta.com' });
    expect(SERVER_PRESETS['okta-org'].tokenEndpoint(typed)).toBe(
      'https://dev-123456.okta.com/oauth2/v1/token',
    );
    expect(SERVER_PRESETS['okta-org'].issuer(typed)).toBe('https://dev-123456.okta.com');
    expect(SERVER_PRESETS['okta-org'].authMethods).toEqual(['private_key_jwt']);
  });

  it('Auth0: https://{yourDomain}/oauth/token, audience required, post first', () => {
    expect(SERVER_PRESETS.auth0.tokenEndpoint(empty)).toBe('https://{yourDomain}/oauth/token');
    const typed = values({ domain: 'https://dev-abc.us.auth0.com/' });
    expect(SERVER_PRESETS.auth0.tokenEndpoint(typed)).toBe(
      'https://dev-abc.us.auth0.com/oauth/token',
    );
    expect(SERVER_PRESETS.auth0.issuer(typed)).toBe('https://dev-abc.us.auth0.com/');
    expect(SERVER_PRESETS.auth0.audience).toBe('required');
    expect(SERVER_PRESETS.auth0.authMethods[0]).toBe('client_secret_post');
  });

  it('Entra: login.microsoftonline.com/{tenant}/oauth2/v2.0/token, scope …/.default', () => {
    expect(SERVER_PRESETS.entra.tokenEndpoint(empty)).toBe(
      'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token',
    );
    const typed = values({ tenant: ' contoso.onmicrosoft.com ' });
    expect(SERVER_PRESETS.entra.tokenEndpoint(typed)).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
    );
    expect(SERVER_PRESETS.entra.issuer(typed)).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0',
    );
    expect(SERVER_PRESETS.entra.defaultScope).toMatch(/\/\.default$/);
  });

  it('Keycloak: {base}/realms/{realm}/protocol/openid-connect/token, /auth kept when typed', () => {
    const typed = values({ baseUrl: 'https://sso.example.com/auth/', realm: 'my realm' });
    expect(SERVER_PRESETS.keycloak.tokenEndpoint(typed)).toBe(
      'https://sso.example.com/auth/realms/my%20realm/protocol/openid-connect/token',
    );
    expect(SERVER_PRESETS.keycloak.issuer(typed)).toBe(
      'https://sso.example.com/auth/realms/my%20realm',
    );
    expect(SERVER_PRESETS.keycloak.tokenEndpoint(values({ baseUrl: 'localhost:8080' }))).toBe(
      'https://localhost:8080/realms/{realm}/protocol/openid-connect/token',
    );
    expect(
      SERVER_PRESETS.keycloak.issuer(values({ baseUrl: 'https://sso.example.com' })),
    ).toBeNull();
  });

  it('Cognito: https://{domain}/oauth2/token; issuer from the pool ID with its region', () => {
    const typed = values({
      domain: 'my-prefix.auth.eu-west-1.amazoncognito.com',
      userPoolId: 'eu-west-1_AbCdEf123',
    });
    expect(SERVER_PRESETS.cognito.tokenEndpoint(typed)).toBe(
      'https://my-prefix.auth.eu-west-1.amazoncognito.com/oauth2/token',
    );
    expect(SERVER_PRESETS.cognito.issuer(typed)).toBe(
      'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
    );
    expect(SERVER_PRESETS.cognito.issuer(values({ userPoolId: 'not-a-pool' }))).toBeNull();
  });

  it('any OAuth 2.0 server: no derived endpoint, audience and resource offered', () => {
    expect(SERVER_PRESETS.generic.tokenEndpoint(empty)).toBe('');
    expect(SERVER_PRESETS.generic.audience).toBe('offered');
    expect(SERVER_PRESETS.generic.resource).toBe('offered');
  });
});

describe('every preset', () => {
  it('is listed by the Server choice under its own id, in the same order', () => {
    expect(Object.keys(SERVER_PRESETS)).toEqual(Object.keys(SERVER_CHOICE));
    for (const [id, preset] of Object.entries(SERVER_PRESETS)) expect(preset.id).toBe(id);
  });

  it('names only methods the page has, and a discovery form the issuer yields', () => {
    for (const preset of Object.values(SERVER_PRESETS)) {
      for (const method of preset.authMethods) expect(CLIENT_AUTH_METHODS).toContain(method);
      const filled = values({
        domain: 'a.example.com',
        tenant: 't',
        baseUrl: 'https://kc.example.com',
        realm: 'r',
        userPoolId: 'us-east-1_Abc',
      });
      const issuer = preset.issuer(filled);
      if (issuer === null) continue;
      const forms = discoveryCandidates(issuer).map((candidate) => candidate.form);
      expect(forms).toContain(preset.metadataForm);
    }
  });

  it("the documented metadata URL is among discovery's candidates", () => {
    const metadata = (id: keyof typeof SERVER_PRESETS, typed: Partial<PresetValues>) =>
      discoveryCandidates(SERVER_PRESETS[id].issuer(values(typed)) ?? '').map((c) => c.url);
    expect(metadata('entra', { tenant: 'contoso.onmicrosoft.com' })).toContain(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration',
    );
    expect(metadata('auth0', { domain: 'dev-abc.us.auth0.com' })).toContain(
      'https://dev-abc.us.auth0.com/.well-known/openid-configuration',
    );
    expect(metadata('keycloak', { baseUrl: 'http://localhost:8080', realm: 'demo' })).toContain(
      'http://localhost:8080/realms/demo/.well-known/openid-configuration',
    );
    expect(metadata('cognito', { userPoolId: 'us-east-1_AbC' })).toContain(
      'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC/.well-known/openid-configuration',
    );
  });
});
