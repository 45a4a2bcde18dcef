import {
  SignJWT,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRIVATE_JWK, demoPublicJwk } from '../../src/core/client-auth/demo-private-key.ts';
import { demoClients, demoKeyClient, demoSecretClients, demoSecretJwtClient } from './clients.ts';
import type { DemoAuthorizationServer } from './provider.ts';
import { listenDemo, type ListeningDemo } from './test-support/listening-demo.ts';

const [oktaStyle] = demoSecretClients;
if (!oktaStyle) throw new Error('a secret demo client expected');
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

let listening: ListeningDemo;
let demo: DemoAuthorizationServer;
let origin: string;
let demoKey: CryptoKey;

beforeAll(async () => {
  listening = await listenDemo();
  demo = listening.demo;
  origin = listening.origin;
  demoKey = (await importJWK({ ...DEMO_PRIVATE_JWK }, 'RS256')) as CryptoKey;
});

afterAll(async () => {
  await listening.close();
});

const now = () => Math.floor(Date.now() / 1000);

interface AssertionOptions {
  clientId?: string;
  aud?: string;
  iat?: number;
  exp?: number;
  nbf?: number;
  jti?: string;
  /** `null`: no kid, as for a secret (the client has one). */
  kid?: string | null;
  alg?: string;
  key?: CryptoKey | Uint8Array;
}

/** An RFC 7523 §3 client assertion, signed with the published demo key unless told otherwise. */
function assertion(options: AssertionOptions = {}): Promise<string> {
  const clientId = options.clientId ?? demoKeyClient.clientId;
  const iat = options.iat ?? now();
  const claims: Record<string, unknown> = {
    iss: clientId,
    sub: clientId,
    aud: options.aud ?? demo.info.tokenEndpoint,
    iat,
    exp: options.exp ?? iat + 300,
    jti: options.jti ?? crypto.randomUUID(),
    ...(options.nbf === undefined ? {} : { nbf: options.nbf }),
  };
  return new SignJWT(claims)
    .setProtectedHeader({
      alg: options.alg ?? 'RS256',
      typ: 'JWT',
      ...(options.kid === null ? {} : { kid: options.kid ?? DEMO_PRIVATE_JWK.kid }),
    })
    .sign(options.key ?? demoKey);
}

