import { describe, expect, it } from 'vitest';
import {
  PROXY_ERROR_CODES,
  PROXY_LOG_ONLY_CODES,
  parseProxyErrorBody,
  parseSessionBody,
  upstreamHeadersOf,
} from './proxy-protocol.ts';

const demo = {
  issuer: 'http://127.0.0.1:4173/demo',
  tokenEndpoint: 'http://127.0.0.1:4173/demo/token',
  discoveryUrl: 'http://127.0.0.1:4173/demo/.well-known/openid-configuration',
  jwksUri: 'http://127.0.0.1:4173/demo/jwks',
  clients: [
    {
      label: 'L',
      clientId: 'id',
      clientSecret: 's',
      scope: 'customScope',
      authMethod: 'client_secret_basic',
    },
  ],
};
const TOKEN = 'x'.repeat(43);

describe('the error codes', () => {
  it('rate_limited, overloaded and request_timeout have the statuses clients know them by', () => {
    expect(PROXY_ERROR_CODES.rate_limited.status).toBe(429);
    expect(PROXY_ERROR_CODES.busy.status).toBe(503);
    expect(PROXY_ERROR_CODES.tls_protocol.status).toBe(502);
    expect(PROXY_ERROR_CODES.request_timeout.status).toBe(408);
  });

  it('client_closed is log-only: it has no status and is not an answer code', () => {
    expect(Object.hasOwn(PROXY_ERROR_CODES, 'client_closed')).toBe(false);
    expect(PROXY_LOG_ONLY_CODES.client_closed).not.toHaveProperty('status');
  });

  it('unknown_host means the Host-header guard, not a DNS failure', () => {
    expect(PROXY_ERROR_CODES.unknown_host.meaning).toMatch(/Host name/);
    expect(PROXY_ERROR_CODES.unknown_host.meaning).not.toMatch(/resolve|DNS failure/);
  });
});

describe('parseProxyErrorBody', () => {
  it('reads a known code and its message', () => {
    expect(parseProxyErrorBody({ proxyError: { code: 'dns', message: 'm' } })).toEqual({
      proxyError: { code: 'dns', message: 'm' },
    });
  });

  it.each([
    null,
    'text',
    [],
    {},
    { proxyError: null },
    { proxyError: { code: 'dns' } },
    { proxyError: { code: 'teapot', message: 'm' } },
    { proxyError: { code: 'toString', message: 'm' } },
    { proxyError: { code: 1, message: 'm' } },
  ])('refuses %j', (json) => {
    expect(parseProxyErrorBody(json)).toBeUndefined();
  });
});

