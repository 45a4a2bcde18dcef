import { SignJWT, importJWK, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRIVATE_JWK } from '../../src/core/client-auth/demo-private-key.ts';
import { demoKeyClient, demoSecretClients, demoSecretJwtClient } from './clients.ts';
import type { DemoAuthorizationServer } from './provider.ts';
import { listenDemo, type ListeningDemo } from './test-support/listening-demo.ts';

// Introspection (RFC 7662) and revocation (RFC 7009) of the demo server's JWT access tokens,
// against the real oidc-provider, with every client authentication method it accepts.

const [oktaStyle, other] = demoSecretClients;
if (!oktaStyle || !other) throw new Error('two secret demo clients expected');
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

let listening: ListeningDemo;
let demo: DemoAuthorizationServer;
let demoKey: CryptoKey;
let metadata: Record<string, unknown>;

beforeAll(async () => {
  listening = await listenDemo();
  demo = listening.demo;
  demoKey = (await importJWK({ ...DEMO_PRIVATE_JWK }, 'RS256')) as CryptoKey;
  metadata = (await (await fetch(demo.info.discoveryUrl)).json()) as Record<string, unknown>;
});

afterAll(async () => {
  await listening.close();
});

type Authenticate = (audience: string) => Promise<{ headers: HeadersInit; fields: string[][] }>;

function basic(clientId: string, secret: string): Authenticate {
  // oidc-provider form-decodes Basic credentials (RFC 6749 §2.3.1).
  const credentials = Buffer.from(
    `${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`,
  ).toString('base64');
  return async () => ({ headers: { authorization: `Basic ${credentials}` }, fields: [] });
}

function signed(
  clientId: string,
  alg: 'HS256' | 'RS256',
  key: CryptoKey | Uint8Array,
): Authenticate {
  return async (audience) => {
    const now = Math.floor(Date.now() / 1000);
    const clientAssertion = await new SignJWT({ jti: crypto.randomUUID() })
      .setProtectedHeader({ alg, ...(alg === 'RS256' ? { kid: DEMO_PRIVATE_JWK.kid } : {}) })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(key);
    return {
      headers: {},
      fields: [
        ['client_id', clientId],
        ['client_assertion_type', ASSERTION_TYPE],
        ['client_assertion', clientAssertion],
      ],
    };
  };
}

const METHODS: ReadonlyArray<readonly [name: string, authenticate: () => Authenticate]> = [
  ['client_secret_basic', () => basic(oktaStyle.clientId, oktaStyle.clientSecret)],
  [
    'client_secret_post',
    () => async () => ({
      headers: {},
      fields: [
        ['client_id', oktaStyle.clientId],
        ['client_secret', oktaStyle.clientSecret],
      ],
    }),
  ],
  [
    'client_secret_jwt',
    () =>
      signed(
        demoSecretJwtClient.clientId,
        'HS256',
        new TextEncoder().encode(demoSecretJwtClient.clientSecret),
      ),
  ],
  ['private_key_jwt', () => signed(demoKeyClient.clientId, 'RS256', demoKey)],
];

async function post(url: string, authenticate: Authenticate, fields: string[][]) {
  // Okta wants the endpoint called as the assertion's aud; oidc-provider accepts it too.
  const auth = await authenticate(url);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth.headers },
    body: new URLSearchParams([...fields, ...auth.fields]),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: text === '' ? null : (JSON.parse(text) as unknown),
  };
}

const endpoint = (member: string) => {
  const url = metadata[member];
  if (typeof url !== 'string') throw new Error(`discovery lists no ${member}`);
  return url;
};

async function issue(authenticate: Authenticate) {
  const answer = await post(demo.info.tokenEndpoint, authenticate, [
    ['grant_type', 'client_credentials'],
    ['scope', 'customScope'],
  ]);
  expect(answer.status).toBe(200);
  return (answer.json as { access_token: string }).access_token;
}

const tokenFields = (token: string) => [
  ['token', token],
  ['token_type_hint', 'access_token'],
];

describe('discovery', () => {
  it('advertises the introspection and revocation endpoints below the issuer', () => {
    expect(metadata).toMatchObject({
      introspection_endpoint: `${demo.info.issuer}/token/introspection`,
      revocation_endpoint: `${demo.info.issuer}/token/revocation`,
    });
  });
});

