import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTokenRequest, type TokenRequestInput } from './token-request.ts';

const ENDPOINT = 'https://dev-123456.okta.com/oauth2/default/v1/token';

function input(overrides: Partial<TokenRequestInput> = {}): TokenRequestInput {
  return {
    tokenEndpoint: ENDPOINT,
    clientId: 'Aladdin',
    clientSecret: 'open sesame',
    scope: 'customScope',
    authMethod: 'client_secret_basic',
    encoding: 'raw',
    ...overrides,
  };
}

const headerNames = (headers: ReadonlyArray<readonly [string, string]>) =>
  headers.map(([name]) => name);

describe('buildTokenRequest: client_secret_basic, as the Okta guide does it', () => {
  it('headers in the order of the guide, with the Basic header (RFC 7617 §2 example)', () => {
    const request = buildTokenRequest(input());
    expect(request.method).toBe('POST');
    expect(request.url).toBe(ENDPOINT);
    expect(request.clientAuthentication).toEqual({
      method: 'client_secret_basic',
      encoding: 'raw',
      basic: {
        pair: 'Aladdin:open sesame',
        base64: 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
        headerValue: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
      },
    });
    expect(request.headers).toEqual([
      ['accept', 'application/json'],
      ['authorization', 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=='],
      ['cache-control', 'no-cache'],
      ['content-type', 'application/x-www-form-urlencoded'],
    ]);
    expect(request.body).toBe('grant_type=client_credentials&scope=customScope');
    expect(request.basic.pair).toBe('Aladdin:open sesame');
  });

  it('form encoding changes only the Basic credentials (RFC 6749 §2.3.1)', () => {
    const request = buildTokenRequest(input({ encoding: 'form' }));
    expect(request.headers[1]).toEqual(['authorization', 'Basic QWxhZGRpbjpvcGVuK3Nlc2FtZQ==']);
    expect(request.clientAuthentication).toMatchObject({
      method: 'client_secret_basic',
      encoding: 'form',
      basic: { pair: 'Aladdin:open+sesame' },
    });
    expect(request.body).toBe('grant_type=client_credentials&scope=customScope');
  });

  it('several scopes are one space-separated value, form-encoded as scope=a+b', () => {
    expect(buildTokenRequest(input({ scope: 'a b' })).body).toBe(
      'grant_type=client_credentials&scope=a+b',
    );
    expect(buildTokenRequest(input({ scope: 'okta.users.read okta.apps:manage' })).body).toBe(
      'grant_type=client_credentials&scope=okta.users.read+okta.apps%3Amanage',
    );
  });

  it('no scope parameter at all when the scope is empty', () => {
    const request = buildTokenRequest(input({ scope: '' }));
    expect(request.body).toBe('grant_type=client_credentials');
    expect(new URLSearchParams(request.body).has('scope')).toBe(false);
  });

  it('trims the endpoint the user typed', () => {
    expect(buildTokenRequest(input({ tokenEndpoint: `  ${ENDPOINT}\n` })).url).toBe(ENDPOINT);
  });

  it('never puts the credentials in the body as well (RFC 6749 §2.3)', () => {
    const body = new URLSearchParams(buildTokenRequest(input()).body);
    expect(body.has('client_id')).toBe(false);
    expect(body.has('client_secret')).toBe(false);
  });
});

describe('buildTokenRequest: client_secret_post', () => {
  it('puts the form-encoded client_id and client_secret in the body and sends no authorization header', () => {
    const request = buildTokenRequest(
      input({
        authMethod: 'client_secret_post',
        clientId: '1PpG/Q 1',
        clientSecret: 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=',
      }),
    );
    // Nothing about the Basic encoding: the body is always form-encoded.
    expect(request.clientAuthentication).toEqual({ method: 'client_secret_post' });
    expect(request.headers).toEqual([
      ['accept', 'application/json'],
      ['cache-control', 'no-cache'],
      ['content-type', 'application/x-www-form-urlencoded'],
    ]);
    // Values from the appauth-android-337 vector of fixtures/credentials.json (form_client_id / _secret).
    expect(request.body).toBe(
      'grant_type=client_credentials&client_id=1PpG%2FQ+1&client_secret=z%2FtZ9VwFZqApmIQ%2BZH1I5pLk%2FuB4ud%3AX2%2F8bL%2BwfFTt1rFw%3D&scope=customScope',
    );
  });

  it('form-encodes the body once, whatever the Basic encoding choice', () => {
    const raw = buildTokenRequest(
      input({ authMethod: 'client_secret_post', encoding: 'raw', clientSecret: 'a+b%41' }),
    );
    const form = buildTokenRequest(
      input({ authMethod: 'client_secret_post', encoding: 'form', clientSecret: 'a+b%41' }),
    );
    expect(raw.body).toBe(
      'grant_type=client_credentials&client_id=Aladdin&client_secret=a%2Bb%2541&scope=customScope',
    );
    expect(form.body).toBe(raw.body);
    // The Basic credentials are still derived for display, and differ by encoding.
    expect(raw.basic.pair).toBe('Aladdin:a+b%41');
    expect(form.basic.pair).toBe('Aladdin:a%2Bb%2541');
  });
});

describe('buildTokenRequest for all inputs (property)', () => {
  const wellFormed = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({
      unit: fc.constantFrom('a', ' ', '+', '%', '&', '=', ':', '\u00e9', '\u{1f511}', '\n'),
    }),
  );

  it('exactly one client authentication method, and a body a form parser reads back', () => {
    fc.assert(
      fc.property(
        wellFormed,
        wellFormed,
        wellFormed,
        fc.constantFrom('client_secret_basic' as const, 'client_secret_post' as const),
        fc.constantFrom('raw' as const, 'form' as const),
        (clientId, clientSecret, scope, authMethod, encoding) => {
          const request = buildTokenRequest({
            tokenEndpoint: ENDPOINT,
            clientId,
            clientSecret,
            scope,
            authMethod,
            encoding,
          });
          const body = new URLSearchParams(request.body);
          expect([...body.keys()]).toEqual([
            'grant_type',
            ...(authMethod === 'client_secret_post' ? ['client_id', 'client_secret'] : []),
            ...(scope === '' ? [] : ['scope']),
          ]);
          expect(body.get('grant_type')).toBe('client_credentials');
          if (scope !== '') expect(body.get('scope')).toBe(scope);
          const authorization = request.headers.filter(
            ([name]) => name.toLowerCase() === 'authorization',
          );
          if (authMethod === 'client_secret_post') {
            expect(authorization).toEqual([]);
            expect(body.get('client_id')).toBe(clientId);
            expect(body.get('client_secret')).toBe(clientSecret);
            expect(headerNames(request.headers)).toEqual([
              'accept',
              'cache-control',
              'content-type',
            ]);
          } else {
            expect(authorization).toHaveLength(1);
            const value = authorization[0]?.[1] ?? '';
            expect(value).toMatch(/^Basic [A-Za-z0-9+/]*={0,2}$/);
            const pair = Buffer.from(value.slice('Basic '.length), 'base64').toString('utf8');
            if (encoding === 'raw') {
              expect(pair).toBe(`${clientId}:${clientSecret}`);
            } else {
              // Decoded by a form parser, not re-encoded the way the code encodes.
              const parts = pair.split(':');
              expect(parts).toHaveLength(2);
              expect(new URLSearchParams(`a=${parts[0] ?? ''}`).get('a')).toBe(clientId);
              expect(new URLSearchParams(`a=${parts[1] ?? ''}`).get('a')).toBe(clientSecret);
            }
            expect(headerNames(request.headers)).toEqual([
              'accept',
              'authorization',
              'cache-control',
              'content-type',
            ]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('buildTokenRequest: private_key_jwt (RFC 7523 §2.2)', () => {
  const assertion = {
    header: { alg: 'ES256', kid: 'kid-1', typ: 'JWT' },
    claims: { iss: 'Aladdin', sub: 'Aladdin', aud: ENDPOINT, iat: 1, exp: 301, jti: 'j' },
    jwt: 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJBbGFkZGluIn0.c2ln',
  } as const;

  it('sends the assertion in the body, after scope, with no Authorization header or secret', () => {
    const request = buildTokenRequest(
      input({ authMethod: 'private_key_jwt', clientAssertion: assertion }),
    );
    expect(request.clientAuthentication).toEqual({ method: 'private_key_jwt', assertion });
    expect(headerNames(request.headers)).toEqual(['accept', 'cache-control', 'content-type']);
    expect(request.body).toBe(
      'grant_type=client_credentials&scope=customScope' +
        '&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer' +
        `&client_assertion=${assertion.jwt}`,
    );
    expect(request.body).not.toContain('client_secret');
    expect(request.body).not.toContain('open+sesame');
  });

  it('carries no client_assertion at all until one is signed (never a placeholder JWT)', () => {
    const request = buildTokenRequest(input({ authMethod: 'private_key_jwt' }));
    expect(request.clientAuthentication).toEqual({ method: 'private_key_jwt', assertion: null });
    expect(request.body).toBe('grant_type=client_credentials&scope=customScope');
  });
});
