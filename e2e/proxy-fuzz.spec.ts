// Issue 6, "A fuzz test of the whole server": a few thousand generated requests (fixed seed) at
// one `npm start` process: random methods, paths, Host/Origin/Sec-Fetch-Site, valid and broken
// proxy tokens, targets, content types, oversized values, bodies (empty, binary, over every
// limit, chunked, truncated mid-body), byte mutations, and raw malformed HTTP. The process never
// exits, no answer is a 500, and afterwards the page and a demo token request still answer 200.
import fc from 'fast-check';
import { stillServing } from './support/faults.ts';
import { fuzzCaseArbitrary, fuzzValues, renderCase } from './support/fuzz-requests.ts';
import { basicAuthorization, fetchSession } from './support/http.ts';
import { expect, expectNoStackTrace, test } from './support/playground-fixture.ts';
import { describeExit } from './support/playground-process.ts';
import { rawExchange } from './support/raw-socket.ts';
import { closedPort } from './support/upstream-stubs.ts';

const SEED = 20_261_129;
const REQUESTS = 3000;
const CONCURRENCY = 12;

test('thousands of random and malformed requests never stop the server nor get a 500', async ({
  playground,
  stubs,
}) => {
  test.setTimeout(60_000);
  const session = await fetchSession(playground.origin);
  const [client] = session.demo.clients;
  if (!client) throw new Error('no demo client');
  const values = fuzzValues({
    port: playground.port,
    proxyToken: session.proxyToken,
    demoTokenEndpoint: session.demo.tokenEndpoint,
    demoAuthorization: basicAuthorization(client.clientId, client.clientSecret),
    stubPort: stubs.httpPort,
    closedPort: await closedPort(),
  });
  const cases = fc.sample(fuzzCaseArbitrary(values, playground.port), {
    seed: SEED,
    numRuns: REQUESTS,
  });

  const serverErrors: string[] = [];
  const statuses = new Map<string, number>();
  let died: string | undefined;
  // The request that finds the server gone is seldom the one that killed it: keep the last few
  // started, and name them all.
  const recent: string[] = [];
  let next = 0;
  async function worker() {
    while (died === undefined && next < cases.length) {
      const index = next++;
      const fuzzCase = cases[index];
      if (!fuzzCase) continue;
      const rendered = renderCase(fuzzCase, values, playground.port);
      recent.push(`#${index} ${rendered.description}`);
      if (recent.length > 2 * CONCURRENCY) recent.shift();
      try {
        const result = await rawExchange(playground.port, rendered.bytes, {
          timeoutMs: 3000,
          ...(rendered.abortAfterMs !== undefined ? { abortAfterMs: rendered.abortAfterMs } : {}),
        });
        const key = result.timedOut ? 'no answer in 3 s' : String(result.status ?? 'closed');
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (result.status === 500) serverErrors.push(`#${index} ${rendered.description}`);
      } catch (error) {
        const exit = playground.exited();
        died =
          `${error instanceof Error ? error.message : 'no connection'} at #${index}` +
          `${exit ? ` (the process exited: ${describeExit(exit)})` : ''}; the requests just before it:\n` +
          recent.join('\n');
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  console.log('fuzz answers by status:', Object.fromEntries(statuses));

  expect(died, 'the server stopped accepting connections').toBeUndefined();
  expect(playground.exited()).toBeUndefined();
  expect(serverErrors, 'requests answered 500').toEqual([]);
  expect(await stillServing(playground.origin)).toEqual({
    page: 200,
    session: 200,
    demoToken: 200,
  });
  expectNoStackTrace(playground);
});
