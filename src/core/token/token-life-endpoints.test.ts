import { describe, expect, it } from 'vitest';
import { issuerForTokenLife, tokenLifeEndpoints } from './token-life-endpoints.ts';

const jwtWith = (claims: unknown) =>
  `eyJhbGciOiJSUzI1NiJ9.${btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.sig`;

describe('tokenLifeEndpoints', () => {
  it('takes the endpoints the metadata lists', () => {
    expect(
      tokenLifeEndpoints('http://127.0.0.1:4173/demo/token', {
        introspection_endpoint: 'http://127.0.0.1:4173/demo/token/introspection',
        revocation_endpoint: 'http://127.0.0.1:4173/demo/token/revocation',
      }),
    ).toEqual({
      introspect: { url: 'http://127.0.0.1:4173/demo/token/introspection', source: 'metadata' },
      revoke: { url: 'http://127.0.0.1:4173/demo/token/revocation', source: 'metadata' },
    });
  });

  it("falls back to Okta's paths beside /v1/token, custom and org servers alike", () => {
    expect(tokenLifeEndpoints('https://dev-1.okta.com/oauth2/default/v1/token', null)).toEqual({
      introspect: {
        url: 'https://dev-1.okta.com/oauth2/default/v1/introspect',
        source: 'okta-path',
      },
      revoke: { url: 'https://dev-1.okta.com/oauth2/default/v1/revoke', source: 'okta-path' },
    });
    expect(tokenLifeEndpoints('https://dev-1.okta.com/oauth2/v1/token', null).revoke?.url).toBe(
      'https://dev-1.okta.com/oauth2/v1/revoke',
    );
    // Metadata found without the endpoint: the server's word, no guess.
    expect(tokenLifeEndpoints('https://dev-1.okta.com/oauth2/v1/token', {}).revoke).toBeNull();
  });

  it('marks an endpoint on another origin than the token endpoint, which is not to be called', () => {
    expect(
      tokenLifeEndpoints('https://auth.example/oauth/token', {
        introspection_endpoint: 'https://elsewhere.example/introspect',
        revocation_endpoint: 'https://auth.example/oauth/revoke',
      }),
    ).toEqual({
      introspect: { url: 'https://elsewhere.example/introspect', source: 'other-origin' },
      revoke: { url: 'https://auth.example/oauth/revoke', source: 'metadata' },
    });
  });

  it('guesses nothing for other servers, and ignores a listed value that is not an http(s) URL', () => {
    expect(
      tokenLifeEndpoints('https://auth.example/oauth/token', {
        introspection_endpoint: 'javascript:x',
      }),
    ).toEqual({ introspect: null, revoke: null });
  });
});

describe('issuerForTokenLife', () => {
  it("a JWT's iss", () => {
    expect(
      issuerForTokenLife(jwtWith({ iss: 'http://127.0.0.1:4173/demo' }), 'https://x/token'),
    ).toBe('http://127.0.0.1:4173/demo');
  });

  it('else the parent of the token endpoint (Okta and oidc-provider shapes)', () => {
    expect(issuerForTokenLife('opaque', 'https://d.okta.com/oauth2/default/v1/token')).toBe(
      'https://d.okta.com/oauth2/default',
    );
    expect(issuerForTokenLife(jwtWith({ iss: 42 }), 'http://h/demo/token')).toBe('http://h/demo');
    expect(issuerForTokenLife('a.%%%.c', 'https://h/oauth/authorize')).toBeNull();
    expect(issuerForTokenLife('x', 'not a url')).toBeNull();
  });
});
