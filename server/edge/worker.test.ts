import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProxyTokens } from '../proxy/proxy-token.ts';
import { contentSecurityPolicy, inlineStyleHashes } from '../web/security-headers.ts';
import worker, { type AssetsBinding, type EdgeEnv } from './worker.ts';

const ORIGIN = 'https://playground.example.com';
const SECRET = 'worker-test-secret-0123456789abcdefghijk';

const STYLED_PAGE = '<!doctype html><style>body{margin:0}</style>';

/** A stand-in for the Workers assets binding: three files, 404 for anything else. */
const assets: AssetsBinding = {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    const html = { headers: { 'content-type': 'text/html' } };
    if (pathname === '/index.html') return new Response('<!doctype html>', html);
    if (pathname === '/styled.html')
      return new Response(request.method === 'HEAD' ? null : STYLED_PAGE, html);
    if (pathname === '/assets/app-1a2b.js')
      return new Response('1', { headers: { 'content-type': 'text/javascript' } });
    return new Response(null, { status: 404 });
  },
};

const env = (extra: Partial<EdgeEnv> = {}): EdgeEnv => ({
  ASSETS: assets,
  PROXY_TOKEN_SECRET: SECRET,
  ...extra,
});

afterEach(() => vi.restoreAllMocks());

describe('the edge worker', () => {
  it('serves the page with the Node host’s security headers, revalidated', async () => {
    const response = await worker.fetch(new Request(`${ORIGIN}/`), env());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('allows exactly the inline styles of the page it serves, for GET and HEAD', async () => {
    const policy = contentSecurityPolicy({ styleHashes: await inlineStyleHashes(STYLED_PAGE) });
    expect(policy).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]{43}='/);
    const got = await worker.fetch(new Request(`${ORIGIN}/styled.html`), env());
    expect(got.headers.get('content-security-policy')).toBe(policy);
    expect(await got.text()).toBe(STYLED_PAGE);
    const head = await worker.fetch(
      new Request(`${ORIGIN}/styled.html`, { method: 'HEAD' }),
      env(),
    );
    expect(head.headers.get('content-security-policy')).toBe(policy);
    expect(head.body).toBeNull();
  });

  it('adds FRAME_ANCESTORS to the page’s CSP; a bad value forbids framing and says so', async () => {
    const allowed = await worker.fetch(
      new Request(`${ORIGIN}/`),
      env({ FRAME_ANCESTORS: 'https://docs.example.com' }),
    );
    expect(allowed.headers.get('content-security-policy')).toBe(
      `${contentSecurityPolicy()}; frame-ancestors https://docs.example.com`,
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bad = await worker.fetch(
      new Request(`${ORIGIN}/`),
      env({ FRAME_ANCESTORS: 'docs.example.com/path' }),
    );
    expect(bad.headers.get('content-security-policy')).toBe(
      `${contentSecurityPolicy()}; frame-ancestors 'none'`,
    );
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/^FRAME_ANCESTORS: .*no site may embed/);
  });

  it('serves hashed assets immutable, without the page-only headers', async () => {
    const response = await worker.fetch(new Request(`${ORIGIN}/assets/app-1a2b.js`), env());
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('answers an unknown path 404 and another method 405, in plain text', async () => {
    const missing = await worker.fetch(new Request(`${ORIGIN}/nope`), env());
    expect([missing.status, await missing.text()]).toEqual([404, 'Not found\n']);
    const posted = await worker.fetch(new Request(`${ORIGIN}/`, { method: 'POST' }), env());
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers /api/session with a token and no demo server', async () => {
    const response = await worker.fetch(new Request(`${ORIGIN}/api/session`), env());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      proxyToken: expect.stringMatching(/^\d+\.[A-Za-z0-9_-]{43}$/),
      proxyTokenExpiresIn: 600,
      demo: null,
    });
  });

  it('without PROXY_TOKEN_SECRET, or with a bad variable, /api/* says what to set (500)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const noSecret = await worker.fetch(
      new Request(`${ORIGIN}/api/session`),
      env({ PROXY_TOKEN_SECRET: '' }),
    );
    expect(noSecret.status).toBe(500);
    expect(await noSecret.text()).toMatch(/set the secret PROXY_TOKEN_SECRET/);
    const badHosts = await worker.fetch(
      new Request(`${ORIGIN}/api/session`),
      env({ PROXY_ALLOWED_HOSTS: 'http://x' }),
    );
    expect(badHosts.status).toBe(500);
    expect(await badHosts.text()).toMatch(/^The proxy is not configured: .*looks like a URL/);
    // The page is still served.
    expect(
      (await worker.fetch(new Request(`${ORIGIN}/`), env({ PROXY_TOKEN_SECRET: '' }))).status,
    ).toBe(200);
  });

  it('with PUBLIC_ORIGINS, answers every route only under those hosts, as the Node host does', async () => {
    const configured = env({ PUBLIC_ORIGINS: ORIGIN });
    const under = (host: string, path: string) =>
      worker.fetch(new Request(`${ORIGIN}${path}`, { headers: { host } }), configured);
    expect((await under('playground.example.com', '/')).status).toBe(200);
    for (const host of ['evil.example', 'playground.example.com.', 'PLAYGROUND.example.com:443'])
      for (const path of ['/', '/api/session']) {
        const refused = await under(host, path);
        expect([refused.status, refused.headers.get('x-proxy-error')], `${host}${path}`).toEqual([
          403,
          'unknown_host',
        ]);
        expect(await refused.json()).toEqual({
          proxyError: {
            code: 'unknown_host',
            message: `This server does not answer under that host name; open the playground at its own address (${ORIGIN}/).`,
          },
        });
      }
  });

  it('keys the rate limit on CF-Connecting-IP only when BEHIND_CLOUDFLARE says Cloudflare set it', async () => {
    const { token } = await createProxyTokens({ secret: SECRET }).issue(ORIGIN);
    const statuses = async (configured: EdgeEnv) => {
      const seen: number[] = [];
      for (const forged of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
        const answer = await worker.fetch(
          new Request(`${ORIGIN}/api/proxy`, {
            headers: {
              'x-proxy-token': token,
              'x-proxy-target': 'https://10.0.0.1/token', // refused before any connection
              'cf-connecting-ip': forged,
            },
          }),
          configured,
        );
        seen.push(answer.status);
      }
      return seen;
    };
    // Forged values buy nothing: one budget for every caller of the local runtime.
    expect(await statuses(env({ PROXY_RATE_LIMIT: '2' }))).toEqual([403, 403, 429]);
    expect(await statuses(env({ PROXY_RATE_LIMIT: '2', BEHIND_CLOUDFLARE: 'true' }))).toEqual([
      403, 403, 403,
    ]);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const unclear = await worker.fetch(
      new Request(`${ORIGIN}/api/session`),
      env({ BEHIND_CLOUDFLARE: 'maybe' }),
    );
    expect(unclear.status).toBe(500);
    expect(await unclear.text()).toMatch(/BEHIND_CLOUDFLARE="maybe": must be true or false/);
  });
});
