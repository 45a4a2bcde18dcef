import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  SignJWT,
  calculateJwkThumbprint,
  createRemoteJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClients, demoSecretClients } from '../demo-as/clients.ts';
import type { ProxyErrorBody } from '../proxy/errors.ts';
import type { ProxyLogEntry } from '../proxy/proxy-core.ts';
import { parseSessionBody } from '../../src/core/proxy/proxy-protocol.ts';
import type { SessionBody } from '../proxy/session.ts';
import { startPlaygroundServer, type PlaygroundServer } from './create-server.ts';

const [oktaStyle, special] = demoClients;
if (!oktaStyle || !special) throw new Error('two demo clients expected');

/**
 * RFC 6749 §2.3.1 / Appendix B encodings of the special client's credentials, written out by
 * hand (not computed by the code under test): `+`→%2B `/`→%2F `:`→%3A `%`→%25 `&`→%26 space→`+`.
 */
const SPECIAL_SECRET_FORM_ENCODED = 's3cr3t%2B%2F%3A%252B%26+with+space';

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`, 'utf8').toString('base64')}`;

let root: string;
let playground: PlaygroundServer;
const logs: ProxyLogEntry[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'playground-test-'));
  const dist = path.join(root, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Playground</title>');
  await writeFile(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(path.join(root, 'outside.txt'), 'must not be served');
  playground = await startPlaygroundServer({
    host: '127.0.0.1',
    port: 0,
    distDir: dist,
    onLog: (entry) => logs.push(entry),
  });
});

afterAll(async () => {
  await playground?.close();
  await rm(root, { recursive: true, force: true });
});

/** A raw request, for what fetch would normalise away (dot segments, Host, lying Content-Length). */
function raw(
  pathname: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const { port } = new URL(playground.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function tokenRequest(init: {
  authorization?: string;
  body: Record<string, string>;
}): Promise<Response> {
  return fetch(playground.demo.tokenEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      ...(init.authorization ? { authorization: init.authorization } : {}),
    },
    body: new URLSearchParams(init.body),
  });
}

async function verifyAccessToken(token: string) {
  const jwks = createRemoteJWKSet(new URL(playground.demo.jwksUri));
  return jwtVerify(token, jwks, {
    issuer: playground.demo.issuer,
    audience: 'api://playground',
    typ: 'at+jwt',
    algorithms: ['RS256'],
  });
}

