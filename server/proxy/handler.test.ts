import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findCommand } from '../../src/core/test-support/shell.ts';
import { createSsrfGuard, type SsrfGuard } from '../node/ssrf-guard.ts';
import { parseAllowedHosts } from './allowed-hosts.ts';
import type { ProxyErrorBody, ProxyErrorCode } from './errors.ts';
import { createProxyHandler, type ProxyHandlerOptions } from './handler.ts';
import type { ProxyLogEntry } from './proxy-core.ts';
import { createProxyTokens } from './proxy-token.ts';
import type { SessionBody } from './session.ts';

// A fixed clock: every session in this file hands out the same token, which the tests reuse.
const proxyTokens = createProxyTokens({
  secret: 'handler-test-secret-0123456789abcdefghijk',
  now: () => Date.UTC(2026, 0, 1),
});
const SELF = 'http://playground.test';

/** What the in-process upstream saw of the last request. */
interface Seen {
  method: string;
  url: string;
  headerNames: string[];
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let upstream: Server;
let upstreamOrigin: string;
let seen: Seen[] = [];
let redirectTargetHits = 0;
let guard: SsrfGuard;

function route(req: IncomingMessage, res: ServerResponse, body: string): void {
  const path = (req.url ?? '/').split('?')[0];
  switch (path) {
    case '/echo':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true }));
      return;
    case '/token-error':
      res.writeHead(401, {
        'content-type': 'application/json;charset=UTF-8',
        'cache-control': 'no-store',
        pragma: 'no-cache',
        'www-authenticate': 'Basic realm="test", error="invalid_client"',
        'set-cookie': 'session=upstream; Path=/',
        'access-control-allow-origin': '*',
        'x-okta-request-id': 'req-123',
        'x-powered-by': 'upstream',
      });
      res.end('{"error":"invalid_client"}');
      return;
    case '/dpop-challenge':
      res.writeHead(401, {
        'www-authenticate': 'DPoP error="use_dpop_nonce", algs="ES256"',
        'dpop-nonce': 'n-1',
      });
      res.end();
      return;
    case '/redirect':
      res.writeHead(302, { location: `${upstreamOrigin}/redirect-target` });
      res.end();
      return;
    case '/redirect-target':
      redirectTargetHits++;
      res.writeHead(200);
      res.end('followed');
      return;
    case '/no-content':
      res.writeHead(204);
      res.end();
      return;
    case '/big-chunked': {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 97);
      for (let i = 0; i < 17; i++) res.write(chunk); // 1 088 KiB > 1 MiB, no Content-Length
      res.end();
      return;
    }
    case '/big-declared':
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(2 * 1024 * 1024),
      });
      res.write('{');
      return; // never finishes: the proxy must refuse on the header alone
    case '/slow':
      return; // never answers
    default:
      res.writeHead(404);
      res.end(body);
  }
}

let PROXY_TOKEN = '';

beforeAll(async () => {
  PROXY_TOKEN = (await proxyTokens.issue(SELF)).token;
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headerNames = req.rawHeaders
        .filter((_, i) => i % 2 === 0)
        .map((name) => name.toLowerCase());
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headerNames,
        headers: req.headers,
        body,
      });
      route(req, res, body);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  // The real Node guard and pinned fetch, with the in-process upstream allowed as an operator would.
  guard = createSsrfGuard({
    allowedHosts: parseAllowedHosts('127.0.0.1, allowed.test'),
    resolve: async (hostname) => {
      if (hostname === 'allowed.test') return [{ address: '127.0.0.1', family: 4 }];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    },
  });
});

afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
  await guard.close();
});

beforeEach(() => {
  seen = [];
  redirectTargetHits = 0;
});

function handler(overrides: Partial<ProxyHandlerOptions> = {}) {
  return createProxyHandler({
    proxyTokens,
    upstream: guard.upstream,
    isTargetAllowed: guard.isTargetAllowed,
    selfOrigins: [SELF],
    ...overrides,
  });
}

function proxyRequest(
  target: string | undefined,
  init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {},
): Request {
  const headers: Record<string, string> = { 'x-proxy-token': PROXY_TOKEN, ...init.headers };
  if (target !== undefined) headers['x-proxy-target'] = target;
  return new Request(`${SELF}/api/proxy`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
}

async function expectProxyError(
  response: Response,
  status: number,
  code: ProxyErrorCode,
): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('x-proxy-error')).toBe(code);
  const body = (await response.json()) as ProxyErrorBody;
  expect(body.proxyError.code).toBe(code);
  expect(body.proxyError.message).toMatch(/\S.*[.:)]/);
  expect(body.proxyError.message).not.toContain(PROXY_TOKEN);
  return body.proxyError.message;
}

