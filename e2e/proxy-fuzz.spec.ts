// "No request, however malformed or large, may stop this process", on both hosts: thousands of
// generated requests (fixed seed) at `npm start`, and fewer at `npm run start:edge` (workerd
// answers each through miniflare, several times slower): random methods, paths, Host/Origin/
// Sec-Fetch-Site, valid and broken proxy tokens, targets (private addresses in every form among
// them), content types, oversized values, bodies (empty, binary, over every limit, chunked,
// truncated mid-body), byte mutations, and raw malformed HTTP. The process never exits, no answer
// is a 500, and afterwards the page, a session and a token request through the proxy still
// answer 200.
import fc from 'fast-check';
import { stillServing } from './support/faults.ts';
import {
  fuzzCaseArbitrary,
  fuzzValues,
  renderCase,
  type FuzzValues,
} from './support/fuzz-requests.ts';
import { basicAuthorization, fetchSession, httpRequest, proxyCall } from './support/http.ts';
import { expect, expectNoStackTrace, test } from './support/playground-fixture.ts';
import {
  describeExit,
  startPlaygroundProcess,
  type PlaygroundProcess,
} from './support/playground-process.ts';
import { rawExchange } from './support/raw-socket.ts';
import { closedPort } from './support/upstream-stubs.ts';

const SEED = 20_261_129;
const CONCURRENCY = 12;

interface FuzzRun {
  statuses: Record<string, number>;
  serverErrors: string[];
  died: string | undefined;
}

async function fuzz(
  playground: PlaygroundProcess,
  values: FuzzValues,
  requests: number,
): Promise<FuzzRun> {
  const cases = fc.sample(fuzzCaseArbitrary(values, playground.port), {
    seed: SEED,
    numRuns: requests,
  });
  const serverErrors: string[] = [];
  const statuses: Record<string, number> = {};
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
        statuses[key] = (statuses[key] ?? 0) + 1;
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
  return { statuses, serverErrors, died };
}

function expectSurvived(playground: PlaygroundProcess, run: FuzzRun): void {
  console.log('fuzz answers by status:', run.statuses);
  expect(run.died, 'the server stopped accepting connections').toBeUndefined();
  expect(playground.exited()).toBeUndefined();
  expect(run.serverErrors, 'requests answered 500').toEqual([]);
  expectNoStackTrace(playground);
}

test('npm start: 3000 random and malformed requests never stop the server nor get a 500', async ({
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
  expectSurvived(playground, await fuzz(playground, values, 3000));
  expect(await stillServing(playground.origin)).toEqual({
    page: 200,
    session: 200,
    demoToken: 200,
  });
});

test('npm run start:edge: 600 random and malformed requests never stop the server nor get a 500', async ({
  stubs,
}) => {
  test.setTimeout(120_000);
  // The edge has no demo server: the plausible token request goes to the local stub instead.
  const edge = await startPlaygroundProcess({
    runtime: 'edge',
    env: { PROXY_ALLOWED_HOSTS: `127.0.0.1:${stubs.httpPort}` },
  });
  try {
    const { proxyToken } = await fetchSession(edge.origin);
    const stubToken = `http://127.0.0.1:${stubs.httpPort}/token`;
    const values = fuzzValues({
      port: edge.port,
      proxyToken,
      demoTokenEndpoint: stubToken,
      demoAuthorization: basicAuthorization('id', 'secret'),
      stubPort: stubs.httpPort,
      closedPort: await closedPort(),
    });
    expectSurvived(edge, await fuzz(edge, values, 600));
    const fresh = await fetchSession(edge.origin);
    const afterwards = {
      page: (await httpRequest(edge.origin, { path: '/' })).status,
      token: (await proxyCall(edge.origin, fresh.proxyToken, { target: stubToken, body: '' }))
        .status,
    };
    expect(afterwards).toEqual({ page: 200, token: 200 });
  } finally {
    await edge.stop();
  }
});
