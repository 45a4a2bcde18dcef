import { AUTH_WAYS, sameOnTheWire, wayOf, type AuthWay } from './auth-ways.ts';
import type { TokenRequest } from './token-request.ts';

/** What an attempt showed: a token, a refusal by the server, or an answer that says neither. */
export type AttemptResult = 'token' | 'refused';

export interface Attempt {
  /** Which endpoint, credentials and scope it was for (see `sameInputs`). */
  readonly request: TokenRequest;
  /** `null` for private_key_jwt, which is none of the secret ways. */
  readonly way: AuthWay | null;
  readonly result: AttemptResult;
  /** The HTTP status of the answer. */
  readonly status: number;
}

/**
 * The token requests sent since the page was opened, oldest first, so advice never suggests a
 * setting already tried for the same inputs (issue 10: the raw → form → raw loop).
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
  result: AttemptResult,
  status: number,
): AttemptHistory {
  return [...history, { request, way: wayOf(request), result, status }].slice(-MAX_ATTEMPTS);
}

/**
 * Every way already tried for the inputs of `request`, the way `request` itself uses included,
 * counting a way as tried when one with the same bytes on the wire was (the two Basic encodings
 * of Okta-style credentials).
 */
export function waysTried(history: AttemptHistory, request: TokenRequest): ReadonlySet<AuthWay> {
  const sent = [
    wayOf(request),
    ...history.filter((a) => sameInputs(a.request, request)).map((a) => a.way),
  ].filter((way) => way !== null);
  return new Set(AUTH_WAYS.filter((way) => sent.some((done) => sameOnTheWire(request, way, done))));
}
