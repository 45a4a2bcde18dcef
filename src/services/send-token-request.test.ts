import { describe, expect, it } from 'vitest';
import { buildTokenRequest, type TokenRequestInput } from '../core/request/token-request.ts';
import type { ProxyClientDeps } from './proxy-client.ts';
import { sendTokenRequest } from './send-token-request.ts';
import type { Session } from './session.ts';

const TOKEN_A = 'A'.repeat(43);
const TOKEN_B = 'B'.repeat(43);
const input: TokenRequestInput = {
  tokenEndpoint: 'https://dev-1.okta.com/oauth2/default/v1/token',
  clientId: 'Aladdin',
  clientSecret: 'open sesame',
  scope: 'customScope',
  authMethod: 'client_secret_basic',
  encoding: 'raw',
};
const request = buildTokenRequest(input);

interface SeenCall {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string;
}

/**
 * A stand-in for the playground's server: `answer` plays `/api/proxy` for each call in turn;
 * `sessions` are what successive `getSession` calls return.
 */
function fakeServer(
  answers: ReadonlyArray<(call: SeenCall) => Response | Promise<Response>>,
  sessions: readonly Session[] = [{ proxyToken: TOKEN_A, proxyTokenExpiresIn: 600, demo: null }],
) {
  const calls: SeenCall[] = [];
  const sessionRequests: boolean[] = [];
  let sessionIndex = 0;
  const deps: ProxyClientDeps = {
    fetch: async (input, init) => {
      const call: SeenCall = {
        url: String(input),
        method: init?.method ?? 'GET',
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? init.body : '',
      };
      calls.push(call);
      const answer = answers[calls.length - 1];
      if (!answer) throw new Error(`unexpected call #${calls.length}`);
      return answer(call);
    },
    getSession: async ({ refresh }) => {
      sessionRequests.push(refresh);
      if (refresh) sessionIndex += 1;
      const session = sessions[sessionIndex];
      if (!session) throw new Error('server down');
      return session;
    },
  };
  return { deps, calls, sessionRequests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const proxyError = (status: number, code: string, message: string) =>
  json(status, { proxyError: { code, message } }, { 'x-proxy-error': code });

describe('sendTokenRequest: through the proxy', () => {
  it('posts the model to /api/proxy with the target and token headers, and parses a token', async () => {
    const server = fakeServer([
      () =>
        json(
          200,
          { access_token: 'at', token_type: 'Bearer', expires_in: 3600 },
          { 'cache-control': 'no-store', 'x-proxy-elapsed-ms': '42' },
        ),
    ]);
    const outcome = await sendTokenRequest(request, server.deps);

    expect(server.calls).toHaveLength(1);
    const [call] = server.calls;
    expect(call?.url).toBe('/api/proxy');
    expect(call?.method).toBe('POST');
    expect(call?.headers.get('x-proxy-target')).toBe(input.tokenEndpoint);
    expect(call?.headers.get('x-proxy-token')).toBe(TOKEN_A);
    expect(call?.headers.get('x-proxy-status-in-header')).toBe('1');
    expect(call?.headers.get('authorization')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(call?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(call?.body).toBe('grant_type=client_credentials&scope=customScope');

    expect(outcome.kind).toBe('answer');
    if (outcome.kind !== 'answer') return;
    expect(outcome.answer.status).toBe(200);
    expect(outcome.answer.elapsedMs).toBe(42);
    expect(outcome.answer.parsed.kind).toBe('token');
  });

  it('reads the real status from X-Proxy-Status when the proxy answered 200 for it', async () => {
    const server = fakeServer([
      () => json(200, { error: 'invalid_client' }, { 'x-proxy-status': '401' }),
      () =>
        json(
          200,
          { proxyError: { code: 'target_forbidden', message: 'Refused by policy.' } },
          { 'x-proxy-error': 'target_forbidden', 'x-proxy-status': '403' },
        ),
    ]);
    const refused = await sendTokenRequest(request, server.deps);
    expect(refused.kind === 'answer' && refused.answer.status).toBe(401);
    const forbidden = await sendTokenRequest(request, server.deps);
    expect(forbidden).toMatchObject({ kind: 'proxy-error', status: 403, code: 'target_forbidden' });
  });

  it('gives back the renamed upstream headers under their real names, without x-proxy-*', async () => {
    const server = fakeServer([
      () =>
        json(
          401,
          { error: 'invalid_client' },
          {
            'x-upstream-www-authenticate': 'Basic realm="x"',
            'x-proxy-elapsed-ms': '3',
            'cache-control': 'no-store',
          },
        ),
    ]);
    const outcome = await sendTokenRequest(request, server.deps);
    if (outcome.kind !== 'answer') throw new Error(`expected an answer, got ${outcome.kind}`);
    expect(outcome.answer.headers.get('www-authenticate')).toBe('Basic realm="x"');
    expect(outcome.answer.headers.has('x-upstream-www-authenticate')).toBe(false);
    expect(outcome.answer.headers.has('x-proxy-elapsed-ms')).toBe(false);
    expect(outcome.answer.parsed.kind).toBe('oauth-error');
  });

  it('after a server restart (proxy_token), fetches the session again and retries once with the new token', async () => {
    const server = fakeServer(
      [
        () => proxyError(403, 'proxy_token', 'The X-Proxy-Token does not match this server.'),
        () => json(200, { access_token: 'at', token_type: 'Bearer' }),
      ],
      [
        { proxyToken: TOKEN_A, proxyTokenExpiresIn: 600, demo: null },
        { proxyToken: TOKEN_B, proxyTokenExpiresIn: 600, demo: null },
      ],
    );
    const outcome = await sendTokenRequest(request, server.deps);
    expect(server.sessionRequests).toEqual([false, true]);
    expect(server.calls.map((call) => call.headers.get('x-proxy-token'))).toEqual([
      TOKEN_A,
      TOKEN_B,
    ]);
    // The same request both times.
    expect(server.calls[1]?.body).toBe(server.calls[0]?.body);
    expect(outcome.kind).toBe('answer');
  });

  it('retries only once: a second proxy_token is reported', async () => {
    const refuse = () => proxyError(403, 'proxy_token', 'The X-Proxy-Token does not match.');
    const server = fakeServer(
      [refuse, refuse],
      [
        { proxyToken: TOKEN_A, proxyTokenExpiresIn: 600, demo: null },
        { proxyToken: TOKEN_B, proxyTokenExpiresIn: 600, demo: null },
      ],
    );
    const outcome = await sendTokenRequest(request, server.deps);
    expect(server.calls).toHaveLength(2);
    expect(outcome).toEqual({
      kind: 'proxy-error',
      status: 403,
      code: 'proxy_token',
      message: 'The X-Proxy-Token does not match.',
    });
  });

  it('a session that cannot be fetched again after a restart is "proxy_unreachable"', async () => {
    const server = fakeServer(
      [() => proxyError(403, 'proxy_token', 'stale')],
      [{ proxyToken: TOKEN_A, proxyTokenExpiresIn: 600, demo: null }],
    );
    const outcome = await sendTokenRequest(request, server.deps);
    expect(outcome).toMatchObject({ kind: 'proxy-error', status: 0, code: 'proxy_unreachable' });
  });

  it('reports any other proxy error as is, without retrying', async () => {
    const server = fakeServer([
      () => proxyError(502, 'dns', 'The host name dev-1.okta.com could not be resolved.'),
    ]);
    expect(await sendTokenRequest(request, server.deps)).toEqual({
      kind: 'proxy-error',
      status: 502,
      code: 'dns',
      message: 'The host name dev-1.okta.com could not be resolved.',
    });
    expect(server.sessionRequests).toEqual([false]);
  });

  it('a proxy error with a non-JSON body keeps the code from X-Proxy-Error', async () => {
    const server = fakeServer([
      () =>
        new Response('<html>Too Many Requests</html>', {
          status: 429,
          headers: { 'x-proxy-error': 'rate_limited', 'content-type': 'text/html' },
        }),
    ]);
    expect(await sendTokenRequest(request, server.deps)).toEqual({
      kind: 'proxy-error',
      status: 429,
      code: 'rate_limited',
      message: 'The proxy refused the request (HTTP 429) without a readable explanation.',
    });
  });

  it('an unknown proxy error code is an unexpected answer, not a crash', async () => {
    const server = fakeServer([() => proxyError(418, 'teapot', 'I am a teapot.')]);
    expect(await sendTokenRequest(request, server.deps)).toMatchObject({
      kind: 'proxy-error',
      status: 418,
      code: 'unexpected_answer',
    });
  });

  it("a non-JSON upstream answer is relayed and read as 'not a token response'", async () => {
    const server = fakeServer([
      () =>
        new Response('<h1>Bad Gateway</h1>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
    ]);
    const outcome = await sendTokenRequest(request, server.deps);
    if (outcome.kind !== 'answer') throw new Error(`expected an answer, got ${outcome.kind}`);
    expect(outcome.answer.body).toBe('<h1>Bad Gateway</h1>');
    expect(outcome.answer.parsed.kind).toBe('unrecognized');
  });

  it('a network failure (fetch rejects) is "proxy_unreachable", never a thrown error', async () => {
    const server = fakeServer([
      () => {
        throw new TypeError('Failed to fetch');
      },
    ]);
    expect(await sendTokenRequest(request, server.deps)).toEqual({
      kind: 'proxy-error',
      status: 0,
      code: 'proxy_unreachable',
      message: "The playground's own server did not answer: is `npm start` still running?",
    });
  });

  it('a body that breaks off mid-way is "proxy_unreachable" too', async () => {
    const server = fakeServer([
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"access_'));
              controller.error(new Error('connection reset'));
            },
          }),
          { status: 200 },
        ),
    ]);
    expect(await sendTokenRequest(request, server.deps)).toMatchObject({
      kind: 'proxy-error',
      code: 'proxy_unreachable',
    });
  });

  it('no session at all: nothing is sent', async () => {
    const server = fakeServer([], []);
    expect(await sendTokenRequest(request, server.deps)).toMatchObject({
      code: 'proxy_unreachable',
    });
    expect(server.calls).toEqual([]);
  });

  it.each([
    ['', /Token endpoint is empty/],
    ['https://{yourOktaDomain}/oauth2/default/v1/token', /placeholder/],
    ['https://user:pass@dev-1.okta.com/oauth2/default/v1/token', /carries credentials/],
    ['dev-1.okta.com/oauth2/default/v1/token', /not an absolute URL/],
  ])('does not send to %j', async (tokenEndpoint, reason) => {
    const server = fakeServer([]);
    const outcome = await sendTokenRequest(
      buildTokenRequest({ ...input, tokenEndpoint }),
      server.deps,
    );
    expect(outcome.kind).toBe('not-sent');
    if (outcome.kind === 'not-sent') expect(outcome.message).toMatch(reason);
    expect(server.calls).toEqual([]);
    expect(server.sessionRequests).toEqual([]);
  });
});
