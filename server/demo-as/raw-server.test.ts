import { createServer, type Server } from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClients, demoKeyClient, demoSecretClients } from './clients.ts';
import { createRawDemoAuthorizationServer, type RawDemoAuthorizationServer } from './raw-server.ts';

const [oktaStyle, special] = demoClients;
if (!oktaStyle || !special) throw new Error('two demo clients expected');

// RFC 6749 Appendix B form-encoding of the special secret, written out by hand.
const SPECIAL_SECRET_FORM_ENCODED = 's3cr3t%2B%2F%3A%252B%26+with+space';

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`, 'utf8').toString('base64')}`;

let server: Server;
let demo: RawDemoAuthorizationServer;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    // Mounted under /demo-raw as the hosts do: the listener sees the rest of the path.
    req.url = (req.url ?? '/').slice('/demo-raw'.length) || '/';
    void demo.callback(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  demo = await createRawDemoAuthorizationServer(origin);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function token(init: { authorization?: string; body: Record<string, string> }) {
  return fetch(demo.info.tokenEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(init.authorization ? { authorization: init.authorization } : {}),
    },
    body: new URLSearchParams(init.body),
  });
}

describe('the raw demo server (@node-oauth/oauth2-server under /demo-raw)', () => {
  it('describes itself as reading Basic credentials raw, with the secret clients of /demo', () => {
    expect(demo.info).toMatchObject({
      issuer: `${origin}/demo-raw`,
      tokenEndpoint: `${origin}/demo-raw/token`,
      basicCredentials: 'raw',
      clients: demoSecretClients,
    });
    expect(demo.info.registrationEndpoint).toBeUndefined();
    expect(demoClients).toContain(demoKeyClient);
    expect(demo.info.clients).not.toContain(demoKeyClient);
  });

  it('refuses a client assertion (private_key_jwt) plainly, pointing at /demo', async () => {
    // Any JWT-shaped value: the refusal comes before anything reads it.
    const response = await token({
      body: {
        grant_type: 'client_credentials',
        scope: 'customScope',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJkZW1vLXByaXZhdGUta2V5LWp3dCJ9.c2ln',
      },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'invalid_client',
      error_description:
        'This server (/demo-raw) accepts client secrets only (client_secret_basic, client_secret_post), not client assertions (private_key_jwt): send it to /demo.',
    });
  });

  it('issues a signed JWT access token for the Okta-style client in the Basic header', async () => {
    const response = await token({
      authorization: basic(oktaStyle.clientId, oktaStyle.clientSecret),
      body: { grant_type: 'client_credentials', scope: 'customScope' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'customScope' });
    expect(body.expires_in).toBeGreaterThan(3500);
    const jwks = (await (await fetch(demo.info.jwksUri)).json()) as Parameters<
      typeof createLocalJWKSet
    >[0];
    const { payload, protectedHeader } = await jwtVerify(
      String(body.access_token),
      createLocalJWKSet(jwks),
      { issuer: `${origin}/demo-raw`, audience: 'api://playground' },
    );
    expect(protectedHeader.typ).toBe('at+jwt');
    expect(payload.client_id).toBe(oktaStyle.clientId);
  });

  it('takes the special secret raw in the Basic header and refuses it form-encoded', async () => {
    const raw = await token({
      authorization: basic(special.clientId, special.clientSecret),
      body: { grant_type: 'client_credentials', scope: 'customScope' },
    });
    expect(raw.status).toBe(200);
    const form = await token({
      authorization: basic(special.clientId, SPECIAL_SECRET_FORM_ENCODED),
      body: { grant_type: 'client_credentials', scope: 'customScope' },
    });
    expect(form.status).toBe(401);
    expect(form.headers.get('www-authenticate')).toBe('Basic realm="Service"');
    expect(await form.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('takes client_secret_post', async () => {
    const response = await token({
      body: {
        grant_type: 'client_credentials',
        scope: 'customScope',
        client_id: special.clientId,
        client_secret: special.clientSecret,
      },
    });
    expect(response.status).toBe(200);
  });

  it('refuses a secret outside VSCHAR in every method (RFC 6749 Appendix A)', async () => {
    const response = await token({
      authorization: basic(oktaStyle.clientId, '123£'),
      body: { grant_type: 'client_credentials', scope: 'customScope' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it.each([
    ['an unknown scope', 'nope', 'invalid_scope'],
    ['no scope', '', 'invalid_scope'],
  ])('refuses %s', async (_name, scope, error) => {
    const response = await token({
      authorization: basic(oktaStyle.clientId, oktaStyle.clientSecret),
      body: { grant_type: 'client_credentials', ...(scope ? { scope } : {}) },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error });
  });

  it('answers malformed requests with JSON errors, never a crash', async () => {
    const get = await fetch(demo.info.tokenEndpoint);
    expect(get.status).toBe(400);
    expect(await get.json()).toMatchObject({ error: 'invalid_request' });
    const json = await fetch(demo.info.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(400);
    const big = await fetch(demo.info.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a'.repeat(70_000),
    });
    expect(big.status).toBe(413);
    const metadata = (await (await fetch(demo.info.discoveryUrl)).json()) as Record<
      string,
      unknown
    >;
    expect(metadata.token_endpoint).toBe(demo.info.tokenEndpoint);
    expect((await fetch(`${origin}/demo-raw/elsewhere`)).status).toBe(404);
  });
});
