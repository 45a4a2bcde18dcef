import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTokenEndpoint, type EndpointCheck } from './token-endpoint-checks.ts';
import {
  isOktaOrgAuthorizationServer,
  deriveOktaTokenEndpoint,
  normalizeOktaDomain,
} from './token-endpoint.ts';

const summary = (checks: readonly EndpointCheck[]) => checks.map((c) => `${c.code}:${c.severity}`);

describe('normalizeOktaDomain', () => {
  it.each([
    ['dev-1.okta.com', 'dev-1.okta.com'],
    ['https://dev-1.okta.com/', 'dev-1.okta.com'],
    ['  https://dev-1.okta.com  ', 'dev-1.okta.com'],
    ['HTTPS://dev-1.okta.com/oauth2/default/v1/token', 'dev-1.okta.com'],
    ['http://login.example.com:8443/path?x=1#y', 'login.example.com:8443'],
    ['login.example.com:8443', 'login.example.com:8443'],
    ['dev-1.okta.com?x', 'dev-1.okta.com'],
    ['dev-1.okta.com#x', 'dev-1.okta.com'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeOktaDomain(input)).toBe(expected);
  });
});

describe('deriveOktaTokenEndpoint', () => {
  it('a custom authorization server, from a domain pasted with scheme and slash', () => {
    expect(deriveOktaTokenEndpoint('https://dev-1.okta.com/', 'default')).toBe(
      'https://dev-1.okta.com/oauth2/default/v1/token',
    );
    expect(deriveOktaTokenEndpoint(' dev-1.okta.com ', ' aus1a2b3c4 ')).toBe(
      'https://dev-1.okta.com/oauth2/aus1a2b3c4/v1/token',
    );
  });

  it('the org authorization server when the server ID is empty (or only spaces)', () => {
    expect(deriveOktaTokenEndpoint('dev-1.okta.com', '')).toBe(
      'https://dev-1.okta.com/oauth2/v1/token',
    );
    expect(deriveOktaTokenEndpoint('dev-1.okta.com', '   ')).toBe(
      'https://dev-1.okta.com/oauth2/v1/token',
    );
  });

  it('keeps a custom domain with its port', () => {
    expect(deriveOktaTokenEndpoint('https://login.example.com:8443/', 'default')).toBe(
      'https://login.example.com:8443/oauth2/default/v1/token',
    );
  });

  it("keeps the guide's placeholder when no domain is given, which the check then reports", () => {
    const endpoint = deriveOktaTokenEndpoint('', 'default');
    expect(endpoint).toBe('https://{yourOktaDomain}/oauth2/default/v1/token');
    expect(summary(checkTokenEndpoint(endpoint))).toEqual(['placeholder-domain:error']);
  });

  it('percent-encodes a server ID that is not a single path segment', () => {
    expect(deriveOktaTokenEndpoint('dev-1.okta.com', 'a/b c')).toBe(
      'https://dev-1.okta.com/oauth2/a%2Fb%20c/v1/token',
    );
  });

  it('derives a URL that parses back to the same host and server ID (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    // "." and ".." are dot segments that the URL parser removes even when percent-encoded, so they
    // cannot be an authorization server ID in a path; Okta IDs are "default" or "aus…".
    const serverIdArb = fc
      .string({ unit: 'binary' })
      .filter((id) => !['.', '..'].includes(id.trim()));
    const host = fc.tuple(
      fc.array(label, { minLength: 1, maxLength: 3 }),
      fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    );
    fc.assert(
      fc.property(
        host,
        fc.constantFrom('', 'https://', 'HTTP://'),
        fc.constantFrom('', '/', '/anything?x#y'),
        serverIdArb,
        ([labels, port], scheme, tail, serverId) => {
          const hostname = `${labels.join('.')}.example`;
          const authority = port === undefined ? hostname : `${hostname}:${port}`;
          const url = new URL(deriveOktaTokenEndpoint(`${scheme}${authority}${tail}`, serverId));
          expect(url.protocol).toBe('https:');
          expect(url.hostname).toBe(hostname);
          expect(url.port).toBe(port === undefined || port === 443 ? '' : String(port));
          const segments = url.pathname.split('/');
          if (serverId.trim() === '') {
            expect(url.pathname).toBe('/oauth2/v1/token');
          } else {
            expect(segments).toHaveLength(5);
            expect(decodeURIComponent(segments[2] ?? '')).toBe(serverId.trim());
            expect(url.pathname.endsWith('/v1/token')).toBe(true);
          }
        },
      ),
    );
  });
});