describe('forwarding', () => {
  it('sends upstream only authorization, content-type, accept, dpop (plus user-agent and transport headers)', async () => {
    const body = 'grant_type=client_credentials&scope=customScope';
    const response = await handler()(
      proxyRequest(`${upstreamOrigin}/echo`, {
        headers: {
          authorization: 'Basic dGVzdDp0ZXN0',
          accept: 'application/json',
          dpop: 'eyJ0eXAiOiJkcG9wK2p3dCJ9.e30.c2ln',
          origin: SELF,
          referer: `${SELF}/?clientId=x`,
          cookie: 'a=b',
          'sec-fetch-site': 'same-origin',
          'sec-fetch-mode': 'cors',
          'sec-fetch-dest': 'empty',
          'x-forwarded-for': '203.0.113.9',
          'x-custom': 'nope',
        },
        body,
      }),
    );
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/echo');
    expect(new Set(request?.headerNames)).toEqual(
      new Set([
        'host',
        'connection',
        'content-length',
        'authorization',
        'content-type',
        'accept',
        'dpop',
        'user-agent',
      ]),
    );
    expect(request?.headers.authorization).toBe('Basic dGVzdDp0ZXN0');
    expect(request?.headers.dpop).toBe('eyJ0eXAiOiJkcG9wK2p3dCJ9.e30.c2ln');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.body).toBe(body);
  });

  it('relays status, body and only the allowlisted response headers', async () => {
    const response = await handler()(
      proxyRequest(`${upstreamOrigin}/token-error`, { body: 'grant_type=client_credentials' }),
    );
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('{"error":"invalid_client"}');
    // Renamed: a browser would open its own login dialog for WWW-Authenticate: Basic.
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(response.headers.get('x-upstream-www-authenticate')).toBe(
      'Basic realm="test", error="invalid_client"',
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    expect(response.headers.get('x-okta-request-id')).toBe('req-123');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-proxy-error')).toBeNull();
    expect(response.headers.get('x-proxy-elapsed-ms')).toMatch(/^\d+$/);
  });

  it('answers 200 with the real status in X-Proxy-Status when the page asks (relayed and own answers)', async () => {
    const relayed = await handler()(
      proxyRequest(`${upstreamOrigin}/token-error`, {
        headers: { 'x-proxy-status-in-header': '1' },
        body: 'grant_type=client_credentials',
      }),
    );
    expect(relayed.status).toBe(200);
    expect(relayed.headers.get('x-proxy-status')).toBe('401');
    expect(await relayed.text()).toBe('{"error":"invalid_client"}');
    const refused = await handler()(
      proxyRequest(undefined, { headers: { 'x-proxy-status-in-header': '1' } }),
    );
    expect(refused.status).toBe(200);
    expect(refused.headers.get('x-proxy-status')).toBe('400');
    expect(refused.headers.get('x-proxy-error')).toBe('missing_target');
    // Without the header, the status is the answer's own.
    const plain = await handler()(proxyRequest(undefined));
    expect(plain.headers.get('x-proxy-status')).toBeNull();
    await expectProxyError(plain, 400, 'missing_target');
  });

  it('relays a GET (discovery, JWKS) without a body', async () => {
    const response = await handler()(
      proxyRequest(`${upstreamOrigin}/echo`, {
        method: 'GET',
        headers: { accept: 'application/json' },
      }),
    );
    expect(response.status).toBe(200);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headerNames).not.toContain('content-length');
  });

  it('carries Authorization: DPoP and the DPoP proof of a GET to an API (RFC 9449 §7.1)', async () => {
    const response = await handler()(
      proxyRequest(`${upstreamOrigin}/echo`, {
        method: 'GET',
        headers: { authorization: 'DPoP eyJhbGciOiJSUzI1NiJ9.e30.c2ln', dpop: 'proof.jwt.sig' },
      }),
    );
    expect(response.status).toBe(200);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.authorization).toBe('DPoP eyJhbGciOiJSUzI1NiJ9.e30.c2ln');
    expect(seen[0]?.headers.dpop).toBe('proof.jwt.sig');
  });

  it('relays DPoP-Nonce and a DPoP challenge (renamed) from the upstream', async () => {
    const response = await handler()(
      proxyRequest(`${upstreamOrigin}/dpop-challenge`, { method: 'GET' }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('dpop-nonce')).toBe('n-1');
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(response.headers.get('x-upstream-www-authenticate')).toBe(
      'DPoP error="use_dpop_nonce", algs="ES256"',
    );
  });

  it('returns a redirect as-is, with its Location, without following it', async () => {
    const response = await handler()(
      proxyRequest(`${upstreamOrigin}/redirect`, { body: 'grant_type=client_credentials' }),
    );
    expect(response.status).toBe(302);
    // Renamed: fetch would follow a Location from the page itself.
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('x-upstream-location')).toBe(`${upstreamOrigin}/redirect-target`);
    expect(redirectTargetHits).toBe(0);
  });

  it('relays a 204 with no body', async () => {
    const response = await handler()(
      proxyRequest(`${upstreamOrigin}/no-content`, { method: 'GET' }),
    );
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('logs method, host, status and time only', async () => {
    const entries: ProxyLogEntry[] = [];
    await handler({ onLog: (entry) => entries.push(entry) })(
      proxyRequest(`${upstreamOrigin}/echo`, {
        headers: { authorization: 'Basic c2VjcmV0' },
        body: 'client_secret=hunter2',
      }),
    );
    expect(entries).toHaveLength(1);
    expect(Object.keys(entries[0] ?? {}).sort()).toEqual([
      'elapsedMs',
      'method',
      'status',
      'targetHost',
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/hunter2|c2VjcmV0|echo/);
  });
});

describe('limits', () => {
  it('refuses a declared Content-Length above 16 KiB with 413, without calling upstream', async () => {
    const response = await handler()(
      proxyRequest(`${upstreamOrigin}/echo`, { body: 'a'.repeat(16 * 1024 + 1) }),
    );
    await expectProxyError(response, 413, 'request_too_large');
    expect(seen).toHaveLength(0);
  });

  it('counts streamed bytes when no Content-Length is declared', async () => {
    const chunk = new TextEncoder().encode('a'.repeat(4096));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new Request(`${SELF}/api/proxy`, {
      method: 'POST',
      headers: {
        'x-proxy-token': PROXY_TOKEN,
        'x-proxy-target': `${upstreamOrigin}/echo`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    await expectProxyError(await handler()(request), 413, 'request_too_large');
    expect(seen).toHaveLength(0);
  });

  it('accepts a body of exactly the limit', async () => {
    const response = await handler({ maxRequestBytes: 100 })(
      proxyRequest(`${upstreamOrigin}/echo`, { body: 'a'.repeat(100) }),
    );
    expect(response.status).toBe(200);
  });

  it('answers 502 when the upstream streams more than 1 MiB', async () => {
    await expectProxyError(
      await handler()(proxyRequest(`${upstreamOrigin}/big-chunked`, { method: 'GET' })),
      502,
      'response_too_large',
    );
  });

  it('answers 502 at once when the upstream declares more than 1 MiB', async () => {
    await expectProxyError(
      await handler()(proxyRequest(`${upstreamOrigin}/big-declared`, { method: 'GET' })),
      502,
      'response_too_large',
    );
  });

  it('answers 504 when the upstream does not answer in time', async () => {
    const started = Date.now();
    const message = await expectProxyError(
      await handler({ timeoutMs: 200 })(
        proxyRequest(`${upstreamOrigin}/slow`, { body: 'grant_type=client_credentials' }),
      ),
      504,
      'timeout',
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(message).toContain('0.2 s');
  });
});

describe('deadlines and disconnects', () => {
  it('answers 408 request_timeout when the request body does not arrive within the deadline', async () => {
    // One byte, then silence: the body read must be inside the deadline.
    const trickle = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('g'));
      },
    });
    const request = new Request(`${SELF}/api/proxy`, {
      method: 'POST',
      headers: {
        'x-proxy-token': PROXY_TOKEN,
        'x-proxy-target': `${upstreamOrigin}/echo`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: trickle,
      duplex: 'half',
    } as RequestInit);
    const started = Date.now();
    const message = await expectProxyError(
      await handler({ timeoutMs: 200 })(request),
      408,
      'request_timeout',
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(message).toContain('0.2 s');
    expect(seen).toHaveLength(0);
  });

  it('logs a client that goes away as client_closed, not as an upstream failure', async () => {
    const logs: ProxyLogEntry[] = [];
    const client = new AbortController();
    const request = new Request(`${SELF}/api/proxy`, {
      method: 'GET',
      headers: { 'x-proxy-token': PROXY_TOKEN, 'x-proxy-target': `${upstreamOrigin}/slow` },
      signal: client.signal,
    });
    const answer = handler({ onLog: (entry) => logs.push(entry) })(request);
    setTimeout(() => client.abort(), 100);
    await answer;
    expect(logs).toEqual([
      expect.objectContaining({ method: 'GET', status: 499, errorCode: 'client_closed' }),
    ]);
  });
});

describe('who may call, and how often', () => {
  it('never lets a cross-site HTML form POST reach an upstream', async () => {
    // What <form method=post action=http://127.0.0.1:4173/api/proxy> on another site sends: a
    // simple request, no custom header (so no X-Proxy-Token, no X-Proxy-Target).
    const variants: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      { origin: 'https://evil.example' },
      {},
    ];
    for (const headers of variants) {
      const response = await handler()(
        new Request(`${SELF}/api/proxy`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: `x=${encodeURIComponent(`${upstreamOrigin}/echo`)}`,
        }),
      );
      expect(response.status).toBe(403);
    }
    expect(seen).toHaveLength(0);
  });

  it('answers 429 rate_limited with Retry-After past the per-client limit', async () => {
    const now = () => 1_000_000;
    const limited = handler({ rateLimit: { limit: 2, windowMs: 60_000 }, now });
    const call = (clientId: string) =>
      limited(proxyRequest(`${upstreamOrigin}/echo`, { method: 'GET' }), clientId);
    expect((await call('198.51.100.7')).status).toBe(200);
    expect((await call('198.51.100.7')).status).toBe(200);
    const refused = await call('198.51.100.7');
    // The clock stands still: the first call leaves the 60 s window in 60 s.
    expect(refused.headers.get('retry-after')).toBe('60');
    const message = await expectProxyError(refused, 429, 'rate_limited');
    expect(message).toContain('at most 2 per 60 s. Try again in 60 s.');
    expect((await call('198.51.100.8')).status).toBe(200);
    expect(seen).toHaveLength(3);
  });

  it('answers 503 busy with Retry-After when too many upstream calls are in flight', async () => {
    const capped = handler({ maxConcurrentUpstream: 1, timeoutMs: 300 });
    const first = capped(proxyRequest(`${upstreamOrigin}/slow`, { method: 'GET' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await capped(proxyRequest(`${upstreamOrigin}/echo`, { method: 'GET' }));
    expect(second.headers.get('retry-after')).toBe('1');
    await expectProxyError(second, 503, 'busy');
    await expectProxyError(await first, 504, 'timeout');
    // The slot is free again.
    expect((await capped(proxyRequest(`${upstreamOrigin}/echo`, { method: 'GET' }))).status).toBe(
      200,
    );
  });
});

describe('logs', () => {
  it('writes one entry per /api/proxy call, refusals included, and never a secret', async () => {
    const logs: ProxyLogEntry[] = [];
    const logged = handler({ onLog: (entry) => logs.push(entry) });
    const secret = 'S3cr3t-in-every-place';
    const target = `${upstreamOrigin}/echo?client_secret=${secret}`;
    const calls = [
      proxyRequest(target, {
        headers: { authorization: `Basic ${btoa(`id:${secret}`)}` },
        body: `grant_type=client_credentials&client_secret=${secret}`,
      }),
      proxyRequest(target, { headers: { 'x-proxy-token': secret }, body: secret }),
      proxyRequest(target, { body: secret.repeat(2000) }),
      proxyRequest(`https://no-such-host.invalid/?code=${secret}`, { method: 'GET' }),
    ];
    for (const request of calls) await logged(request);
    expect(logs.map((entry) => [entry.status, entry.errorCode])).toEqual([
      [200, undefined],
      [403, 'proxy_token'],
      [413, 'request_too_large'],
      [502, 'dns'],
    ]);
    expect(JSON.stringify(logs).toLowerCase()).not.toContain('s3cr3t');
    for (const entry of logs)
      expect(Object.keys(entry).sort()).toEqual(
        ['elapsedMs', 'errorCode', 'method', 'status', 'targetHost'].filter(
          (key) => key !== 'errorCode' || entry.errorCode !== undefined,
        ),
      );
  });
});

describe('caller checks', () => {
  it('refuses a missing or wrong X-Proxy-Token with 403, never echoing a token', async () => {
    const missing = new Request(`${SELF}/api/proxy`, {
      method: 'GET',
      headers: { 'x-proxy-target': `${upstreamOrigin}/echo` },
    });
    await expectProxyError(await handler()(missing), 403, 'proxy_token');
    const wrong = proxyRequest(`${upstreamOrigin}/echo`, {
      method: 'GET',
      headers: { 'x-proxy-token': 'guess-123' },
    });
    const message = await expectProxyError(await handler()(wrong), 403, 'proxy_token');
    expect(message).not.toContain('guess-123');
    expect(seen).toHaveLength(0);
  });

  it('refuses a token signed for another origin, and an expired one, saying which', async () => {
    const elsewhere = (await proxyTokens.issue('https://elsewhere.example')).token;
    const foreign = proxyRequest(`${upstreamOrigin}/echo`, {
      method: 'GET',
      headers: { 'x-proxy-token': elsewhere },
    });
    expect(await expectProxyError(await handler()(foreign), 403, 'proxy_token')).toMatch(
      /not issued by this server for this address/,
    );
    const lateClock = createProxyTokens({
      secret: 'handler-test-secret-0123456789abcdefghijk',
      now: () => Date.UTC(2026, 0, 1) + 3_600_000,
    });
    const late = proxyRequest(`${upstreamOrigin}/echo`, { method: 'GET' });
    expect(
      await expectProxyError(await handler({ proxyTokens: lateClock })(late), 403, 'proxy_token'),
    ).toMatch(/has expired/);
    expect(seen).toHaveLength(0);
  });

  it('refuses a foreign Origin', async () => {
    const request = proxyRequest(`${upstreamOrigin}/echo`, {
      method: 'GET',
      headers: { origin: 'https://evil.example' },
    });
    await expectProxyError(await handler()(request), 403, 'cross_origin');
  });

  it('refuses Sec-Fetch-Site other than same-origin', async () => {
    for (const site of ['cross-site', 'same-site', 'none']) {
      const request = proxyRequest(`${upstreamOrigin}/echo`, {
        method: 'GET',
        headers: { 'sec-fetch-site': site },
      });
      await expectProxyError(await handler()(request), 403, 'cross_origin');
    }
    expect(seen).toHaveLength(0);
  });

  it('refuses a request that reached us under a foreign Host (DNS rebinding)', async () => {
    const request = new Request('http://rebound.attacker.example/api/session', {
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    await expectProxyError(await handler()(request), 403, 'unknown_host');
  });

  it('without selfOrigins, takes the request URL origin as its own', async () => {
    const open = handler({ selfOrigins: undefined });
    const ok = new Request('http://localhost:5173/api/session', {
      headers: { origin: 'http://localhost:5173' },
    });
    expect((await open(ok)).status).toBe(200);
    const foreign = new Request('http://localhost:5173/api/session', {
      headers: { origin: 'http://localhost:3000' },
    });
    await expectProxyError(await open(foreign), 403, 'cross_origin');
  });
});

describe('request validation', () => {
  it('answers 400 for a missing target', async () => {
    await expectProxyError(
      await handler()(proxyRequest(undefined, { method: 'GET' })),
      400,
      'missing_target',
    );
  });

  it.each([
    ['relative', '/oauth2/default/v1/token'],
    ['not http(s)', 'ftp://example.com/token'],
    ['javascript', 'javascript:alert(1)'],
    ['userinfo', 'https://user:pass@example.com/token'],
    ['garbage', 'https://exa mple.com/'],
  ])('answers 400 for a %s target', async (_name, target) => {
    await expectProxyError(
      await handler()(proxyRequest(target, { method: 'GET' })),
      400,
      'invalid_target',
    );
  });

  it('answers 405 with Allow for another method', async () => {
    const response = await handler()(
      proxyRequest(`${upstreamOrigin}/echo`, { method: 'PUT', body: 'x' }),
    );
    await expectProxyError(response, 405, 'method_not_allowed');
    expect(response.headers.get('allow')).toBe('GET, POST');
  });

  it('answers 404 for an unknown /api route', async () => {
    await expectProxyError(await handler()(new Request(`${SELF}/api/nothing`)), 404, 'not_found');
  });

  it('answers 415 for a POST body that is neither form nor JSON', async () => {
    const request = proxyRequest(`${upstreamOrigin}/echo`, {
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    await expectProxyError(await handler()(request), 415, 'unsupported_media_type');
  });
});

describe('target policy and network failures', () => {
  it('answers 403 target_forbidden with the policy reason, before any connection', async () => {
    const request = proxyRequest('http://10.1.2.3/token', {
      body: 'grant_type=client_credentials',
    });
    const message = await expectProxyError(await handler()(request), 403, 'target_forbidden');
    expect(message).toContain('10.1.2.3');
  });

  it('answers 502 dns when the name does not resolve', async () => {
    const request = proxyRequest('https://no-such-host.test/token', {
      body: 'grant_type=client_credentials',
    });
    const message = await expectProxyError(await handler()(request), 502, 'dns');
    expect(message).toContain('no-such-host.test');
  });

  it('answers 502 connection_refused when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const request = proxyRequest(`http://127.0.0.1:${port}/token`, {
      body: 'grant_type=client_credentials',
    });
    await expectProxyError(await handler()(request), 502, 'connection_refused');
  });

  it('answers 502 tls_protocol, not a certificate problem, for https to a plain-http port', async () => {
    const port = new URL(upstreamOrigin).port;
    const request = proxyRequest(`https://127.0.0.1:${port}/token`, {
      body: 'grant_type=client_credentials',
    });
    const message = await expectProxyError(await handler()(request), 502, 'tls_protocol');
    expect(message).toContain('does not speak TLS');
    expect(message).not.toMatch(/certificate/i);
  });

  const hasOpenssl =
    findCommand(
      'openssl',
      'handler.test.ts: openssl is not installed; the untrusted-certificate test is SKIPPED.',
    ) !== undefined;
  it.skipIf(!hasOpenssl)('answers 502 tls for a certificate nobody trusts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'proxy-tls-'));
    try {
      const made = spawnSync('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=allowed.test',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ]);
      expect(made.status).toBe(0);
      const tlsServer = createHttpsServer(
        {
          key: readFileSync(path.join(dir, 'key.pem')),
          cert: readFileSync(path.join(dir, 'cert.pem')),
        },
        (_req, res) => res.end('should not be reached'),
      );
      await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
      const { port } = tlsServer.address() as AddressInfo;
      const request = proxyRequest(`https://allowed.test:${port}/token`, {
        body: 'grant_type=client_credentials',
      });
      const message = await expectProxyError(await handler()(request), 502, 'tls');
      expect(message).toContain('its certificate is self-signed');
      await new Promise<void>((resolve) => tlsServer.close(() => resolve()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reaches a host allowed by name through the address the guard vetted', async () => {
    const port = new URL(upstreamOrigin).port;
    const response = await handler()(
      proxyRequest(`http://allowed.test:${port}/echo`, { method: 'GET' }),
    );
    expect(response.status).toBe(200);
    expect(seen[0]?.headers.host).toBe(`allowed.test:${port}`);
  });
});

describe('GET /api/session', () => {
  it('returns the proxy token and demo info, not cacheable', async () => {
    const demo = {
      issuer: 'http://x/demo',
      tokenEndpoint: 'http://x/demo/token',
      discoveryUrl: 'd',
      jwksUri: 'j',
      clients: [],
    };
    const response = await handler({ demo })(
      new Request(`${SELF}/api/session`, { headers: { 'sec-fetch-site': 'same-origin' } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as SessionBody;
    expect(body.proxyToken).toBe(PROXY_TOKEN);
    expect(body.proxyTokenExpiresIn).toBe(600);
    expect(body.demo).toEqual(demo);
  });

  it('reports demo: null when no demo server is hosted', async () => {
    const body = (await (
      await handler()(new Request(`${SELF}/api/session`))
    ).json()) as SessionBody;
    expect(body.demo).toBeNull();
  });

  it('refuses cross-site callers and foreign origins', async () => {
    const crossSite = new Request(`${SELF}/api/session`, {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    await expectProxyError(await handler()(crossSite), 403, 'cross_origin');
    const foreign = new Request(`${SELF}/api/session`, {
      headers: { origin: 'https://evil.example' },
    });
    await expectProxyError(await handler()(foreign), 403, 'cross_origin');
  });

  it('answers 405 to POST', async () => {
    await expectProxyError(
      await handler()(new Request(`${SELF}/api/session`, { method: 'POST' })),
      405,
      'method_not_allowed',
    );
  });
});
