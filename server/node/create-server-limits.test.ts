import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClients } from '../demo-as/clients.ts';
import type { ProxyErrorBody } from '../proxy/errors.ts';
import type { SessionBody } from '../proxy/session.ts';
import { httpRequest, type HttpAnswer, type HttpRequestOptions } from '../../e2e/support/http.ts';
import { startPlaygroundServer, type PlaygroundServer } from './create-server.ts';

const [demoClient] = demoClients;
if (!demoClient) throw new Error('a demo client expected');

let root: string;
let playground: PlaygroundServer;
let proxyToken: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'playground-limits-'));
  const dist = path.join(root, 'dist');
  await mkdir(dist, { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Playground</title>');
  playground = await startPlaygroundServer({
    host: '127.0.0.1',
    port: 0,
    distDir: dist,
    // A short proxy deadline so the slow-body case is quick; Node's own limits stay the defaults.
    proxy: { timeoutMs: 1_000 },
  });
  const session = (await (await fetch(`${playground.origin}/api/session`)).json()) as SessionBody;
  proxyToken = session.proxyToken;
});

afterAll(async () => {
  await playground?.close();
  await rm(root, { recursive: true, force: true });
});

/** One request through `agent` (keep-alive: the next request reuses the connection). */
const send = (agent: Agent, init: Omit<HttpRequestOptions, 'agent'>): Promise<HttpAnswer> =>
  httpRequest(playground.origin, { ...init, agent });

function proxyErrorCode(answer: HttpAnswer): string {
  return (JSON.parse(answer.body) as ProxyErrorBody).proxyError.code;
}

describe('a request body over the limit', () => {
  const oversize = Buffer.alloc(16 * 1024 + 1, 'a');

  it.each([
    ['Content-Length', [oversize], { 'content-length': String(oversize.byteLength) }],
    ['chunked', [oversize.subarray(0, 8000), oversize.subarray(8000)], {}],
  ] as const)(
    'sent with %s gets 413, and the same connection answers the next request',
    async (_framing, chunks, framing) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const refused = await send(agent, {
          method: 'POST',
          path: '/api/proxy',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-proxy-token': proxyToken,
            'x-proxy-target': playground.demo.tokenEndpoint,
            ...framing,
          },
          body: [...chunks],
        });
        expect(refused.status).toBe(413);
        expect(proxyErrorCode(refused)).toBe('request_too_large');

        const next = await send(agent, { path: '/' });
        expect(next.status).toBe(200);
        expect(next.reusedSocket).toBe(true);
        expect(next.body).toContain('<title>Playground</title>');

        const session = await send(agent, { path: '/api/session' });
        expect(session.status).toBe(200);
      } finally {
        agent.destroy();
      }
    },
  );
});

/** Sends raw bytes, then waits: resolves with everything the server sent before closing. */
function rawExchange(bytes: string, waitMs: number): Promise<string> {
  const { port } = new URL(playground.origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.setEncoding('utf8');
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within ${waitMs} ms; got: ${received.slice(0, 80)}`));
    }, waitMs);
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.includes('"proxyError"') && received.trimEnd().endsWith('0')) {
        clearTimeout(timer);
        socket.destroy();
        resolve(received);
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on('error', reject);
  });
}

describe('a client that sends its body too slowly', () => {
  it('gets a JSON request_timeout within the proxy deadline, not a plain-text 408 minutes later', async () => {
    const started = Date.now();
    const answer = await rawExchange(
      `POST /api/proxy HTTP/1.1\r\nHost: ${new URL(playground.origin).host}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n` +
        `X-Proxy-Target: ${playground.demo.tokenEndpoint}\r\nX-Proxy-Token: ${proxyToken}\r\n\r\n` +
        'grant_type=',
      5_000,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect(answer).toMatch(/content-type: application\/json/i);
    expect(answer).toContain('"code":"request_timeout"');
  });

  it('runs on explicit Node limits, not Node defaults', () => {
    expect(playground.server.headersTimeout).toBe(10_000);
    expect(playground.server.requestTimeout).toBe(20_000);
    expect(playground.server.keepAliveTimeout).toBe(5_000);
  });
});

describe('the Host guard', () => {
  const agent = () => new Agent({ keepAlive: false });
  const port = () => new URL(playground.origin).port;

  it.each(['/', '/api/session', '/demo/.well-known/openid-configuration', '/demo/jwks'])(
    'refuses %s under a foreign Host, or a Host with a trailing dot, with 403 unknown_host',
    async (pathname) => {
      for (const host of [
        `evil.example:${port()}`,
        `127.0.0.1:${port()}.`,
        `127.0.0.1.:${port()}`,
        '127.0.0.1',
      ]) {
        const answer = await send(agent(), { path: pathname, headers: { host } });
        expect(answer.status, host).toBe(403);
        expect(proxyErrorCode(answer)).toBe('unknown_host');
      }
    },
  );

  it('issues no demo token under a foreign Host', async () => {
    const body = Buffer.from('grant_type=client_credentials&scope=customScope');
    const answer = await send(agent(), {
      method: 'POST',
      path: '/demo/token',
      headers: {
        host: `evil.example:${port()}`,
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(body.byteLength),
        authorization: `Basic ${Buffer.from(`${demoClient.clientId}:${demoClient.clientSecret}`).toString('base64')}`,
      },
      body: [body],
    });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('access_token');
    // The same request under our own name does get a token: the refusal is the Host's doing.
    const own = await send(agent(), {
      method: 'POST',
      path: '/demo/token',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(body.byteLength),
        authorization: `Basic ${Buffer.from(`${demoClient.clientId}:${demoClient.clientSecret}`).toString('base64')}`,
      },
      body: [body],
    });
    expect(own.status).toBe(200);
  });

  it('still answers under its own names', async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, `LOCALHOST:${port()}`]) {
      const answer = await send(agent(), { path: '/demo/jwks', headers: { host } });
      expect(answer.status, host).toBe(200);
    }
  });
});

describe('the per-client rate limit on the Node host', () => {
  it('counts calls by socket address and answers 429 with Retry-After past the limit', async () => {
    const limited = await startPlaygroundServer({
      host: '127.0.0.1',
      port: 0,
      distDir: root,
      proxy: { rateLimit: { limit: 2, windowMs: 60_000 } },
    });
    try {
      const session = (await (await fetch(`${limited.origin}/api/session`)).json()) as SessionBody;
      const call = () =>
        fetch(`${limited.origin}/api/proxy`, {
          headers: {
            'x-proxy-token': session.proxyToken,
            'x-proxy-target': limited.demo.discoveryUrl,
          },
        });
      expect((await call()).status).toBe(200);
      expect((await call()).status).toBe(200);
      const refused = await call();
      expect(refused.status).toBe(429);
      // The first call leaves the 60 s window a minute after it was made, less the time since.
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(59);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(((await refused.json()) as ProxyErrorBody).proxyError.code).toBe('rate_limited');
      // The page's own session and the demo server are not proxy calls: still answered.
      expect((await fetch(`${limited.origin}/api/session`)).status).toBe(200);
      expect((await fetch(limited.demo.jwksUri)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
