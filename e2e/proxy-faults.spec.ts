// Faults: each upstream or client fault gets a specific JSON proxyError (or the
// upstream's own answer, relayed), and the same server process answers the next request.
// Black-box: a real `npm start` process per test and local upstream stubs; no browser.
import {
  faultContext,
  faults,
  OVER_REQUEST_LIMIT,
  stillServing,
  type FaultContext,
} from './support/faults.ts';
import { proxyErrorOf, type HttpAnswer } from './support/http.ts';
import {
  expect,
  expectNoStackTrace,
  FAULT_DEADLINE_S,
  test,
} from './support/playground-fixture.ts';
import { HTML_ERROR_PAGE, METADATA_URL } from './support/upstream-stubs.ts';

/**
 * Asserts a proxy-made error: its status, its code in the body and in X-Proxy-Error, and a
 * message naming `where` (the upstream, so the user knows which side failed).
 */
function expectProxyError(
  answer: HttpAnswer,
  status: number,
  code: string,
  where?: string,
): string {
  const error = proxyErrorOf(answer);
  expect(
    error,
    `a proxyError body, got ${answer.status} ${answer.body.slice(0, 200)}`,
  ).toBeDefined();
  expect(error?.code).toBe(code);
  expect(answer.status).toBe(status);
  expect(answer.headers['x-proxy-error']).toBe(code);
  if (where !== undefined) expect(error?.message).toContain(where);
  return error?.message ?? '';
}

/** The process answers the page, the session and a demo token request. */
async function expectStillServing(ctx: FaultContext) {
  expect(await stillServing(ctx.origin)).toEqual({ page: 200, session: 200, demoToken: 200 });
}

// Each test has its own server process, so they may run side by side.
test.describe.configure({ mode: 'parallel' });

test.describe('upstream faults', () => {
  let ctx: FaultContext;
  test.beforeEach(async ({ playground, stubs }) => {
    ctx = await faultContext(playground.origin, playground.port, stubs);
  });

  test('connection refused: 502 connection_refused', async () => {
    const answer = await faults.connectionRefused(ctx);
    const message = expectProxyError(answer, 502, 'connection_refused', '127.0.0.1:');
    expect(message).toMatch(/refused/i);
    await expectStillServing(ctx);
  });

  test('a name that does not resolve: 502 dns', async () => {
    const answer = await faults.dnsFailure(ctx);
    const message = expectProxyError(answer, 502, 'dns', 'no-such-authorization-server.invalid');
    expect(message).toMatch(/resolve/i);
    await expectStillServing(ctx);
  });

  test('a self-signed certificate: 502 tls, about the certificate', async () => {
    const hitsBefore = ctx.stubs.hits('tls');
    const answer = await faults.selfSignedCertificate(ctx);
    const message = expectProxyError(answer, 502, 'tls', `127.0.0.1:${ctx.stubs.tlsPort}`);
    expect(message).toMatch(/certificate/i);
    expect(ctx.stubs.hits('tls'), 'requests that reached the untrusted server').toBe(hitsBefore);
    await expectStillServing(ctx);
  });

  test('https to a plain-http port: 502 tls_protocol, not a certificate message', async () => {
    const answer = await faults.httpsToPlainPort(ctx);
    const message = expectProxyError(
      answer,
      502,
      'tls_protocol',
      `127.0.0.1:${ctx.stubs.httpPort}`,
    );
    expect(message).not.toMatch(/certificate/i);
    await expectStillServing(ctx);
  });

  test('an upstream that never answers: 504 timeout within the deadline', async () => {
    const started = Date.now();
    const answer = await faults.neverAnswers(ctx);
    const message = expectProxyError(answer, 504, 'timeout', `127.0.0.1:${ctx.stubs.httpPort}`);
    expect(message).toContain(`within ${FAULT_DEADLINE_S} s`);
    expect(Date.now() - started).toBeLessThan((FAULT_DEADLINE_S + 5) * 1000);
    await expectStillServing(ctx);
  });

  test('an upstream that closes mid-body: 502 network', async () => {
    const answer = await faults.closesMidBody(ctx);
    const message = expectProxyError(answer, 502, 'network', `127.0.0.1:${ctx.stubs.httpPort}`);
    expect(message).not.toMatch(/refused|certificate|resolve/i);
    await expectStillServing(ctx);
  });

  test('garbage instead of HTTP: 502 network', async () => {
    const answer = await faults.garbageInsteadOfHttp(ctx);
    const message = expectProxyError(answer, 502, 'network', `127.0.0.1:${ctx.stubs.garbagePort}`);
    expect(message).not.toMatch(/refused|certificate|resolve/i);
    await expectStillServing(ctx);
  });

  test("a 500 with an HTML page is relayed as the upstream's 500, not a proxy error", async () => {
    const answer = await faults.htmlServerError(ctx);
    expect(answer.status).toBe(500);
    expect(answer.headers['x-proxy-error']).toBeUndefined();
    expect(proxyErrorOf(answer)).toBeUndefined();
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body).toBe(HTML_ERROR_PAGE);
    // Opened as a page, the relayed HTML must not run as the playground's origin.
    expect(answer.headers['content-security-policy']).toContain('sandbox');
    await expectStillServing(ctx);
  });

  test('2 MiB with Content-Length: 502 response_too_large', async () => {
    const answer = await faults.twoMiBDeclared(ctx);
    expectProxyError(answer, 502, 'response_too_large', `127.0.0.1:${ctx.stubs.httpPort}`);
    await expectStillServing(ctx);
  });

  test('2 MiB chunked, counted while streaming: 502 response_too_large', async () => {
    const answer = await faults.twoMiBChunked(ctx);
    expectProxyError(answer, 502, 'response_too_large', `127.0.0.1:${ctx.stubs.httpPort}`);
    await expectStillServing(ctx);
  });

  test('a 302 to the metadata address is relayed with Location renamed, never followed', async () => {
    const answer = await faults.redirectToMetadata(ctx);
    expect(answer.status).toBe(302);
    expect(answer.headers['x-proxy-error']).toBeUndefined();
    expect(answer.headers.location).toBeUndefined();
    expect(answer.headers['x-upstream-location']).toBe(METADATA_URL);
    await expectStillServing(ctx);
  });

  test('a 302 to an allowed upstream is not followed either (its hits stay 0)', async () => {
    const redirectsBefore = ctx.stubs.hits('/redirect-local');
    const countedBefore = ctx.stubs.hits('/counted');
    const answer = await faults.redirectToCountingStub(ctx);
    expect(answer.status).toBe(302);
    expect(answer.headers['x-upstream-location']).toBe(
      `http://127.0.0.1:${ctx.stubs.httpPort}/counted`,
    );
    expect(ctx.stubs.hits('/redirect-local')).toBe(redirectsBefore + 1);
    // Give a follow-up request, were there one, time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ctx.stubs.hits('/counted')).toBe(countedBefore);
  });
});