describe('parseSessionBody', () => {
  it('reads a session with and without demo server, dropping extra fields', () => {
    // A session from a server before /demo-raw: the one demo server form-decodes.
    expect(
      parseSessionBody({
        proxyToken: TOKEN,
        proxyTokenExpiresIn: 600,
        demo: { ...demo, more: 1 },
        x: 2,
      }),
    ).toEqual({
      proxyToken: TOKEN,
      proxyTokenExpiresIn: 600,
      demo: { ...demo, basicCredentials: 'form-decoded' },
      demoRaw: null,
    });
    expect(parseSessionBody({ proxyToken: TOKEN, proxyTokenExpiresIn: 30, demo: null })).toEqual({
      proxyToken: TOKEN,
      proxyTokenExpiresIn: 30,
      demo: null,
      demoRaw: null,
    });
  });

  it('reads both demo servers and how each reads Basic credentials', () => {
    const raw = { ...demo, issuer: 'http://127.0.0.1:4173/demo-raw', basicCredentials: 'raw' };
    expect(
      parseSessionBody({
        proxyToken: TOKEN,
        proxyTokenExpiresIn: 600,
        demo: { ...demo, basicCredentials: 'form-decoded' },
        demoRaw: raw,
      }),
    ).toEqual({
      proxyToken: TOKEN,
      proxyTokenExpiresIn: 600,
      demo: { ...demo, basicCredentials: 'form-decoded' },
      demoRaw: raw,
    });
  });

  it('reads a key client with its private JWK and the registration endpoint', () => {
    const privateKeyJwk = {
      kty: 'EC',
      kid: 'k1',
      alg: 'ES256',
      crv: 'P-256',
      x: 'X',
      y: 'Y',
      d: 'D',
    };
    const keyClient = {
      label: 'K',
      clientId: 'key',
      clientSecret: '',
      scope: 'customScope',
      authMethod: 'private_key_jwt',
      privateKeyJwk,
    };
    const registrationEndpoint = 'http://127.0.0.1:4173/demo/reg';
    expect(
      parseSessionBody({
        proxyToken: TOKEN,
        proxyTokenExpiresIn: 600,
        demo: { ...demo, registrationEndpoint, clients: [...demo.clients, keyClient] },
      }),
    ).toEqual({
      proxyToken: TOKEN,
      proxyTokenExpiresIn: 600,
      demo: {
        ...demo,
        registrationEndpoint,
        clients: [...demo.clients, keyClient],
        basicCredentials: 'form-decoded',
      },
      demoRaw: null,
    });
  });

  it("reads an older server's clients, which do not say their method, by whether they hold a key", () => {
    const { label, clientId, clientSecret, scope } = demo.clients[0]!;
    const secretClient = { label, clientId, clientSecret, scope };
    const keyClient = {
      label: 'K',
      clientId: 'key',
      clientSecret: '',
      scope: 'customScope',
      privateKeyJwk: { kty: 'EC', kid: 'k1', alg: 'ES256', crv: 'P-256', x: 'X', y: 'Y', d: 'D' },
    };
    const parsed = parseSessionBody({
      proxyToken: TOKEN,
      proxyTokenExpiresIn: 600,
      demo: { ...demo, clients: [secretClient, keyClient] },
    });
    expect(parsed?.demo?.clients.map((client) => client.authMethod)).toEqual([
      'client_secret_basic',
      'private_key_jwt',
    ]);
  });

  it('reads a DPoP-bound client and the demo API URL', () => {
    const dpopClient = {
      label: 'D',
      clientId: 'demo-dpop',
      clientSecret: 's',
      scope: 'customScope read:reports',
      authMethod: 'client_secret_basic',
      dpopBound: true,
    };
    const apiUrl = 'http://127.0.0.1:4173/demo-api/reports';
    const parsed = parseSessionBody({
      proxyToken: TOKEN,
      proxyTokenExpiresIn: 600,
      demo: { ...demo, apiUrl, clients: [...demo.clients, dpopClient] },
    });
    expect(parsed?.demo?.apiUrl).toBe(apiUrl);
    expect(parsed?.demo?.clients.map((client) => client.dpopBound)).toEqual([undefined, true]);
    expect(parsed?.demo?.clients[0]).not.toHaveProperty('dpopBound');
  });

  it('refuses a client whose method the page does not know', () => {
    const client = { ...demo.clients[0], authMethod: 'tls_client_auth' };
    expect(
      parseSessionBody({
        proxyToken: TOKEN,
        proxyTokenExpiresIn: 600,
        demo: { ...demo, clients: [client] },
      }),
    ).toBeUndefined();
  });

  it.each([
    ['no token', { proxyTokenExpiresIn: 600, demo: null }],
    ['no lifetime', { proxyToken: TOKEN, demo: null }],
    ['a lifetime in words', { proxyToken: TOKEN, proxyTokenExpiresIn: '600', demo: null }],
    ['a lifetime already over', { proxyToken: TOKEN, proxyTokenExpiresIn: 0, demo: null }],
    ['a short token', { proxyToken: 'abc', demo: null }],
    ['no demo field', { proxyToken: TOKEN, proxyTokenExpiresIn: 600 }],
    [
      'a demo server without clients',
      { proxyToken: TOKEN, proxyTokenExpiresIn: 600, demo: { ...demo, clients: [] } },
    ],
    [
      'a client without a secret',
      {
        proxyToken: TOKEN,
        proxyTokenExpiresIn: 600,
        demo: { ...demo, clients: [{ label: 'L', clientId: 'i', scope: '' }] },
      },
    ],
    [
      'a demo server without issuer',
      { proxyToken: TOKEN, proxyTokenExpiresIn: 600, demo: { ...demo, issuer: 1 } },
    ],
    [
      'a registration endpoint that is not a string',
      { proxyToken: TOKEN, proxyTokenExpiresIn: 600, demo: { ...demo, registrationEndpoint: 1 } },
    ],
    [
      'an API URL that is not a string',
      { proxyToken: TOKEN, proxyTokenExpiresIn: 600, demo: { ...demo, apiUrl: true } },
    ],
    [
      'a DPoP binding that is not true',
      {
        proxyToken: TOKEN,
        proxyTokenExpiresIn: 600,
        demo: { ...demo, clients: [{ ...demo.clients[0], dpopBound: 'yes' }] },
      },
    ],
    ...[
      ['a private key that is not an object', 'key'],
      ['a private key without kid', { kty: 'RSA', alg: 'RS256', d: 'D' }],
      [
        'a public key where the private one belongs',
        { kty: 'RSA', kid: 'k', alg: 'RS256', n: 'N', e: 'AQAB' },
      ],
      ['a private key member that is not a string', { kty: 'RSA', kid: 'k', alg: 'RS256', d: 1 }],
    ].map(([label, privateKeyJwk]): [string, unknown] => [
      String(label),
      {
        proxyToken: TOKEN,
        proxyTokenExpiresIn: 600,
        demo: {
          ...demo,
          clients: [{ label: 'K', clientId: 'k', clientSecret: '', scope: '', privateKeyJwk }],
        },
      },
    ]),
    ['not an object', 'session'],
    [
      'an unknown way of reading Basic credentials',
      { proxyToken: TOKEN, proxyTokenExpiresIn: 600, demo: { ...demo, basicCredentials: 'maybe' } },
    ],
    [
      'a malformed second demo server',
      { proxyToken: TOKEN, proxyTokenExpiresIn: 600, demo, demoRaw: { issuer: 1 } },
    ],
  ])('refuses %s', (_, json) => {
    expect(parseSessionBody(json)).toBeUndefined();
  });
});

describe('upstreamHeadersOf', () => {
  it('renames x-upstream-* back and leaves the proxy headers out', () => {
    const headers = upstreamHeadersOf(
      new Headers({
        'content-type': 'application/json',
        'x-upstream-www-authenticate': 'Basic realm="a"',
        'x-upstream-location': 'https://elsewhere.example/',
        'x-proxy-elapsed-ms': '12',
        'x-proxy-error': 'dns',
      }),
    );
    expect([...headers]).toEqual([
      ['content-type', 'application/json'],
      ['location', 'https://elsewhere.example/'],
      ['www-authenticate', 'Basic realm="a"'],
    ]);
  });
});
