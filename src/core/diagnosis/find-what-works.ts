import { sameOnTheWire, wayOf, type AuthWay } from '../client-auth/auth-ways.ts';
import type { Diagnosis } from './causes.ts';
import { diagnose } from './diagnose.ts';
import type { Evidence } from './evidence.ts';

/**
 * At most this many requests beyond the one that failed: failed attempts can count toward a
 * lockout on a production server, and three ways exist, so two more cover them all.
 */
export const MAX_EXTRA_ATTEMPTS = 2;

/** Without a cause pointing elsewhere: the other Basic encoding first, then the body. */
const DEFAULT_ORDER: Record<AuthWay, readonly AuthWay[]> = {
  'basic-raw': ['basic-form', 'post'],
  'basic-form': ['basic-raw', 'post'],
  post: ['basic-raw', 'basic-form'],
};

/**
 * The ways to try after the request of `evidence` failed, in order, at most `MAX_EXTRA_ATTEMPTS`:
 * first the ways its diagnosis names (a ":" in the client ID puts the body first), then the
 * others, leaving out every way already tried for these inputs and any way that sends the same
 * bytes as one planned. Nothing when the first cause is one no way can change (a wrong demo
 * secret, characters the server refuses however they are sent, an error after authentication).
 *
 * Does NOT send anything.
 */
export function planProbes(evidence: Evidence): AuthWay[] {
  const { request } = evidence;
  const first = wayOf(request);
  // A key client has no secret to send another way.
  if (first === null) return [];
  const [cause, ...others] = diagnose(evidence).causes;
  if (cause.ways.kind === 'none-helps') return [];
  const named = [cause, ...others].flatMap((each) =>
    each.ways.kind === 'try' ? [each.ways.way] : [],
  );
  const tried = [first, ...evidence.attempts.flatMap((attempt) => attempt.way ?? [])];
  const planned: AuthWay[] = [];
  for (const way of [...named, ...DEFAULT_ORDER[first]]) {
    if (tried.some((done) => sameOnTheWire(request, way, done))) continue;
    if (planned.some((other) => sameOnTheWire(request, way, other))) continue;
    planned.push(way);
  }
  return planned.slice(0, MAX_EXTRA_ATTEMPTS);
}

export type Finding =
  | {
      readonly kind: 'found';
      /** The way that authenticated: what "apply" sets. */
      readonly way: AuthWay;
      readonly diagnosis: Diagnosis;
    }
  | { readonly kind: 'nothing'; readonly diagnosis: Diagnosis };

/**
 * What the search learned: the diagnosis of the failed request with every probe as evidence (the
 * same one the advice under the answer gives once the probes are in the history), and the way
 * to apply when one authenticated.
 */
export function concludeProbes(evidence: Evidence): Finding {
  const diagnosis = diagnose(evidence);
  return diagnosis.authenticatedWay
    ? { kind: 'found', way: diagnosis.authenticatedWay, diagnosis }
    : { kind: 'nothing', diagnosis };
}