describe.each(METHODS)('a JWT access token, with %s', (_name, method) => {
  it('is active, then revoked, then inactive', async () => {
    const authenticate = method();
    const token = await issue(authenticate);
    const [, payload = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;

    const active = await post(endpoint('introspection_endpoint'), authenticate, tokenFields(token));
    expect(active.status).toBe(200);
    expect(active.json).toMatchObject({
      active: true,
      client_id: claims.client_id,
      scope: 'customScope',
      token_type: 'Bearer',
      iss: demo.info.issuer,
      aud: 'api://playground',
      jti: claims.jti,
      exp: claims.exp,
      iat: claims.iat,
    });

    const revoked = await post(endpoint('revocation_endpoint'), authenticate, tokenFields(token));
    expect(revoked).toMatchObject({ status: 200, text: '' });

    const inactive = await post(
      endpoint('introspection_endpoint'),
      authenticate,
      tokenFields(token),
    );
    expect(inactive).toMatchObject({ status: 200, json: { active: false } });
  });
});

describe('what the endpoints refuse', () => {
  it('a wrong secret: 401 invalid_client, at both endpoints', async () => {
    const wrong = basic(oktaStyle.clientId, `${oktaStyle.clientSecret}x`);
    for (const member of ['introspection_endpoint', 'revocation_endpoint']) {
      const answer = await post(endpoint(member), wrong, tokenFields('anything'));
      expect(answer).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    }
  });

  it('no token parameter: 400 invalid_request', async () => {
    const answer = await post(
      endpoint('introspection_endpoint'),
      basic(oktaStyle.clientId, oktaStyle.clientSecret),
      [],
    );
    expect(answer).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
  });

  it('a forged JWT that names a real jti is not found', async () => {
    const authenticate = basic(oktaStyle.clientId, oktaStyle.clientSecret);
    const token = await issue(authenticate);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(342)}`;
    const answer = await post(
      endpoint('introspection_endpoint'),
      authenticate,
      tokenFields(forged),
    );
    expect(answer.json).toEqual({ active: false });
  });

  it("another client may introspect a token, but not revoke it (RFC 7009 §2.1: the client's own)", async () => {
    const token = await issue(basic(oktaStyle.clientId, oktaStyle.clientSecret));
    const otherClient = basic(other.clientId, other.clientSecret);
    const seen = await post(endpoint('introspection_endpoint'), otherClient, tokenFields(token));
    expect(seen.json).toMatchObject({ active: true });
    const revoked = await post(endpoint('revocation_endpoint'), otherClient, tokenFields(token));
    expect(revoked).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
  });

  it('an opaque-looking token nobody issued is simply inactive, and revoking it succeeds (RFC 7009 §2.2)', async () => {
    const authenticate = basic(oktaStyle.clientId, oktaStyle.clientSecret);
    const seen = await post(endpoint('introspection_endpoint'), authenticate, tokenFields('nope'));
    expect(seen.json).toEqual({ active: false });
    const revoked = await post(endpoint('revocation_endpoint'), authenticate, tokenFields('nope'));
    expect(revoked.status).toBe(200);
  });

  it("the demo API's own client introspects another client's token with its per-process secret, and gets no token itself", async () => {
    const { clientId, clientSecret, introspectionPath } = demo.resourceServer;
    expect(endpoint('introspection_endpoint')).toBe(
      `${new URL(demo.info.issuer).origin}${introspectionPath}`,
    );
    const resourceServer = basic(clientId, clientSecret);
    const token = await issue(basic(oktaStyle.clientId, oktaStyle.clientSecret));
    const seen = await post(endpoint('introspection_endpoint'), resourceServer, tokenFields(token));
    expect(seen.json).toMatchObject({ active: true, client_id: oktaStyle.clientId });
    const ownToken = await post(demo.info.tokenEndpoint, resourceServer, [
      ['grant_type', 'client_credentials'],
    ]);
    expect(ownToken).toMatchObject({
      status: 400,
      json: {
        error: 'invalid_request',
        error_description: 'requested grant type is not allowed for this client',
      },
    });
    expect(demo.info.clients.map((client) => client.clientId)).not.toContain(clientId);
  });
});
