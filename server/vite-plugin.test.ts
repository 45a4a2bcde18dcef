import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { demoClients } from './demo-as/clients.ts';

// `npm run dev` must offer the same proxy and demo server as `npm start`: start the real Vite dev
// server from vite.config.ts and get a token from the demo server through the proxy.

let server: ViteDevServer;
let origin: string;

beforeAll(async () => {
  server = await createServer({
    configFile: new URL('../vite.config.ts', import.meta.url).pathname,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    logLevel: 'silent',
  });
  await server.listen();
  origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
}, 30_000);

afterAll(async () => {
  await server?.close();
});

describe('the Vite plugin (npm run dev)', () => {
  it('serves the session, and the proxy reaches the built-in demo server', async () => {
    const session = await fetch(`${origin}/api/session`, {
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(session.status).toBe(200);
    expect(session.headers.get('cache-control')).toBe('no-store');
    const { proxyToken, demo } = (await session.json()) as {
      proxyToken: string;
      demo: { tokenEndpoint: string; issuer: string };
    };
    expect(demo.issuer).toBe(`${origin}/demo`);

    const client = demoClients[0]!;
    const response = await fetch(`${origin}/api/proxy`, {
      method: 'POST',
      headers: {
        'sec-fetch-site': 'same-origin',
        origin,
        'x-proxy-token': proxyToken,
        'x-proxy-target': demo.tokenEndpoint,
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials&scope=customScope',
    });
    expect(response.status).toBe(200);
    const token = (await response.json()) as { access_token: string; token_type: string };
    expect(token.token_type).toBe('Bearer');
    expect(token.access_token.split('.')).toHaveLength(3);
  });

  it('mounts the raw demo server under /demo-raw too', async () => {
    const session = await fetch(`${origin}/api/session`, {
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    const { demoRaw } = (await session.json()) as { demoRaw: { tokenEndpoint: string } };
    expect(demoRaw.tokenEndpoint).toBe(`${origin}/demo-raw/token`);
    const metadata = await fetch(`${origin}/demo-raw/.well-known/oauth-authorization-server`);
    expect(((await metadata.json()) as { token_endpoint: string }).token_endpoint).toBe(
      demoRaw.tokenEndpoint,
    );
  });

  it('mounts the demo API under /demo-api, named in the session', async () => {
    const session = await fetch(`${origin}/api/session`, {
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    const { demo } = (await session.json()) as { demo: { apiUrl: string } };
    expect(demo.apiUrl).toBe(`${origin}/demo-api/reports`);
    const answer = await fetch(demo.apiUrl);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="demo-api", DPoP /);
  });

  it('refuses a proxy call without the per-process token', async () => {
    const response = await fetch(`${origin}/api/proxy`, {
      method: 'POST',
      headers: {
        'x-proxy-target': `${origin}/demo/token`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-proxy-error')).toBe('proxy_token');
  });
});
