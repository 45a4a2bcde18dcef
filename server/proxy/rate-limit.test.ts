import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

function clock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => (time += ms),
    set: (ms: number) => (time = start + ms),
  };
}

describe('createRateLimiter (a sliding window log)', () => {
  it('allows exactly `limit` calls in a window; the next learns, to the second, when the oldest leaves', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: time.now });
    time.set(0);
    expect(limiter.take('a')).toEqual({ allowed: true });
    time.set(10_000);
    expect(limiter.take('a')).toEqual({ allowed: true });
    time.set(20_500);
    expect(limiter.take('a')).toEqual({ allowed: true });
    // Call 4 at 30 s: the call made at 0 leaves the window at 60 s, 30 s from now.
    time.set(30_000);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    // A second short of that wait is still too early, and is told the one second left.
    time.set(59_000);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.set(60_000);
    expect(limiter.take('a')).toEqual({ allowed: true });
    // Now counted: 10 000, 20 500 and 60 000. The next to leave is the one made at 10 s.
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('rounds a fraction of a second up: Retry-After is whole seconds and waiting it is enough', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: time.now });
    time.set(0);
    limiter.take('a');
    time.set(500);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    time.set(59_999);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.set(60_500);
    expect(limiter.take('a')).toEqual({ allowed: true });
  });

  it('lets no more than 600 calls through in a minute (a bucket refilling 10 a second let 1 199)', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 600, windowMs: 60_000, now: time.now });
    const decisions = [];
    // One call every 50 ms for a minute, less one millisecond: 1 200 tries in one window.
    for (let at = 0; at < 60_000; at += 50) {
      time.set(at);
      decisions.push(limiter.take('a'));
    }
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(600);
    // Call 601 came at 30 s: the first call leaves the window at 60 s.
    expect(decisions[599]).toEqual({ allowed: true });
    expect(decisions[600]).toEqual({ allowed: false, retryAfterSeconds: 30 });
    time.set(60_000);
    expect(limiter.take('a')).toEqual({ allowed: true });
  });

  it('keeps one budget per client', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, now: time.now });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('never refuses a client that stays within the rate', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 10, windowMs: 1_000, now: time.now });
    for (let i = 0; i < 1_000; i++) {
      expect(limiter.take('steady').allowed).toBe(true);
      time.advance(100);
    }
  });

  it('does not count refused calls: hammering does not push the wait further out', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 10_000, now: time.now });
    time.set(0);
    limiter.take('a');
    limiter.take('a');
    for (let at = 1; at < 10_000; at += 1_000) {
      time.set(at);
      expect(limiter.take('a').allowed).toBe(false);
    }
    time.set(10_000);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('holds memory for the calls made, not for the limit (a limit of a billion costs nothing idle)', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 999_999_999, windowMs: 60_000, now: time.now });
    for (let i = 0; i < 1_000; i++) expect(limiter.take(`client-${i % 10}`).allowed).toBe(true);
  });

  it('at its size bound, forgets rested clients, not one that is out of budget', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000, now: time.now, maxClients: 3 });
    limiter.take('x');
    limiter.take('y');
    time.advance(1_000); // x and y are rested now
    limiter.take('busy');
    limiter.take('busy');
    expect(limiter.take('newcomer').allowed).toBe(true); // the map is full: x and y go
    expect(limiter.take('busy').allowed).toBe(false);
  });

  it('with more busy clients than its bound, forgets the least recently seen (the documented trade)', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: time.now, maxClients: 2 });
    limiter.take('a');
    limiter.take('b');
    expect(limiter.take('b').allowed).toBe(false); // b seen again: a is now the least recent
    limiter.take('c'); // a is forgotten
    expect(limiter.take('b').allowed).toBe(false);
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('refuses options it cannot honour', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 60_000 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1.5, windowMs: 60_000 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 10, windowMs: 0 })).toThrow(RangeError);
  });
});

describe('createRateLimiter, over random call times', () => {
  const scenario = fc.record({
    limit: fc.integer({ min: 1, max: 6 }),
    windowMs: fc.integer({ min: 1, max: 10_000 }),
    calls: fc.array(
      fc.record({ gapMs: fc.integer({ min: 0, max: 3_000 }), client: fc.constantFrom('a', 'b') }),
      { maxLength: 200 },
    ),
  });

  it('never allows more than `limit` calls of a client in any window, and refuses only then', () => {
    fc.assert(
      fc.property(scenario, ({ limit, windowMs, calls }) => {
        let time = 0;
        const limiter = createRateLimiter({ limit, windowMs, now: () => time });
        const allowedAt: Record<string, number[]> = { a: [], b: [] };
        for (const { gapMs, client } of calls) {
          time += gapMs;
          const earlier = allowedAt[client] ?? [];
          const decision = limiter.take(client);
          // The window of this call is (time - windowMs, time].
          const inWindow = earlier.filter((at) => at > time - windowMs).length;
          expect(decision.allowed).toBe(inWindow < limit);
          if (decision.allowed) earlier.push(time);
          else {
            // Waiting exactly Retry-After frees a place; a second less would not have.
            const wait = decision.retryAfterSeconds * 1_000;
            const countAt = (later: number) =>
              earlier.filter((at) => at > later - windowMs && at <= later).length;
            expect(countAt(time + wait)).toBeLessThan(limit);
            expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
            expect(countAt(time + wait - 1_000)).toBe(limit);
          }
        }
        // Every window ending on an allowed call holds at most `limit` (the busiest ones do).
        for (const times of Object.values(allowedAt))
          for (const end of times)
            expect(
              times.filter((at) => at > end - windowMs && at <= end).length,
            ).toBeLessThanOrEqual(limit);
      }),
      { numRuns: 300 },
    );
  });
});
