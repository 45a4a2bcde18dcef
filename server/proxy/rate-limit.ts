/** The answer for one call: go ahead, or wait this many whole seconds (for `Retry-After`). */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  /** Calls a client may make in any `windowMs`: a whole number, at least 1. */
  limit: number;
  /** The sliding window, in milliseconds. */
  windowMs: number;
  /** The clock, in milliseconds (tests move it by hand). Default `Date.now`. */
  now?: () => number;
  /** Clients remembered at most; the least recently seen are forgotten first. Default 10 000. */
  maxClients?: number;
}

export interface RateLimiter {
  /** Counts one call by `clientId` (an address the host vouches for) if the budget allows it. */
  take: (clientId: string) => RateDecision;
}

/**
 * The times of a client's counted calls, oldest first, in a ring that grows (doubling) only as
 * the client makes calls, up to `limit` entries: a client that called once holds a few bytes.
 */
interface CallLog {
  times: Float64Array;
  /** Index of the oldest counted call. */
  head: number;
  /** Counted calls in `times`. */
  size: number;
}

const FIRST_CAPACITY = 4;

/**
 * A per-client sliding window log: a call is allowed if and only if fewer than `limit` calls of
 * the same client were allowed in the `windowMs` before it, `(now - windowMs, now]`. So no window
 * of that length ever holds more than `limit` allowed calls, whatever their timing (a token bucket
 * lets nearly twice that through: a full bucket, then its refill). Refused calls are not counted.
 * A refused call learns when the oldest counted call leaves the window, in whole seconds rounded
 * up (`Retry-After`, RFC 9110 §10.2.3): retrying exactly that much later succeeds, a second earlier
 * would not.
 *
 * Memory: at most `maxClients` logs of at most `limit` times (8 bytes each), so
 * `maxClients × limit × 8` bytes in the worst case (48 MB at 10 000 clients and 600 calls, reached
 * only when every one of them is at its limit at once); a client's ring holds at most twice the
 * most calls it has had in one window. Past `maxClients`, the least recently seen clients are
 * forgotten: those at that end that are rested (no call in the window), then, while still full,
 * the least recently seen one, busy or not. So a client can exceed its limit only by being
 * forgotten while busy, which takes `maxClients` other clients seen after its last call, within
 * one window. Memory ranks above exactness there.
 *
 * Pure (no timers, no I/O): it runs unchanged in Node and in fetch runtimes, and a test drives it
 * with its own clock. Does NOT identify clients: the host passes the identity (a socket's remote
 * address), since a web Request carries none it could trust.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs } = options;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a whole number of calls, at least 1, not ${limit}`);
  if (!(windowMs > 0)) throw new RangeError(`windowMs must be above 0, not ${windowMs}`);
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 10_000;
  // Map order is the order clients were last seen (each call moves its client to the end).
  const logs = new Map<string, CallLog>();

  const at = (log: CallLog, index: number): number =>
    log.times[(log.head + index) % log.times.length] ?? 0;

  /** Drops the calls that left the window: a call made at `t` counts while `now < t + windowMs`. */
  function forgetExpired(log: CallLog, time: number): void {
    while (log.size > 0 && at(log, 0) + windowMs <= time) {
      log.head = (log.head + 1) % log.times.length;
      log.size -= 1;
    }
  }

  function record(log: CallLog, time: number): void {
    if (log.size === log.times.length) {
      const grown = new Float64Array(Math.min(limit, log.times.length * 2));
      for (let index = 0; index < log.size; index++) grown[index] = at(log, index);
      log.times = grown;
      log.head = 0;
    }
    log.times[(log.head + log.size) % log.times.length] = time;
    log.size += 1;
  }

  const isRested = (log: CallLog, time: number): boolean =>
    log.size === 0 || at(log, log.size - 1) + windowMs <= time;

  /**
   * Forgets clients from the least recently seen end while they are rested or the map is still
   * full. It stops at the first busy one once there is room (O(clients forgotten), not a scan of
   * all): rested clients behind it stay until a later call makes room again.
   */
  function makeRoom(time: number): void {
    for (const [id, log] of logs) {
      if (logs.size < maxClients && !isRested(log, time)) break;
      logs.delete(id);
    }
  }

  return {
    take(clientId) {
      const time = now();
      let log = logs.get(clientId);
      if (log) {
        logs.delete(clientId);
        forgetExpired(log, time);
      } else {
        if (logs.size >= maxClients) makeRoom(time);
        log = { times: new Float64Array(Math.min(limit, FIRST_CAPACITY)), head: 0, size: 0 };
      }
      logs.set(clientId, log);
      if (log.size >= limit) {
        const oldestLeavesAt = at(log, 0) + windowMs;
        return { allowed: false, retryAfterSeconds: Math.ceil((oldestLeavesAt - time) / 1000) };
      }
      record(log, time);
      return { allowed: true };
    },
  };
}
