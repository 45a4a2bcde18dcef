// Load: 10,000 proxied token requests at 50 concurrent connections to a local upstream
// stub, against one `npm start` process: 0 errors, 0 non-2xx, and the server's heap after forced
// collections grows by less than 10 MB. The heap is the server process's own, read through a
// probe preloaded into it (e2e/support/heap-probe.mjs), not the test runner's.
import { Pool } from 'undici';
import { basicAuthorization, fetchSession } from './support/http.ts';
import { assertStillRunning, expect, test } from './support/playground-fixture.ts';
import { startPlaygroundProcess, type PlaygroundProcess } from './support/playground-process.ts';
import { startUpstreamStubs, type UpstreamStubs } from './support/upstream-stubs.ts';

const REQUESTS = 10_000;
const CONNECTIONS = 50;
const WARM_UP = 2000;
const MAX_HEAP_GROWTH_BYTES = 10 * 1024 * 1024;

let playground: PlaygroundProcess | undefined;
let stubs: UpstreamStubs | undefined;
test.afterEach(async () => {
  await playground?.stop();
  await stubs?.close();
});

test('10,000 proxied token requests at 50 connections: no error, all 2xx, heap growth under 10 MB', async () => {
  test.setTimeout(60_000);
  stubs = await startUpstreamStubs();
  // The rate limit is for people, not for this test: PROXY_RATE_LIMIT=0 (off).
  playground = await startPlaygroundProcess({
    env: { PROXY_ALLOWED_HOSTS: `127.0.0.1:${stubs.httpPort}`, PROXY_RATE_LIMIT: '0' },
    heapProbe: true,
  });
  const session = await fetchSession(playground.origin);
  const pool = new Pool(playground.origin, { connections: CONNECTIONS });
  const headers = {
    'x-proxy-token': session.proxyToken,
    'x-proxy-target': `http://127.0.0.1:${stubs.httpPort}/token`,
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
    authorization: basicAuthorization('load-client', 'load-secret'),
  };
  const statuses = new Map<number, number>();
  const errors: string[] = [];

  async function run(total: number) {
    let next = 0;
    const connection = async () => {
      while (next < total) {
        next++;
        try {
          const answer = await pool.request({
            method: 'POST',
            path: '/api/proxy',
            headers,
            body: 'grant_type=client_credentials&scope=customScope',
          });
          await answer.body.text();
          statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
        } catch (error) {
          errors.push(error instanceof Error ? `${error.name}: ${error.message}` : 'unknown');
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, connection));
  }

  try {
    // The first requests grow caches and pools that then stay (JIT, the upstream Agent's
    // sockets, oidc-provider's keys): measured from after them, growth means a leak.
    await run(WARM_UP);
    statuses.clear();
    const before = await playground.heapUsedAfterGc();
    const started = performance.now();
    await run(REQUESTS);
    const seconds = (performance.now() - started) / 1000;
    const after = await playground.heapUsedAfterGc();
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    console.log(
      `load: ${REQUESTS} requests in ${seconds.toFixed(1)} s (${Math.round(REQUESTS / seconds)} req/s), ` +
        `heap after GC ${mb(before)} MB → ${mb(after)} MB (${mb(after - before)} MB), statuses`,
      Object.fromEntries(statuses),
    );

    expect(errors.slice(0, 5), `${errors.length} requests failed`).toEqual([]);
    const non2xx = [...statuses].filter(([status]) => status < 200 || status > 299);
    expect(non2xx, 'non-2xx answers [status, count]').toEqual([]);
    expect([...statuses.values()].reduce((sum, count) => sum + count, 0)).toBe(REQUESTS);
    expect(stubs.hits('/token')).toBe(WARM_UP + REQUESTS);
    expect(after - before).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
    assertStillRunning(playground);
  } finally {
    await pool.close();
  }
});