describe('checkTokenEndpoint: every rejection path', () => {
  it('accepts the endpoints of the guide and of custom domains', () => {
    expect(checkTokenEndpoint('https://dev-123456.okta.com/oauth2/default/v1/token')).toEqual([]);
    expect(checkTokenEndpoint('  https://dev-123456.okta.com/oauth2/aus1/v1/token  ')).toEqual([]);
    expect(checkTokenEndpoint('https://login.example.com:8443/oauth2/default/v1/token')).toEqual(
      [],
    );
    expect(checkTokenEndpoint('https://auth.example.com/connect/token?tenant=1')).toEqual([]);
  });

  it('empty: info', () => {
    expect(summary(checkTokenEndpoint(''))).toEqual(['empty:info']);
    expect(summary(checkTokenEndpoint(' \t '))).toEqual(['empty:info']);
  });

  it.each([
    'https://{yourOktaDomain}/oauth2/default/v1/token',
    'https://${yourOktaDomain}/oauth2/default/v1/token',
    'https://yourOktaDomain/oauth2/default/v1/token',
    'https://{ youroktadomain }/oauth2/default/v1/token',
  ])("the guide's placeholder left in: error (%s)", (endpoint) => {
    const checks = checkTokenEndpoint(endpoint);
    expect(summary(checks)).toEqual(['placeholder-domain:error']);
    expect(checks[0]?.message).toContain('{yourOktaDomain}');
  });

  it.each([
    ['dev-1.okta.com/oauth2/default/v1/token', 'not an absolute URL'],
    ['not a url', 'not an absolute URL'],
    ['https://', 'not an absolute URL'],
    ['ftp://dev-1.okta.com/oauth2/default/v1/token', 'not ftp:'],
    ['javascript:alert(1)', 'not javascript:'],
  ])('not an http(s) URL: error (%s)', (endpoint, wording) => {
    const checks = checkTokenEndpoint(endpoint);
    expect(summary(checks)).toEqual(['invalid-url:error']);
    expect(checks[0]?.message).toContain(wording);
  });

  it.each([
    'http://dev-1.okta.com/oauth2/default/v1/token',
    'http://10.0.0.1/token',
    'http://127.example.com/token',
    'http://127.0.0.1.example.com/token',
  ])('plain http to a non-loopback host: error (%s)', (endpoint) => {
    const checks = checkTokenEndpoint(endpoint);
    expect(summary(checks)).toEqual(['not-https:error']);
    expect(checks[0]?.message).toContain('RFC 6749 §3.2');
  });

  it.each([
    'http://localhost:4173/demo/token',
    'http://LOCALHOST/token',
    'http://demo.localhost/token',
    'http://127.0.0.1:8080/token',
    'http://127.1.2.3/token',
    'http://127.1/token', // the URL parser reads this as 127.0.0.1
    'http://[::1]:4173/token',
    'http://[0:0:0:0:0:0:0:1]/token',
  ])('plain http to loopback: info only (%s)', (endpoint) => {
    expect(summary(checkTokenEndpoint(endpoint))).toEqual(['not-https:info']);
  });

  it('credentials in the URL: error', () => {
    expect(
      summary(checkTokenEndpoint('https://id:secret@dev-1.okta.com/oauth2/default/v1/token')),
    ).toEqual(['has-credentials:error']);
    expect(
      summary(checkTokenEndpoint('https://id@dev-1.okta.com/oauth2/default/v1/token')),
    ).toEqual(['has-credentials:error']);
    expect(
      summary(checkTokenEndpoint('https://dev-1.okta.com/oauth2/default/v1/token?client_secret=x')),
    ).toEqual(['has-credentials:error']);
    expect(
      summary(checkTokenEndpoint('https://dev-1.okta.com/oauth2/default/v1/token?secret=')),
    ).toEqual(['has-credentials:error']);
  });

  it('a fragment: warning (RFC 6749 §3.2), also an empty one', () => {
    const checks = checkTokenEndpoint('https://dev-1.okta.com/oauth2/default/v1/token#x');
    expect(summary(checks)).toEqual(['has-fragment:warning']);
    expect(checks[0]?.message).toContain('RFC 6749 §3.2');
    expect(summary(checkTokenEndpoint('https://dev-1.okta.com/oauth2/default/v1/token#'))).toEqual([
      'has-fragment:warning',
    ]);
  });

  it('an Okta -admin domain: error naming the right domain', () => {
    const checks = checkTokenEndpoint('https://dev-123456-admin.okta.com/oauth2/default/v1/token');
    expect(summary(checks)).toEqual(['admin-domain:error']);
    expect(checks[0]?.message).toContain('dev-123456-admin.okta.com');
    expect(checks[0]?.message).toContain('(dev-123456.okta.com)');
  });

  it('a custom domain that merely contains "-admin." is not the Admin Console', () => {
    expect(
      summary(checkTokenEndpoint('https://sso-admin.example.com/oauth2/default/v1/token')),
    ).toEqual([]);
  });

  it.each([
    'https://dev-1.okta.com/oauth2/v1/token',
    'https://dev-1.okta.com/oauth2/v1/token/',
    'https://dev-1.okta.com/oauth2/v1/token?x=1',
  ])(
    "Okta's org authorization server: warning pointing at a key or a custom one (%s)",
    (endpoint) => {
      const checks = checkTokenEndpoint(endpoint);
      expect(summary(checks)).toEqual(['org-authorization-server:warning']);
      expect(checks[0]?.message).toContain('"Private key JWT (private_key_jwt)"');
      expect(checks[0]?.message).toContain('/oauth2/default/v1/token');
    },
  );

  it('reports every problem of one URL together', () => {
    expect(
      summary(checkTokenEndpoint('http://u:p@dev-1-admin.okta.com/oauth2/v1/token#f')),
    ).toEqual([
      'not-https:error',
      'has-credentials:error',
      'has-fragment:warning',
      'admin-domain:error',
      'org-authorization-server:warning',
    ]);
  });
});

