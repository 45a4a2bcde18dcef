// A process-level test: every fault of the fault suite, in sequence, in ONE server
// process; afterwards the page, the session and a demo token request still answer 200, and the
// process never exited. The fault suite checks what each fault answers; this one checks that the
// process survives them all together.
import { faultContext, faults, OVER_REQUEST_LIMIT, stillServing } from './support/faults.ts';
import { assertStillRunning, expect, test } from './support/playground-fixture.ts';
import { httpRequest } from './support/http.ts';
import { describeExit } from './support/playground-process.ts';

test('one process survives every fault in sequence and still serves the page, the session and a demo token', async ({
  playground,
  stubs,
}) => {
  test.setTimeout(45_000);
  const ctx = await faultContext(playground.origin, playground.port, stubs);

  // The upstream that never answers holds its call until the proxy's deadline (5 s in these
  // processes): started first, it runs alongside the others instead of after them.
  const neverAnswered = faults.neverAnswers(ctx).then(
    (answer) => answer.status,
    (error: unknown) => (error instanceof Error ? error.message : 'no answer'),
  );
  // Likewise the client that sends its body one byte per second.
  const slowBody = faults.slowBody(ctx, 12_000);

  const sequence: [string, () => Promise<unknown>][] = [
    ['connection refused', () => faults.connectionRefused(ctx)],
    ['DNS failure', () => faults.dnsFailure(ctx)],
    ['self-signed certificate', () => faults.selfSignedCertificate(ctx)],
    ['https to a plain-http port', () => faults.httpsToPlainPort(ctx)],
    ['upstream closes mid-body', () => faults.closesMidBody(ctx)],
    ['garbage instead of HTTP', () => faults.garbageInsteadOfHttp(ctx)],
    ['500 with an HTML body', () => faults.htmlServerError(ctx)],
    ['2 MiB body with Content-Length', () => faults.twoMiBDeclared(ctx)],
    ['2 MiB body chunked', () => faults.twoMiBChunked(ctx)],
    ['302 to the metadata address', () => faults.redirectToMetadata(ctx)],
    ['302 to an allowed upstream', () => faults.redirectToCountingStub(ctx)],
    ['client leaves mid-upload to the proxy', () => faults.clientLeavesMidUpload(ctx)],
    [
      'client leaves mid-upload to the demo server',
      () => faults.clientLeavesMidUpload(ctx, '/demo/token'),
    ],
    ['client leaves while the upstream works', () => faults.clientLeavesWhileUpstreamWorks(ctx)],
    [
      'body over 16 KiB with Content-Length',
      () => faults.oversizeBody(ctx, 'content-length', OVER_REQUEST_LIMIT),
    ],
    ['body over 16 KiB chunked', () => faults.oversizeBody(ctx, 'chunked', 64 * 1024)],
  ];
  for (const [name, fault] of sequence) {
    // A fault may fail at the client's end (a reset connection); what matters here is the process.
    await fault().catch(() => undefined);
    const page = await httpRequest(playground.origin, { path: '/' }).then(
      (answer) => answer.status,
      (error: unknown) => (error instanceof Error ? error.message : 'no answer'),
    );
    const exit = playground.exited();
    expect(
      page,
      `after "${name}", GET / ${exit ? `failed: the process exited (${describeExit(exit)})` : ''}`,
    ).toBe(200);
  }
  expect(await neverAnswered).toBe(504);
  await slowBody;

  expect(await stillServing(playground.origin)).toEqual({
    page: 200,
    session: 200,
    demoToken: 200,
  });
  assertStillRunning(playground);
});
