/** The answer for one call: go ahead, or wait this many whole seconds (for `Retry-After`). */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  /** Calls a client may make in one `windowMs` (and in a burst, from a rested bucket). */
  limit: number;
  windowMs: number;
  /** The clock, in milliseconds (tests move it by hand). Default `Date.now`. */
  now?: () => number;
  /** Clients remembered at most; rested ones are forgotten first. Default 10 000. */
  maxClients?: number;
}

export interface RateLimiter {
  /** Counts one call by `clientId` (an address the host vouches for) if the budget allows it. */
  take: (clientId: string) => RateDecision;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A per-client token bucket: `limit` tokens, refilled evenly over `windowMs`, one spent per call.
 * A client that keeps within `limit` per window is never refused; one that bursts above it waits
 * for the bucket to refill, and is told how long.
 *
 * Pure (no timers, no I/O): it runs unchanged in Node and in fetch runtimes, and a test drives it
 * with its own clock. Does NOT identify clients: the host passes the identity (a socket's remote
 * address), since a web Request carries none it could trust.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 10_000;
  const refillPerMs = options.limit / options.windowMs;
  const buckets = new Map<string, Bucket>();

  function refilled(bucket: Bucket, at: number): number {
    return Math.min(options.limit, bucket.tokens + (at - bucket.updatedAt) * refillPerMs);
  }

  /** Keeps memory bounded under many clients: rested buckets carry no information. */
  function forgetRested(at: number): void {
    for (const [id, bucket] of buckets)
      if (refilled(bucket, at) >= options.limit) buckets.delete(id);
    // Still full of busy clients: drop the oldest entries (Map keeps insertion order).
    for (const id of buckets.keys()) {
      if (buckets.size < maxClients) break;
      buckets.delete(id);
    }
  }

  return {
    take(clientId) {
      const at = now();
      const bucket = buckets.get(clientId);
      const tokens = bucket ? refilled(bucket, at) : options.limit;
      if (tokens < 1) {
        return { allowed: false, retryAfterSeconds: Math.ceil((1 - tokens) / refillPerMs / 1000) };
      }
      if (!bucket && buckets.size >= maxClients) forgetRested(at);
      buckets.set(clientId, { tokens: tokens - 1, updatedAt: at });
      return { allowed: true };
    },
  };
}
