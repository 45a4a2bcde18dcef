import { describe, expect, it } from 'vitest';
import type { ProxyErrorBody } from './errors.ts';
import { createFetchHandler, createStaticTargetPolicy } from './fetch-handler.ts';
import type { UpstreamFetch, UpstreamRequestInit } from './handler.ts';
import { createProxyTokens } from './proxy-token.ts';
import type { SessionBody } from './session.ts';

const SECRET = 'fetch-handler-test-secret-0123456789abcdef';

const ORIGIN = 'https://playground.example.com';

function recordingFetch(): UpstreamFetch & { calls: { url: string; init: UpstreamRequestInit }[] } {
  const calls: { url: string; init: UpstreamRequestInit }[] = [];
  const platformFetch: UpstreamFetch = async (url, init) => {
    calls.push({ url, init });
    return new Response('{"access_token":"x"}', {
      status: 200,
      headers: { 'content-type': 'application/json', 'set-cookie': 'a=b' },
    });
  };
  return Object.assign(platformFetch, { calls });
}

describe('createStaticTargetPolicy', () => {
  const policy = createStaticTargetPolicy('localhost:8080, *.corp.example');
  it.each([
    ['https://dev-123.okta.com/oauth2/default/v1/token', true],
    ['https://8.8.8.8/', true],
    ['http://dev-123.okta.com/oauth2/default/v1/token', false],
    ['https://10.0.0.1/', false],
    ['https://[::ffff:127.0.0.1]/', false],
    ['https://169.254.169.254/', false],
    ['https://localhost/', false],
    ['https://app.localhost./', false],
    ['http://localhost:8080/token', true],
    ['http://localhost:8081/token', false],
    ['http://a.corp.example/token', true],
  ])('%s → allowed: %s', (url, allowed) => {
    expect(policy(new URL(url)).allowed).toBe(allowed);
  });
});

