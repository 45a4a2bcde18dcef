import { describe, expect, it } from 'vitest';
import {
  checkMetadataSupport,
  discoveryCandidates,
  IssuerError,
  parseAuthorizationServerMetadata,
} from './discovery.ts';

describe('discoveryCandidates', () => {
  it('RFC 8414 §3.1 inserts the well-known segment before the path; Okta appends it', () => {
    expect(discoveryCandidates('https://dev-1.okta.com/oauth2/default')).toEqual([
      {
        url: 'https://dev-1.okta.com/.well-known/oauth-authorization-server/oauth2/default',
        form: 'rfc8414',
      },
      {
        url: 'https://dev-1.okta.com/oauth2/default/.well-known/oauth-authorization-server',
        form: 'okta',
      },
      {
        url: 'https://dev-1.okta.com/oauth2/default/.well-known/openid-configuration',
        form: 'openid',
      },
    ]);
  });
  it('lists the path-less form once, and ignores a trailing slash', () => {
    expect(discoveryCandidates('https://as.example/').map((c) => c.url)).toEqual([
      'https://as.example/.well-known/oauth-authorization-server',
      'https://as.example/.well-known/openid-configuration',
    ]);
  });
  it.each([
    ['dev-1.okta.com', /not a URL/],
    ['ftp://as.example', /https/],
    ['https://as.example/x?tenant=1', /no query or fragment/],
    ['https://as.example/x#top', /no query or fragment/],
    ['https://u:p@as.example/x', /user name and password/],
  ])('refuses %s', (issuer, message) => {
    expect(() => discoveryCandidates(issuer)).toThrow(IssuerError);
    expect(() => discoveryCandidates(issuer)).toThrow(message);
  });
});

const issuer = 'https://dev-1.okta.com/oauth2/default';
const okta = {
  issuer,
  token_endpoint: `${issuer}/v1/token`,
  jwks_uri: `${issuer}/v1/keys`,
  grant_types_supported: ['authorization_code', 'client_credentials'],
  token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt'],
  scopes_supported: ['openid', 'customScope'],
  response_types_supported: ['code'],
};

describe('parseAuthorizationServerMetadata', () => {
  it('accepts metadata for the issuer asked for and keeps the members it does not use', () => {
    const result = parseAuthorizationServerMetadata(okta, issuer);
    expect(result.ok && result.metadata.token_endpoint).toBe(
      'https://dev-1.okta.com/oauth2/default/v1/token',
    );
    expect(result.ok && result.metadata['response_types_supported']).toEqual(['code']);
  });
  it('refuses another issuer (RFC 8414 §3.3), but not a lone trailing slash', () => {
    const other = parseAuthorizationServerMetadata(
      { ...okta, issuer: 'https://evil.example' },
      issuer,
    );
    expect(other).toEqual({
      ok: false,
      reason:
        'The metadata names the issuer "https://evil.example", not "https://dev-1.okta.com/oauth2/default": RFC 8414 §3.3 forbids using it.',
    });
    expect(parseAuthorizationServerMetadata(okta, `${issuer}/`).ok).toBe(true);
  });
  it.each([
    ['an array', [okta], /not a JSON object/],
    ['null', null, /not a JSON object/],
    ['no issuer', { token_endpoint: okta.token_endpoint }, /has no issuer/],
    ['a relative token endpoint', { ...okta, token_endpoint: '/v1/token' }, /"token_endpoint"/],
    ['a javascript: jwks_uri', { ...okta, jwks_uri: 'javascript:alert(1)' }, /"jwks_uri"/],
    ['scopes as a string', { ...okta, scopes_supported: 'openid customScope' }, /scopes_supported/],
  ])('refuses %s', (_name, json, reason) => {
    const result = parseAuthorizationServerMetadata(json, issuer);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});

describe('checkMetadataSupport', () => {
  const metadata = (extra: object) => {
    const result = parseAuthorizationServerMetadata({ ...okta, ...extra }, issuer);
    if (!result.ok) throw new Error(result.reason);
    return result.metadata;
  };
  it('says nothing when the grant and method are listed', () => {
    expect(checkMetadataSupport(metadata({}), 'client_secret_basic')).toEqual([]);
  });
  it('warns about an unlisted method, naming the listed ones', () => {
    expect(checkMetadataSupport(metadata({}), 'client_secret_post')).toEqual([
      {
        severity: 'warning',
        message:
          'The server does not list client_secret_post among its client authentication methods (client_secret_basic, private_key_jwt): choose one it lists.',
      },
    ]);
  });
  it('warns when client_credentials is missing, listed or by the RFC 8414 default', () => {
    const listed = checkMetadataSupport(
      metadata({ grant_types_supported: ['authorization_code'] }),
      'client_secret_basic',
    );
    expect(listed.map((n) => n.message)).toEqual([
      expect.stringMatching(/does not list client_credentials/),
    ]);
    const withoutGrants = { ...okta, grant_types_supported: undefined };
    const byDefault = parseAuthorizationServerMetadata(withoutGrants, issuer);
    expect(
      byDefault.ok && checkMetadataSupport(byDefault.metadata, 'client_secret_basic')[0]?.message,
    ).toMatch(/default \(RFC 8414 §2\) excludes client_credentials/);
  });
  it('uses client_secret_basic as the default method (RFC 8414 §2)', () => {
    const rest = { ...okta, token_endpoint_auth_methods_supported: undefined };
    const parsed = parseAuthorizationServerMetadata(rest, issuer);
    expect(parsed.ok && checkMetadataSupport(parsed.metadata, 'client_secret_basic')).toEqual([]);
    expect(parsed.ok && checkMetadataSupport(parsed.metadata, 'client_secret_post')).toHaveLength(
      1,
    );
  });
});

describe("discoveryCandidates: a server's documented form first", () => {
  it('Entra and Keycloak publish OpenID Connect Discovery: it is tried first', () => {
    expect(
      discoveryCandidates('https://login.microsoftonline.com/t/v2.0', 'openid').map((c) => c.url),
    ).toEqual([
      'https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration',
      'https://login.microsoftonline.com/.well-known/oauth-authorization-server/t/v2.0',
      'https://login.microsoftonline.com/t/v2.0/.well-known/oauth-authorization-server',
    ]);
  });
});
