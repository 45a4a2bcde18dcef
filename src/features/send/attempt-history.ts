import { wayOf, type AuthWay } from '../../core/client-auth/auth-ways.ts';
import type { AnswerReading, WayOutcome } from '../../core/diagnosis/evidence.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';

export interface Attempt {
  /** Which endpoint, credentials and scope it was for (see `sameInputs`). */
  readonly request: TokenRequest;
  /** `null` for private_key_jwt, which is none of the secret ways. */
  readonly way: AuthWay | null;
  /** What came back, read as the diagnosis reads every answer. */
  readonly answer: AnswerReading;
}

/**
 * The token requests sent since the page was opened, oldest first, so the diagnosis knows which
 * ways were tried for the same inputs and what each one showed (a way that authenticated proves
 * the credentials right).
 *
 * Kept in memory only (React state): it holds the requests, secrets included, and is never
 * written to storage, a URL or a log. Bounded: only the latest `MAX_ATTEMPTS` are kept.
 */
export type AttemptHistory = readonly Attempt[];

const MAX_ATTEMPTS = 50;

/** Same endpoint, client ID, secret and scope: the attempts that say something about this request. */
function sameInputs(a: TokenRequest, b: TokenRequest): boolean {
  return (
    a.url === b.url &&
    a.input.clientId === b.input.clientId &&
    a.input.clientSecret === b.input.clientSecret &&
    a.input.scope === b.input.scope
  );
}

/** The history with one more attempt (a new array: the old one is never changed). */
export function recordAttempt(
  history: AttemptHistory,
  request: TokenRequest,
  answer: AnswerReading,
): AttemptHistory {
  return [...history, { request, way: wayOf(request), answer }].slice(-MAX_ATTEMPTS);
}

/**
 * The earlier attempts for the inputs of `request` (same endpoint, credentials and scope), oldest
 * first, without `request` itself: the evidence a diagnosis of its answer may use.
 */
export function attemptsFor(history: AttemptHistory, request: TokenRequest): WayOutcome[] {
  return history
    .filter((attempt) => attempt.request !== request && sameInputs(attempt.request, request))
    .map(({ way, answer }) => ({ way, answer }));
}
