import { describe, expect, it } from 'vitest';
import type { ProxyErrorBody } from './errors.ts';
import { createFetchHandler, createStaticTargetPolicy } from './fetch-handler.ts';
import type { UpstreamFetch, UpstreamRequestInit } from './handler.ts';
import type { SessionBody } from './session.ts';

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
  it('serves a session with the configured token and no demo server', async () => {
    const handler = createFetchHandler({ PROXY_TOKEN: 'configured-token' }, recordingFetch());
    const body = (await (
      await handler(new Request(`${ORIGIN}/api/session`))
    ).json()) as SessionBody;
    expect(body).toEqual({ proxyToken: 'configured-token', demo: null });
  });

  it('draws a random token when none is configured', async () => {
    const one = (await (
      await createFetchHandler({}, recordingFetch())(new Request(`${ORIGIN}/api/session`))
    ).json()) as SessionBody;
    const two = (await (
      await createFetchHandler({}, recordingFetch())(new Request(`${ORIGIN}/api/session`))
    ).json()) as SessionBody;
    expect(one.proxyToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(one.proxyToken).not.toBe(two.proxyToken);
  });

  it('relays through the platform fetch with the same rules as the Node host', async () => {
    const platformFetch = recordingFetch();
    const handler = createFetchHandler({ PROXY_TOKEN: 't' }, platformFetch);
    const response = await handler(
      new Request(`${ORIGIN}/api/proxy`, {
        method: 'POST',
        headers: {
          'x-proxy-token': 't',
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
    const response = await createFetchHandler(
      { PROXY_TOKEN: 't' },
      platformFetch,
    )(
      new Request(`${ORIGIN}/api/proxy`, {
        headers: { 'x-proxy-token': 't', 'x-proxy-target': 'https://192.168.0.1/token' },
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