async function token(clientAssertion: string, extra: Record<string, string> = {}) {
  const response = await fetch(demo.info.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope: 'customScope',
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: clientAssertion,
      ...extra,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const refusedBecause = (detail: string) => ({
  status: 401,
  body: { error: 'invalid_client', error_description: `client authentication failed: ${detail}` },
});

describe('the published demo key', () => {
  it('has the RFC 7638 thumbprint as its kid, and its public half has no private member', async () => {
    const publicJwk = demoPublicJwk();
    expect(await calculateJwkThumbprint(publicJwk, 'sha256')).toBe(DEMO_PRIVATE_JWK.kid);
    expect(Object.keys(publicJwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });

  it('is handed to the page with the key client, and every client keeps a clientSecret string', () => {
    expect(demo.info.clients).toEqual(demoClients);
    expect(demo.info.clients.find((client) => client.privateKeyJwk)).toMatchObject({
      clientId: 'demo-private-key-jwt',
      clientSecret: '',
      privateKeyJwk: DEMO_PRIVATE_JWK,
    });
    // Pages from before private_key_jwt refuse a session whose clients lack a string secret.
    for (const client of demo.info.clients) expect(typeof client.clientSecret).toBe('string');
    expect(demo.info.registrationEndpoint).toBe(`${origin}/demo/reg`);
  });

  it('gets a token with an assertion naming the token endpoint as aud', async () => {
    const { status, body } = await token(await assertion());
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'customScope' });
  });

  it('is advertised in discovery: private_key_jwt with RS256 and ES256 (HS256 is for client_secret_jwt), and the registration endpoint', async () => {
    const metadata = (await (await fetch(demo.info.discoveryUrl)).json()) as Record<
      string,
      unknown
    >;
    expect(metadata.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
    expect(metadata.token_endpoint_auth_signing_alg_values_supported).toEqual([
      'HS256',
      'RS256',
      'ES256',
    ]);
    expect(metadata.registration_endpoint).toBe(`${origin}/demo/reg`);
  });
});

describe('what the demo server refuses in an assertion, in its own words', () => {
  it('the same assertion twice: the second is a replay', async () => {
    const once = await assertion();
    expect((await token(once)).status).toBe(200);
    expect(await token(once)).toEqual(
      refusedBecause('client assertion tokens must only be used once'),
    );
  });

  it('accepts the issuer as aud (RFC 7523 allows it; oidc-provider does), refuses any other URL', async () => {
    expect((await token(await assertion({ aud: demo.info.issuer }))).status).toBe(200);
    for (const aud of [
      `${demo.info.tokenEndpoint}/`,
      `${origin}/demo-raw/token`,
      'https://example.com/oauth2/v1/token',
    ])
      expect(await token(await assertion({ aud }))).toEqual(
        refusedBecause(
          'audience (aud) must equal the endpoint url, issuer identifier or token endpoint url',
        ),
      );
  });

  it('an expired assertion (beyond the 15 s clock tolerance)', async () => {
    expect(await token(await assertion({ iat: now() - 400, exp: now() - 60 }))).toEqual(
      refusedBecause('jwt expired'),
    );
  });

  it('nbf in the future is refused; iat in the future alone is not checked when exp is present', async () => {
    expect(await token(await assertion({ nbf: now() + 120 }))).toEqual(
      refusedBecause('jwt not active yet'),
    );
    expect((await token(await assertion({ iat: now() + 120 }))).status).toBe(200);
  });

  it('exp a day ahead is accepted here (Okta refuses more than an hour)', async () => {
    expect((await token(await assertion({ exp: now() + 86_400 }))).status).toBe(200);
  });

  it('another key under the demo kid: the signature does not verify', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expect(await token(await assertion({ key: privateKey }))).toEqual(
      refusedBecause('signature verification failed'),
    );
  });

  it('an unknown kid: no key of the client matches', async () => {
    expect(await token(await assertion({ kid: 'not-the-registered-key' }))).toEqual(
      refusedBecause('no applicable key found in the JSON Web Key Set'),
    );
  });

  it('HS256 (a shared secret) and alg none are refused', async () => {
    const hs = await assertion({ alg: 'HS256', key: new TextEncoder().encode('x'.repeat(32)) });
    expect(await token(hs)).toEqual(refusedBecause('alg mismatch'));
    const [header = '', payload = ''] = (await assertion()).split('.');
    const none = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(header, 'base64url').toString()), alg: 'none' })).toString('base64url')}.${payload}.`;
    expect(await token(none)).toEqual(refusedBecause('alg mismatch'));
  });

  it('a secret client sending an assertion: not its registered method', async () => {
    expect(await token(await assertion({ clientId: oktaStyle.clientId }))).toEqual(
      refusedBecause(
        'the provided authentication mechanism does not match the registered client authentication method',
      ),
    );
  });

  it('the key client sending a secret keeps the plain answer of secret requests', async () => {
    const response = await fetch(demo.info.tokenEndpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${demoKeyClient.clientId}:anything`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'customScope' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'invalid_client',
      error_description: 'client authentication failed',
    });
  });

  it('a client ID nobody registered', async () => {
    expect(await token(await assertion({ clientId: 'nobody' }))).toEqual(
      refusedBecause('client not found'),
    );
  });
});