test.describe('client faults', () => {
  let ctx: FaultContext;
  test.beforeEach(async ({ playground, stubs }) => {
    ctx = await faultContext(playground.origin, playground.port, stubs);
  });

  for (const path of ['/api/proxy', '/demo/token'] as const) {
    test(`a client that disconnects mid-upload to ${path}: no stack trace, and the next request is served`, async ({
      playground,
    }) => {
      await faults.clientLeavesMidUpload(ctx, path);
      await expectStillServing(ctx);
      expectNoStackTrace(playground);
    });
  }

  test("a client that disconnects while the upstream works is logged as the client's abort, not an upstream failure", async ({
    playground,
  }) => {
    await faults.clientLeavesWhileUpstreamWorks(ctx);
    await expectStillServing(ctx);
    const lines = playground
      .stdoutLines()
      .filter((line) => line.includes(`127.0.0.1:${ctx.stubs.httpPort}`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/\b502\b|network/);
  });

  test('a client that sends its body one byte per second gets a JSON proxyError within the deadline', async () => {
    // A server that waits for Node's own 300 s request timeout (README, Proxy) instead of its
    // deadline is given up on at 12 s.
    const { head, elapsedMs } = await faults.slowBody(ctx, 12_000);
    expect(head, 'an answer within 12 s').toBeDefined();
    expect(head).toMatch(/^HTTP\/1\.1 (408|504) /);
    expect(head).toMatch(/^x-proxy-error: \w+/im);
    expect(elapsedMs).toBeLessThan((FAULT_DEADLINE_S + 5) * 1000);
    await expectStillServing(ctx);
  });

  for (const [framing, size] of [
    ['content-length', OVER_REQUEST_LIMIT],
    ['chunked', OVER_REQUEST_LIMIT],
    ['chunked', 64 * 1024],
  ] as const) {
    test(`a ${size}-byte body sent with ${framing}: 413, and the same connection answers the next request`, async () => {
      const { first, followUp } = await faults.oversizeBody(ctx, framing, size);
      expectProxyError(first, 413, 'request_too_large');
      expect(followUp.status).toBe(200);
      expect(followUp.reusedSocket).toBe(true);
      // A session answer (tokens are signed per request, so not the same string as before).
      expect(JSON.parse(followUp.body)).toHaveProperty('proxyToken', expect.any(String));
      // A moment for an uncaught exception to end the process, as such a fault once did.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expectStillServing(ctx);
    });
  }
});