describe('the standalone server', () => {
  it('serves index.html with no-cache and the security headers', async () => {
    const response = await fetch(`${playground.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Playground</title>');
  });

  it('serves hashed assets as immutable', async () => {
    const response = await fetch(`${playground.origin}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('revalidates with ETag', async () => {
    const first = await fetch(`${playground.origin}/`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await fetch(`${playground.origin}/`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('answers 404 for unknown files and 405 for other methods', async () => {
    expect((await fetch(`${playground.origin}/nothing.js`)).status).toBe(404);
    expect((await fetch(`${playground.origin}/assets`)).status).toBe(404);
    expect((await fetch(`${playground.origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it.each([
    '/../outside.txt',
    '/%2e%2e/outside.txt',
    '/assets/..%2F..%2Foutside.txt',
    '/..%5coutside.txt',
  ])('cannot be walked out of dist/ with %s', async (pathname) => {
    const response = await raw(pathname);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('must not be served');
  });

  it('gives the page its session: proxy token and demo server', async () => {
    const response = await fetch(`${playground.origin}/api/session`, {
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const session = (await response.json()) as SessionBody;
    expect(session.proxyToken).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
    expect(session.demo).toEqual({
      issuer: `${playground.origin}/demo`,
      tokenEndpoint: `${playground.origin}/demo/token`,
      discoveryUrl: `${playground.origin}/demo/.well-known/openid-configuration`,
      jwksUri: `${playground.origin}/demo/jwks`,
      registrationEndpoint: `${playground.origin}/demo/reg`,
      clients: demoClients,
      basicCredentials: 'form-decoded',
      apiUrl: `${playground.origin}/demo-api/reports`,
    });
    expect(session.demoRaw).toEqual({
      issuer: `${playground.origin}/demo-raw`,
      tokenEndpoint: `${playground.origin}/demo-raw/token`,
      discoveryUrl: `${playground.origin}/demo-raw/.well-known/oauth-authorization-server`,
      jwksUri: `${playground.origin}/demo-raw/jwks`,
      clients: demoSecretClients,
      basicCredentials: 'raw',
    });
    // The page's own reader takes it whole, the key client with its private JWK included.
    expect(
      parseSessionBody(session)?.demo?.clients.find((client) => client.privateKeyJwk)?.privateKeyJwk
        ?.kid,
    ).toBe('VyCe-zpt22HQ01F5_y-RjdAMsMmOgMiA31prYpZ6ZF4');
  });

  it('refuses the API under a foreign Host (DNS rebinding)', async () => {
    const { port } = new URL(playground.origin);
    const response = await raw('/api/session', { host: `attacker.example:${port}` });
    expect(response.status).toBe(403);
    expect((JSON.parse(response.body) as ProxyErrorBody).proxyError.code).toBe('unknown_host');
  });

  it('also answers as localhost when listening on loopback', async () => {
    const { port } = new URL(playground.origin);
    const response = await raw('/api/session', {
      host: `localhost:${port}`,
      origin: `http://localhost:${port}`,
    });
    expect(response.status).toBe(200);
  });

  it('refuses a declared oversize body at once, before it is sent', async () => {
    const session = (await (await fetch(`${playground.origin}/api/session`)).json()) as SessionBody;
    // Headers only: a 100 000-byte body is announced and never sent. Only the Content-Length
    // check can answer; counting streamed bytes would wait for ever.
    const statusLine = await firstLineOfAnswer(
      `POST /api/proxy HTTP/1.1\r\nHost: ${new URL(playground.origin).host}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n` +
        `X-Proxy-Target: ${playground.demo.tokenEndpoint}\r\nX-Proxy-Token: ${session.proxyToken}\r\n\r\n`,
    );
    expect(statusLine).toBe('HTTP/1.1 413 Payload Too Large');
  });
});

/** Sends raw bytes and resolves with the status line of the answer, failing after 3 s of silence. */
function firstLineOfAnswer(bytes: string): Promise<string> {
  const { port } = new URL(playground.origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.setEncoding('utf8');
    socket.setTimeout(3000, () => {
      socket.destroy();
      reject(new Error('no answer within 3 s'));
    });
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.includes('\r\n')) {
        socket.destroy();
        resolve(received.split('\r\n')[0] ?? '');
      }
    });
    socket.on('error', reject);
  });
}

describe('the demo authorization server', () => {
  it('publishes discovery and JWKS under /demo', async () => {
    const discovery = (await (await fetch(playground.demo.discoveryUrl)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.issuer).toBe(`${playground.origin}/demo`);
    expect(discovery.token_endpoint).toBe(`${playground.origin}/demo/token`);
    expect(discovery.jwks_uri).toBe(`${playground.origin}/demo/jwks`);
    expect(discovery.token_endpoint_auth_methods_supported).toEqual([
      'client_secret_basic',
      'client_secret_post',
      'client_secret_jwt',
      'private_key_jwt',
    ]);
    expect(discovery.grant_types_supported).toContain('client_credentials');
    expect(discovery.scopes_supported).toEqual(
      expect.arrayContaining(['customScope', 'read:reports']),
    );
    const jwks = (await (await fetch(playground.demo.jwksUri)).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('issues a one-hour RS256 JWT (at+jwt) with client_secret_basic', async () => {
    const response = await tokenRequest({
      authorization: basic(oktaStyle.clientId, oktaStyle.clientSecret),
      body: { grant_type: 'client_credentials', scope: 'customScope' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as {
      access_token: string;
      token_type: string;
      expires_in: number;
      scope: string;
    };
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3600);
    expect(body.scope).toBe('customScope');
    const { payload, protectedHeader } = await verifyAccessToken(body.access_token);
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    expect(payload).toMatchObject({
      scope: 'customScope',
      client_id: oktaStyle.clientId,
      sub: oktaStyle.clientId,
    });
  });

  it('accepts client_secret_post from the same client', async () => {
    const response = await tokenRequest({
      body: {
        grant_type: 'client_credentials',
        client_id: oktaStyle.clientId,
        client_secret: oktaStyle.clientSecret,
        scope: 'customScope read:reports',
      },
    });
    expect(response.status).toBe(200);
    const { access_token: token } = (await response.json()) as { access_token: string };
    expect((await verifyAccessToken(token)).payload.scope).toBe('customScope read:reports');
  });

  it('still issues a JWT when no scope (and no resource) is requested', async () => {
    const response = await tokenRequest({
      authorization: basic(oktaStyle.clientId, oktaStyle.clientSecret),
      body: { grant_type: 'client_credentials' },
    });
    expect(response.status).toBe(200);
    const { access_token: token } = (await response.json()) as { access_token: string };
    expect(decodeProtectedHeader(token).typ).toBe('at+jwt');
  });

  it('accepts the special client form-encoded in Basic (RFC 6749 §2.3.1)', async () => {
    const response = await tokenRequest({
      authorization: basic(special.clientId, SPECIAL_SECRET_FORM_ENCODED),
      body: { grant_type: 'client_credentials', scope: 'customScope' },
    });
    expect(response.status).toBe(200);
    const { access_token: token } = (await response.json()) as { access_token: string };
    expect((await verifyAccessToken(token)).payload.client_id).toBe('demo-special');
  });

  it('refuses the special client sent raw in Basic with 401 invalid_client', async () => {
    const response = await tokenRequest({
      authorization: basic(special.clientId, special.clientSecret),
      body: { grant_type: 'client_credentials', scope: 'customScope' },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic .*error="invalid_client"/);
  });

  it('accepts the special client with client_secret_post (the body is form-encoded anyway)', async () => {
    const response = await tokenRequest({
      body: {
        grant_type: 'client_credentials',
        client_id: special.clientId,
        client_secret: special.clientSecret,
        scope: 'customScope',
      },
    });
    expect(response.status).toBe(200);
  });

  it('answers a wrong secret with 401 invalid_client and WWW-Authenticate', async () => {
    const response = await tokenRequest({
      authorization: basic(oktaStyle.clientId, 'wrong-secret'),
      body: { grant_type: 'client_credentials', scope: 'customScope' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('www-authenticate')).toMatch(
      /^Basic realm=".*\/demo", error="invalid_client"/,
    );
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('answers an unknown scope with 400 invalid_scope', async () => {
    const response = await tokenRequest({
      authorization: basic(oktaStyle.clientId, oktaStyle.clientSecret),
      body: { grant_type: 'client_credentials', scope: 'customScope nonsense' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_scope');
    expect(body.error_description).toContain('nonsense');
  });

  it('answers a scope the client may not request, and openid, with invalid_scope', async () => {
    const notAllowed = await tokenRequest({
      body: {
        grant_type: 'client_credentials',
        client_id: special.clientId,
        client_secret: special.clientSecret,
        scope: 'read:reports',
      },
    });
    expect(notAllowed.status).toBe(400);
    expect(((await notAllowed.json()) as { error: string }).error).toBe('invalid_scope');
    const openid = await tokenRequest({
      authorization: basic(oktaStyle.clientId, oktaStyle.clientSecret),
      body: { grant_type: 'client_credentials', scope: 'openid customScope' },
    });
    expect(openid.status).toBe(400);
    expect(((await openid.json()) as { error: string }).error).toBe('invalid_scope');
  });

  it('refuses a token request carrying a browser Origin, as Okta does', async () => {
    const response = await fetch(playground.demo.tokenEndpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(oktaStyle.clientId, oktaStyle.clientSecret),
        origin: 'https://docs.example.com',
      },
      body: 'grant_type=client_credentials&scope=customScope',
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
  });
});

describe('the proxy in front of the demo server', () => {
  async function session(): Promise<SessionBody> {
    return (await (
      await fetch(`${playground.origin}/api/session`, {
        headers: { 'sec-fetch-site': 'same-origin' },
      })
    ).json()) as SessionBody;
  }

  it('gets a token from the demo server through /api/proxy', async () => {
    const { proxyToken, demo } = await session();
    logs.length = 0;
    const response = await fetch(`${playground.origin}/api/proxy`, {
      method: 'POST',
      headers: {
        'x-proxy-token': proxyToken,
        'x-proxy-target': demo?.tokenEndpoint ?? '',
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(oktaStyle.clientId, oktaStyle.clientSecret),
        'sec-fetch-site': 'same-origin',
        origin: playground.origin,
      },
      body: 'grant_type=client_credentials&scope=customScope',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-proxy-elapsed-ms')).toMatch(/^\d+$/);
    const { access_token: token } = (await response.json()) as { access_token: string };
    await verifyAccessToken(token);
    expect(logs).toEqual([
      expect.objectContaining({
        method: 'POST',
        targetHost: new URL(playground.origin).host,
        status: 200,
      }),
    ]);
  });

  it('reaches the raw demo server through /api/proxy: the special secret works raw there', async () => {
    const { proxyToken, demoRaw } = await session();
    const response = await fetch(`${playground.origin}/api/proxy`, {
      method: 'POST',
      headers: {
        'x-proxy-token': proxyToken,
        'x-proxy-target': demoRaw?.tokenEndpoint ?? '',
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(special.clientId, special.clientSecret),
        'sec-fetch-site': 'same-origin',
        origin: playground.origin,
      },
      body: 'grant_type=client_credentials&scope=customScope',
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { token_type: string }).token_type).toBe('Bearer');
  });

  it('registers a key with the demo server through /api/proxy (JSON), then that key gets a token', async () => {
    const { proxyToken, demo } = await session();
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const viaProxy = (target: string, contentType: string, body: string) =>
      fetch(`${playground.origin}/api/proxy`, {
        method: 'POST',
        headers: {
          'x-proxy-token': proxyToken,
          'x-proxy-target': target,
          'content-type': contentType,
          'sec-fetch-site': 'same-origin',
          origin: playground.origin,
        },
        body,
      });
    const registered = await viaProxy(
      demo?.registrationEndpoint ?? '',
      'application/json',
      JSON.stringify({ jwks: { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] } }),
    );
    expect(registered.status).toBe(201);
    const { client_id: clientId } = (await registered.json()) as { client_id: string };
    const assertion = await new SignJWT({ jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(demo?.tokenEndpoint ?? '')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const response = await viaProxy(
      demo?.tokenEndpoint ?? '',
      'application/x-www-form-urlencoded',
      new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'customScope',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }).toString(),
    );
    expect(response.status).toBe(200);
    // The answer's Date header reaches the page: the explanations of clock skew use it.
    expect(response.headers.get('date')).toMatch(/GMT$/);
  });

  it('fetches the discovery document through GET /api/proxy', async () => {
    const { proxyToken, demo } = await session();
    const response = await fetch(`${playground.origin}/api/proxy`, {
      headers: {
        'x-proxy-token': proxyToken,
        'x-proxy-target': demo?.discoveryUrl ?? '',
        accept: 'application/json',
      },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { issuer: string }).issuer).toBe(demo?.issuer);
  });

  it('refuses other paths of this server, and other loopback targets', async () => {
    const { proxyToken } = await session();
    for (const target of [
      `${playground.origin}/api/session`,
      `${playground.origin}/`,
      'http://127.0.0.1:9/demo/token',
    ]) {
      const response = await fetch(`${playground.origin}/api/proxy`, {
        headers: { 'x-proxy-token': proxyToken, 'x-proxy-target': target },
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as ProxyErrorBody).proxyError.code).toBe('target_forbidden');
    }
  });
});

describe('FRAME_ANCESTORS', () => {
  it('limits which sites may embed the page, in the HTML responses only', async () => {
    const limited = await startPlaygroundServer({
      host: '127.0.0.1',
      port: 0,
      distDir: path.join(root, 'dist'),
      frameAncestors: ['https://docs.example.com'],
    });
    try {
      const html = await fetch(`${limited.origin}/`);
      expect(html.headers.get('content-security-policy')).toMatch(
        /; frame-ancestors https:\/\/docs\.example\.com$/,
      );
      await html.body?.cancel();
      // The default server (no FRAME_ANCESTORS) lets any site embed it: decision 014.
      const open = await fetch(`${playground.origin}/`);
      expect(open.headers.get('content-security-policy')).not.toContain('frame-ancestors');
      await open.body?.cancel();
    } finally {
      await limited.close();
    }
  });
});