describe('the demo client that signs with its secret (client_secret_jwt)', () => {
  const secretKey = (secret = demoSecretJwtClient.clientSecret) => new TextEncoder().encode(secret);
  const secretAssertion = (options: AssertionOptions = {}) =>
    assertion({
      clientId: demoSecretJwtClient.clientId,
      alg: 'HS256',
      kid: null,
      key: secretKey(),
      ...options,
    });

  it('gets a token with an HS256 assertion keyed by its secret, which never travels', async () => {
    const answer = await token(await secretAssertion());
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', scope: 'customScope' });
  });

  it('is advertised in discovery beside the other methods, with HS256', async () => {
    const metadata = (await (await fetch(demo.info.discoveryUrl)).json()) as Record<
      string,
      unknown
    >;
    expect(metadata.token_endpoint_auth_methods_supported).toContain('client_secret_jwt');
    expect(metadata.token_endpoint_auth_signing_alg_values_supported).toContain('HS256');
  });

  it('an assertion keyed by another secret: the signature does not verify', async () => {
    const wrong = await secretAssertion({
      key: secretKey('not-the-secret-of-this-client-0123456789'),
    });
    expect(await token(wrong)).toEqual(refusedBecause('signature verification failed'));
  });

  it('the secret itself, in the Basic header: not its registered method', async () => {
    const { clientId, clientSecret } = demoSecretJwtClient;
    const response = await fetch(demo.info.tokenEndpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'customScope' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'invalid_client',
      error_description: 'client authentication failed',
    });
  });

  it('a kid in its assertion: the secret is not a key of a key set', async () => {
    expect(await token(await secretAssertion({ kid: 'some-kid' }))).toEqual(
      refusedBecause('no applicable key found in the JSON Web Key Set'),
    );
  });

  it('an RS256 assertion for it, signed with a key: not its algorithm', async () => {
    expect(await token(await assertion({ clientId: demoSecretJwtClient.clientId }))).toEqual(
      refusedBecause('alg mismatch'),
    );
  });

  it('an HS256 assertion from a secret client registered for the Basic header', async () => {
    const basicClient = await assertion({
      clientId: oktaStyle.clientId,
      alg: 'HS256',
      key: secretKey(oktaStyle.clientSecret),
    });
    expect(await token(basicClient)).toEqual(
      refusedBecause(
        'the provided authentication mechanism does not match the registered client authentication method',
      ),
    );
  });

  it('the same assertion twice: the second is a replay', async () => {
    const once = await secretAssertion();
    expect((await token(once)).status).toBe(200);
    expect(await token(once)).toEqual(
      refusedBecause('client assertion tokens must only be used once'),
    );
  });
});

