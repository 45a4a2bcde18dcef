const encoder = new TextEncoder();

/**
 * Compares a presented secret with the expected one in time that does not depend on where they
 * first differ, nor on the presented value's length: both are hashed with SHA-256 first, and the
 * two fixed-size digests are compared with no early exit.
 *
 * Web Crypto only (no `node:crypto`), so the same code runs in any fetch-handler runtime.
 */
export async function secretsEqual(presented: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(presented)),
    crypto.subtle.digest('SHA-256', encoder.encode(expected)),
  ]);
  const left = new Uint8Array(a);
  const right = new Uint8Array(b);
  let difference = 0;
  for (let i = 0; i < left.length; i++) difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return difference === 0;
}