describe('createFetchHandler', () => {
  it('serves a session with a token signed by the configured secret and no demo server', async () => {
    const body = (await (
      await createFetchHandler(
        { PROXY_TOKEN_SECRET: SECRET },
        recordingFetch(),
      )(new Request(`${ORIGIN}/api/session`))
    ).json()) as SessionBody;
    expect(body.demo).toBeNull();
    expect(body.proxyTokenExpiresIn).toBe(600);
    const verdict = await createProxyTokens({ secret: SECRET }).verify(body.proxyToken, ORIGIN);
    expect(verdict).toEqual({ valid: true });
  });

  it('signs with a random secret per handler when none is configured', async () => {
    const session = async () =>
      (await (
        await createFetchHandler({}, recordingFetch())(new Request(`${ORIGIN}/api/session`))
      ).json()) as SessionBody;
    const [one, two] = [await session(), await session()];
    expect(one.proxyToken).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
    expect(one.proxyToken).not.toBe(two.proxyToken);
  });

  it('refuses a secret too short to be one, and a PUBLIC_ORIGINS entry that is not an origin', () => {
    expect(() => createFetchHandler({ PROXY_TOKEN_SECRET: 'short' })).toThrow(/too short/);
    expect(() => createFetchHandler({ PUBLIC_ORIGINS: 'https://docs.example/path' })).toThrow(
      /^PUBLIC_ORIGINS="https:\/\/docs.example\/path": "https:\/\/docs.example\/path" is not an origin/,
    );
  });

  it('PROXY_RATE_LIMIT limits calls per client in any 60 s, 0 turns it off, words are refused', async () => {
    const { token } = await createProxyTokens({ secret: SECRET }).issue(ORIGIN);
    const call = (handler: (request: Request, clientId?: string) => Promise<Response>) =>
      handler(
        new Request(`${ORIGIN}/api/proxy`, {
          headers: { 'x-proxy-token': token, 'x-proxy-target': 'https://dev-123.okta.com/x' },
        }),
        'client-1',
      );
    const limited = createFetchHandler(
      { PROXY_TOKEN_SECRET: SECRET, PROXY_RATE_LIMIT: '2' },
      recordingFetch(),
    );
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(limited)).status);
    expect(statuses).toEqual([200, 200, 429]);
    const unlimited = createFetchHandler(
      { PROXY_TOKEN_SECRET: SECRET, PROXY_RATE_LIMIT: '0' },
      recordingFetch(),
    );
    for (let i = 0; i < 700; i++) expect((await call(unlimited)).status).toBe(200);
    expect(() => createFetchHandler({ PROXY_RATE_LIMIT: 'many' })).toThrow(/PROXY_RATE_LIMIT/);
  });

  it('PROXY_TIMEOUT_S sets the exchange deadline in seconds; anything but 1 to 300 is refused', async () => {
    const { token } = await createProxyTokens({ secret: SECRET }).issue(ORIGIN);
    // An upstream that never answers, and lets go only when the proxy aborts the call.
    const neverAnswers: UpstreamFetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const handler = createFetchHandler(
      { PROXY_TOKEN_SECRET: SECRET, PROXY_TIMEOUT_S: '1' },
      neverAnswers,
    );
    const started = Date.now();
    const answer = await handler(
      new Request(`${ORIGIN}/api/proxy`, {
        headers: { 'x-proxy-token': token, 'x-proxy-target': 'https://dev-123.okta.com/x' },
      }),
    );
    expect(answer.status).toBe(504);
    expect(answer.headers.get('x-proxy-error')).toBe('timeout');
    expect(await answer.text()).toContain('within 1 s');
    expect(Date.now() - started).toBeLessThan(5000);
    for (const bad of ['0', '301', '2.5', 'soon'])
      expect(() => createFetchHandler({ PROXY_TIMEOUT_S: bad })).toThrow(
        /^PROXY_TIMEOUT_S=.*whole number of seconds from 1 to 300/,
      );
  });

  it('with PUBLIC_ORIGINS, refuses a request that arrived under another Host', async () => {
    const handler = createFetchHandler(
      { PROXY_TOKEN_SECRET: SECRET, PUBLIC_ORIGINS: `${ORIGIN}, https://other.example` },
      recordingFetch(),
    );
    expect((await handler(new Request(`${ORIGIN}/api/session`))).status).toBe(200);
    const foreign = await handler(new Request('https://rebound.example/api/session'));
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as ProxyErrorBody).proxyError.code).toBe('unknown_host');
  });

  it('relays through the platform fetch with the same rules as the Node host', async () => {
    const platformFetch = recordingFetch();
    const handler = createFetchHandler({ PROXY_TOKEN_SECRET: SECRET }, platformFetch);
    const { token } = await createProxyTokens({ secret: SECRET }).issue(ORIGIN);
    const response = await handler(
      new Request(`${ORIGIN}/api/proxy`, {
        method: 'POST',
        headers: {
          'x-proxy-token': token,
          'x-proxy-target': 'https://dev-123.okta.com/oauth2/default/v1/token',
          'content-type': 'application/x-www-form-urlencoded',
          authorization: 'Basic eDp5',
          origin: ORIGIN,
          cookie: 'c=d',
        },
        body: 'grant_type=client_credentials',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    const [call] = platformFetch.calls;
    expect(call?.init.redirect).toBe('manual');
    expect([...(call?.init.headers.keys() ?? [])].sort()).toEqual([
      'authorization',
      'content-type',
      'user-agent',
    ]);
  });

  it('refuses private targets with 403 target_forbidden, without fetching', async () => {
    const platformFetch = recordingFetch();
    const { token } = await createProxyTokens({ secret: SECRET }).issue(ORIGIN);
    const response = await createFetchHandler(
      { PROXY_TOKEN_SECRET: SECRET },
      platformFetch,
    )(
      new Request(`${ORIGIN}/api/proxy`, {
        headers: { 'x-proxy-token': token, 'x-proxy-target': 'https://192.168.0.1/token' },
      }),
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as ProxyErrorBody).proxyError.code).toBe('target_forbidden');
    expect(platformFetch.calls).toHaveLength(0);
  });

  it('fails at creation on a malformed PROXY_ALLOWED_HOSTS', () => {
    expect(() => createFetchHandler({ PROXY_ALLOWED_HOSTS: 'http://x' })).toThrow(
      /looks like a URL/,
    );
  });
});