async function register(body: unknown) {
  const response = await fetch(`${origin}/demo/reg`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function newPublicJwk(alg: 'RS256' | 'ES256'): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  return { privateKey, jwk: { ...jwk, kid: await calculateJwkThumbprint(jwk), alg, use: 'sig' } };
}

/**
 * An RSA modulus (RFC 7518 §6.3.1.1) of `bytes` octets of 0xff after `lead`: its size is what
 * matters here, so no key is generated (a 65,536-bit one would take hours).
 */
const rsaModulus = (bytes: number, lead: number[] = []): string =>
  Buffer.concat([Buffer.from(lead), Buffer.alloc(bytes, 0xff)]).toString('base64url');

describe('dynamic client registration (RFC 7591) at /demo/reg', () => {
  it.each(['RS256', 'ES256'] as const)(
    'registers a fresh %s public key with nothing else said, and the new client gets a token',
    async (alg) => {
      const { privateKey, jwk } = await newPublicJwk(alg);
      const { status, body } = await register({ jwks: { keys: [jwk] } });
      expect(status).toBe(201);
      expect(body).toMatchObject({
        grant_types: ['client_credentials'],
        token_endpoint_auth_method: 'private_key_jwt',
        scope: 'customScope read:reports',
        jwks: { keys: [jwk] },
      });
      expect(body).not.toHaveProperty('client_secret');
      expect(body).not.toHaveProperty('registration_access_token');
      const clientId = String(body.client_id);
      const signed = await assertion({ clientId, alg, kid: String(jwk.kid), key: privateKey });
      expect((await token(signed)).status).toBe(200);
    },
  );

  it('accepts a name, a software_id, a signing alg and a known scope', async () => {
    const { jwk } = await newPublicJwk('ES256');
    const { status, body } = await register({
      client_name: 'my script',
      software_id: 'playground',
      token_endpoint_auth_signing_alg: 'ES256',
      scope: 'customScope',
      jwks: { keys: [jwk] },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      client_name: 'my script',
      software_id: 'playground',
      scope: 'customScope',
    });
  });

  it('accepts a 4,096-bit RSA key (the largest) with key_ops verify', async () => {
    const { status, body } = await register({
      jwks: { keys: [{ kty: 'RSA', n: rsaModulus(512), e: 'AQAB', key_ops: ['verify'] }] },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ token_endpoint_auth_method: 'private_key_jwt' });
  });

  it.each([
    [
      'a jwks_uri',
      // Alone: with jwks too, oidc-provider refuses the pair first.
      { jwks: undefined, jwks_uri: 'https://example.com/jwks' },
      'invalid_client_metadata',
      'jwks_uri is not accepted: this demo server never fetches URLs; send the public key inline as jwks',
    ],
    ['another grant', { grant_types: ['authorization_code'] }, 'invalid_client_metadata', null],
    [
      'a secret method',
      { token_endpoint_auth_method: 'client_secret_basic' },
      'invalid_client_metadata',
      'token_endpoint_auth_method must be private_key_jwt: registered clients sign assertions and get no secret',
    ],
    [
      'an unknown scope (oidc-provider refuses it first; the demo says what to ask for)',
      { scope: 'customScope admin' },
      'invalid_client_metadata',
      'scope admin is not a demo scope: ask for customScope and/or read:reports, or leave scope out for both',
    ],
    [
      'redirect URIs',
      { redirect_uris: ['https://example.com/cb'] },
      'invalid_redirect_uri',
      'redirect_uris must be empty: the client credentials grant has no browser and no redirect',
    ],
    [
      'a field the demo does not honour',
      { client_uri: 'https://example.com/' },
      'invalid_client_metadata',
      'client_uri is not accepted: this demo server registers only client-credentials clients that sign with a key (private_key_jwt)',
    ],
    [
      'an HMAC algorithm for ID tokens (which would need a secret)',
      { id_token_signed_response_alg: 'HS256' },
      'invalid_client_metadata',
      "id_token_signed_response_alg must be 'RS256'",
    ],
    [
      'HS256 for the assertion',
      { token_endpoint_auth_signing_alg: 'HS256' },
      'invalid_client_metadata',
      null,
    ],
  ])('refuses %s (RFC 7591 §3.2.2)', async (_label, extra, error, description) => {
    const { jwk } = await newPublicJwk('RS256');
    const { status, body } = await register({ jwks: { keys: [jwk] }, ...extra });
    expect(status).toBe(400);
    expect(body.error).toBe(error);
    if (description !== null) expect(body.error_description).toBe(description);
    else expect(typeof body.error_description).toBe('string');
  });

  it.each([
    ['no key', {}, 'jwks or jwks_uri is mandatory for this client'],
    [
      'an empty key set',
      { jwks: { keys: [] } },
      'jwks must hold at least one public key, in jwks.keys',
    ],
    [
      'a private key',
      'private',
      'jwks.keys[0] contains private key members (d, p, q, dp, dq, qi): register only the public key, and keep the private key to yourself',
    ],
    [
      'a symmetric key',
      { jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } },
      'jwks.keys[0] contains private key members (k): register only the public key, and keep the private key to yourself',
    ],
    [
      'an Ed25519 key',
      { jwks: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }] } },
      'jwks.keys[0]: this demo server accepts RSA (RS256) and EC P-256 (ES256) keys, not kty OKP',
    ],
    [
      'a P-384 key',
      { jwks: { keys: [{ kty: 'EC', crv: 'P-384', x: 'AA', y: 'AA' }] } },
      'jwks.keys[0]: an EC key must be on curve P-256 (ES256)',
    ],
    [
      'an RSA key marked ES256',
      { jwks: { keys: [{ ...demoPublicJwk(), alg: 'ES256' }] } },
      'jwks.keys[0]: a RSA key here signs with RS256, not ES256',
    ],
    [
      'a short RSA key',
      { jwks: { keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] } },
      'jwks.keys[0]: an RSA key must be at least 2048 bits long (RFC 7518 section 3.3)',
    ],
    [
      'an EC point off the curve',
      { jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'AQAB', y: 'AQAB' }] } },
      'jwks.keys[0] is not a valid EC public key',
    ],
    [
      'too many keys',
      { jwks: { keys: [demoPublicJwk(), demoPublicJwk(), demoPublicJwk(), demoPublicJwk()] } },
      'jwks may hold at most 3 keys here',
    ],
    [
      'a 40 KB member the JWK specification does not define',
      { jwks: { keys: [{ ...demoPublicJwk(), note: 'x'.repeat(40_000) }] } },
      'jwks.keys[0]: note is not a member of a public RSA key; remove it (accepted: kty, use, key_ops, alg, kid, n, e)',
    ],
    [
      'a member of another key type (an RSA modulus on an EC key)',
      { jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', n: 'AQAB' }] } },
      'jwks.keys[0]: n is not a member of a public EC key; remove it (accepted: kty, use, key_ops, alg, kid, crv, x, y)',
    ],
    [
      'an x5u (a certificate URL)',
      { jwks: { keys: [{ ...demoPublicJwk(), x5u: 'https://example.com/cert.pem' }] } },
      'jwks.keys[0] contains x5u: this demo server never fetches URLs; remove it and send the key itself inline',
    ],
    [
      'a jku (a key set URL)',
      { jwks: { keys: [{ ...demoPublicJwk(), jku: 'https://example.com/jwks' }] } },
      'jwks.keys[0] contains jku: this demo server never fetches URLs; remove it and send the key itself inline',
    ],
    [
      'a certificate chain and thumbprint',
      { jwks: { keys: [{ ...demoPublicJwk(), x5c: ['MIIB'], 'x5t#S256': 'AAAA' }] } },
      'jwks.keys[0] contains x5c, x5t#S256: this demo server checks no certificate; remove it and send the bare public key',
    ],
    [
      'a 65,536-bit RSA key',
      { jwks: { keys: [{ kty: 'RSA', n: rsaModulus(8192), e: 'AQAB' }] } },
      'jwks.keys[0]: an RSA key here may be at most 4096 bits long, not 65536; make a 2048, 3072 or 4096-bit key',
    ],
    [
      'a 4,097-bit RSA key (one bit over)',
      { jwks: { keys: [{ kty: 'RSA', n: rsaModulus(512, [0x01]), e: 'AQAB' }] } },
      'jwks.keys[0]: an RSA key here may be at most 4096 bits long, not 4097; make a 2048, 3072 or 4096-bit key',
    ],
    [
      'a 2,047-bit RSA key (one bit under), even with a leading zero octet',
      { jwks: { keys: [{ kty: 'RSA', n: rsaModulus(255, [0x00, 0x7f]), e: 'AQAB' }] } },
      'jwks.keys[0]: an RSA key must be at least 2048 bits long (RFC 7518 section 3.3)',
    ],
    [
      'key_ops other than verify',
      { jwks: { keys: [{ ...demoPublicJwk(), key_ops: ['verify', 'sign'] }] } },
      'jwks.keys[0]: key_ops must hold only verify, or be left out',
    ],
    [
      'a kid used as storage',
      { jwks: { keys: [{ ...demoPublicJwk(), kid: 'k'.repeat(201) }] } },
      'jwks.keys[0]: kid must be a string of at most 200 characters',
    ],
    [
      'a client_name used as storage',
      { jwks: { keys: [demoPublicJwk()] }, client_name: 'n'.repeat(40_000) },
      'client_name must be a string of at most 200 characters',
    ],
    [
      'the scope openid',
      { jwks: { keys: [demoPublicJwk()] }, scope: 'openid' },
      'scope openid is not a demo scope (openid identifies a user, and client credentials have none): ask for customScope and/or read:reports, or leave scope out for both',
    ],
    [
      'offline_access and openid beside a demo scope',
      { jwks: { keys: [demoPublicJwk()] }, scope: 'customScope offline_access openid' },
      'scope offline_access openid is not a demo scope (openid identifies a user, and client credentials have none): ask for customScope and/or read:reports, or leave scope out for both',
    ],
    [
      'a scope of spaces only',
      { jwks: { keys: [demoPublicJwk()] }, scope: '  ' },
      'scope must name at least one demo scope: ask for customScope and/or read:reports, or leave scope out for both',
    ],
    [
      'a 40 KB field name, quoted short',
      { jwks: { keys: [demoPublicJwk()] }, ['f'.repeat(40_000)]: 1 },
      `${'f'.repeat(40)}... is not accepted: this demo server registers only client-credentials clients that sign with a key (private_key_jwt)`,
    ],
  ])('refuses %s', async (_label, body, description) => {
    const request = body === 'private' ? { jwks: { keys: [DEMO_PRIVATE_JWK] } } : body;
    expect(await register(request)).toEqual({
      status: 400,
      body: { error: 'invalid_client_metadata', error_description: description },
    });
  });

  // A non-Latin-1 character in the header made Node throw: the answer was a 500 server_error.
  it('quotes a strange field name or kty without breaking the answer', async () => {
    expect(await register({ jwks: { keys: [demoPublicJwk()] }, '€"\\': 1 })).toEqual({
      status: 400,
      body: {
        error: 'invalid_client_metadata',
        error_description:
          '??? is not accepted: this demo server registers only client-credentials clients that sign with a key (private_key_jwt)',
      },
    });
    expect((await register({ jwks: { keys: [{ kty: '"€' }] } })).body.error_description).toBe(
      'jwks.keys[0]: this demo server accepts RSA (RS256) and EC P-256 (ES256) keys, not kty ??',
    );
  });

  it('forgets the oldest registration beyond 100: its client ID stops working', async () => {
    const { privateKey, jwk } = await newPublicJwk('ES256');
    const first = String((await register({ jwks: { keys: [jwk] } })).body.client_id);
    const signed = () =>
      assertion({ clientId: first, alg: 'ES256', kid: String(jwk.kid), key: privateKey });
    expect((await token(await signed())).status).toBe(200);
    for (let i = 0; i < 100; i += 1)
      expect((await register({ jwks: { keys: [jwk] } })).status).toBe(201);
    expect(await token(await signed())).toEqual(refusedBecause('client not found'));
  });
});

