import { expect, test as base } from '@playwright/test';
import {
  describeExit,
  startPlaygroundProcess,
  type PlaygroundProcess,
} from './playground-process.ts';
import { startUpstreamStubs, type UpstreamStubs } from './upstream-stubs.ts';

/** The fault processes' deadline (PROXY_TIMEOUT_S). */
export const FAULT_DEADLINE_S = 5;

/** A stack trace line as Node prints one for an uncaught exception (or Koa for a request error). */
const STACK_TRACE_LINE = /^\s+at .+[(:]\d+/m;

/**
 * Throws when the process died while in use: "no request, however malformed or large, may stop
 * this process" (README, "npm start"), whatever the test itself checked.
 */
export function assertStillRunning(playground: PlaygroundProcess): void {
  const exit = playground.exited();
  if (exit)
    throw new Error(
      `the playground process exited (${describeExit(exit)}):\n${playground.output()}`,
    );
}

/** Fails when the server printed a stack trace: a log has one line per request. */
export function expectNoStackTrace(playground: PlaygroundProcess): void {
  expect(
    STACK_TRACE_LINE.test(playground.output()),
    `a stack trace in the server output:\n${playground.output()}`,
  ).toBe(false);
}

/**
 * `stubs`: the local upstreams, one set per worker. `playground`: a fresh server process per test
 * (a crash in one test must not hide the verdict of the next), allowed to call any port of
 * 127.0.0.1 so it can reach the stubs, and checked to be alive when the test ends.
 */
export const test = base.extend<{ playground: PlaygroundProcess }, { stubs: UpstreamStubs }>({
  stubs: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from this pattern
    async ({}, provide) => {
      const stubs = await startUpstreamStubs();
      await provide(stubs);
      await stubs.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern -- see above
  playground: async ({}, provide) => {
    // A 5 s deadline instead of the default 15 s: the faults that wait for it
    // (an upstream that never answers, a body that drips in) then hold a worker a third as long.
    const playground = await startPlaygroundProcess({
      env: { PROXY_ALLOWED_HOSTS: '127.0.0.1', PROXY_TIMEOUT_S: String(FAULT_DEADLINE_S) },
    });
    try {
      await provide(playground);
      assertStillRunning(playground);
    } finally {
      await playground.stop();
    }
  },
});

export { expect };
