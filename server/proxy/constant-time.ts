/**
 * Compares a presented secret with the expected one in time that does not depend on the
 * characters of either: every position of `expected` is visited, with no early exit, and a
 * length difference counts as a difference. The only thing the time can tell is the expected
 * secret's length, which is public (the proxy token is always 43 characters).
 *
 * Synchronous and plain JavaScript: it runs in any fetch-handler runtime, and costs nothing per
 * request (hashing both sides with Web Crypto, as before, was a thread-pool round trip per call).
 */
export function secretsEqual(presented: string, expected: string): boolean {
  let difference = presented.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) {
    // charCodeAt past the end is NaN, and NaN | 0 is 0: still a difference below.
    difference |= (presented.charCodeAt(i) | 0) ^ expected.charCodeAt(i);
  }
  return difference === 0;
}