describe('audience and resource (RFC 8707) at the demo server', () => {
  const [okta] = demoSecretClients;
  async function secretToken(extra: Record<string, string>) {
    if (!okta) throw new Error('a secret demo client expected');
    const response = await fetch(demo.info.tokenEndpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${okta.clientId}:${okta.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'customScope',
        ...extra,
      }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const audOf = (body: Record<string, unknown>) =>
    JSON.parse(Buffer.from(String(body.access_token).split('.')[1] ?? '', 'base64url').toString())
      .aud as unknown;

  it('without either: api://playground', async () => {
    const { status, body } = await secretToken({});
    expect(status).toBe(200);
    expect(audOf(body)).toBe('api://playground');
  });

  it('audience=api://playground-reports becomes the aud, as resource= does', async () => {
    const byAudience = await secretToken({ audience: 'api://playground-reports' });
    expect(byAudience.status).toBe(200);
    expect(audOf(byAudience.body)).toBe('api://playground-reports');
    const byResource = await secretToken({ resource: 'api://playground-reports' });
    expect(audOf(byResource.body)).toBe('api://playground-reports');
  });

  it('an audience it does not know: invalid_target, naming its resources', async () => {
    expect(await secretToken({ audience: 'https://api.example.com' })).toEqual({
      status: 400,
      body: {
        error: 'invalid_target',
        error_description:
          'the resources of this demo server are api://playground and api://playground-reports',
      },
    });
  });
});