describe('isOktaOrgAuthorizationServer: the one decision the checks and the explanations share', () => {
  it.each([
    'https://dev-1.okta.com/oauth2/v1/token',
    'https://dev-1.okta.com/oauth2/v1/token/',
    'https://dev-1.okta.com/oauth2/v1/token?client_id=x',
    'https://dev-1.okta.com/oauth2/v1/token#x',
    'https://login.example.com/oauth2/v1/token',
  ])('%s is the org server', (endpoint) => {
    expect(isOktaOrgAuthorizationServer(endpoint)).toBe(true);
    expect(checkTokenEndpoint(endpoint).map((check) => check.code)).toContain(
      'org-authorization-server',
    );
  });

  it.each([
    'https://dev-1.okta.com/oauth2/default/v1/token',
    'https://dev-1.okta.com/oauth2/v1/tokens',
    'https://dev-1.okta.com/x/oauth2/v1/token',
    'http://127.0.0.1:4173/demo/token',
    'not a url /oauth2/v1/token',
    '',
  ])('%j is not', (endpoint) => {
    expect(isOktaOrgAuthorizationServer(endpoint)).toBe(false);
    expect(checkTokenEndpoint(endpoint).map((check) => check.code)).not.toContain(
      'org-authorization-server',
    );
  });
});
