import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('createRateLimiter', () => {
  it('allows a burst of `limit` calls, then refuses with the wait until the next one', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: time.now });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    // One call's worth refills in 60 000 / 3 = 20 000 ms.
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    time.advance(15_000);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 5 });
    time.advance(5_000);
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a').allowed).toBe(false);
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

  it('rounds a wait below one second up to one (Retry-After is whole seconds)', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 100, windowMs: 1_000, now: time.now });
    for (let i = 0; i < 100; i++) limiter.take('a');
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
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
});
