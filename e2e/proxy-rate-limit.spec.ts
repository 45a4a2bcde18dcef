// The per-client rate limit at its boundary, on both hosts: with PROXY_RATE_LIMIT=N, call N
// succeeds and call N+1 is refused with 429 and a Retry-After that says when the first call
// leaves the 60 s window. Calls are spread over a few seconds so that a limit which refills (a
// token bucket: one call back every 60/N s) would be caught by its much shorter Retry-After.
// No CF-Connecting-IP is sent: each host identifies the client itself.
import { expect, test } from '@playwright/test';
import { basicAuthorization, fetchSession, proxyCall, type HttpAnswer } from './support/http.ts';
import { startPlaygroundProcess, type PlaygroundProcess } from './support/playground-process.ts';
import { startUpstreamStubs, type UpstreamStubs } from './support/upstream-stubs.ts';

const LIMIT = 5;
const WINDOW_SECONDS = 60;
const SPREAD_MS = 2_500;

let stubs: UpstreamStubs | undefined;
let playground: PlaygroundProcess | undefined;
test.afterEach(async () => {
  await playground?.stop();
  playground = undefined;
  await stubs?.close();
  stubs = undefined;
});

for (const runtime of ['node', 'edge'] as const) {
  const command = runtime === 'node' ? 'npm start' : 'npm run start:edge';
  test(`${command}: with PROXY_RATE_LIMIT=${LIMIT}, call ${LIMIT} succeeds and call ${LIMIT + 1} gets 429 with the seconds until the first leaves the window`, async () => {
    test.setTimeout(90_000);
    stubs = await startUpstreamStubs();
    const upstream = stubs;
    playground = await startPlaygroundProcess({
      runtime,
      env: {
        PROXY_RATE_LIMIT: String(LIMIT),
        PROXY_ALLOWED_HOSTS: `127.0.0.1:${upstream.httpPort}`,
      },
    });
    const origin = playground.origin;
    // The session is not a proxy call: it does not count.
    const { proxyToken } = await fetchSession(origin);
    const call = (): Promise<HttpAnswer> =>
      proxyCall(origin, proxyToken, {
        target: `http://127.0.0.1:${upstream.httpPort}/token`,
        headers: { authorization: basicAuthorization('limit-client', 'limit-secret') },
        body: 'grant_type=client_credentials',
      });

    const firstSent = Date.now();
    expect((await call()).status).toBe(200);
    const firstAnswered = Date.now();
    await new Promise((resolve) => setTimeout(resolve, SPREAD_MS));
    for (let n = 2; n <= LIMIT; n++) expect((await call()).status, `call ${n}`).toBe(200);

    const refusedSent = Date.now();
    const refused = await call();
    const refusedAnswered = Date.now();
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ proxyError: { code: 'rate_limited' } });
    const retryAfter = refused.headers['retry-after'];
    expect(retryAfter).toMatch(/^\d+$/);
    // The first call was counted between firstSent and firstAnswered, the refusal decided between
    // refusedSent and refusedAnswered: the wait until the first leaves the window lies between.
    const earliest = Math.ceil(WINDOW_SECONDS - (refusedAnswered - firstSent) / 1000);
    const latest = Math.ceil(WINDOW_SECONDS - (refusedSent - firstAnswered) / 1000);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(earliest);
    expect(Number(retryAfter)).toBeLessThanOrEqual(Math.min(latest, WINDOW_SECONDS));
    // Refused before the upstream: only the N allowed calls reached it.
    expect(upstream.hits('/token')).toBe(LIMIT);
    // A refused call is not counted, and does not make the wait longer.
    const again = await call();
    expect(again.status).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(Number(retryAfter));
  });
}

test('npm run start:edge: a CF-Connecting-IP the client writes itself buys no extra calls', async () => {
  test.setTimeout(90_000);
  stubs = await startUpstreamStubs();
  const upstream = stubs;
  playground = await startPlaygroundProcess({
    runtime: 'edge',
    env: { PROXY_RATE_LIMIT: '3', PROXY_ALLOWED_HOSTS: `127.0.0.1:${upstream.httpPort}` },
  });
  const origin = playground.origin;
  const { proxyToken } = await fetchSession(origin);
  const statuses: number[] = [];
  // A new forged address on every call: counted as one client all the same (the socket's).
  for (let n = 1; n <= 5; n++) {
    const answer = await proxyCall(origin, proxyToken, {
      target: `http://127.0.0.1:${upstream.httpPort}/token`,
      headers: { 'cf-connecting-ip': `198.51.100.${n}` },
      body: 'grant_type=client_credentials',
    });
    statuses.push(answer.status);
  }
  expect(statuses).toEqual([200, 200, 200, 429, 429]);
});
