import type { ServerSignal } from './answer-signals.ts';
import { AUTH_WAY_LABEL, sameOnTheWire, wayOf, type AuthWay } from './auth-ways.ts';
import type { ClientCredentials } from './credentials.ts';
import type { TokenRequest } from './token-request.ts';

/**
 * At most this many requests beyond the one that failed: failed attempts can count toward a
 * lockout on a production server, and three ways exist, so two more cover them all.
 */
export const MAX_EXTRA_ATTEMPTS = 2;

/** One request of the search: how it was sent and what came back. */
export interface Probe {
  readonly way: AuthWay;
  /** The HTTP status, or null when no answer arrived (the proxy failed). */
  readonly status: number | null;
  readonly gotToken: boolean;
  readonly signal: ServerSignal;
}

/** True when a client ID or secret holds characters outside VSCHAR (`%x20-7E`, RFC 6749 Appendix A). */
export function hasNonVscharCredentials(credentials: ClientCredentials): boolean {
  return /[^\x20-\x7e]/.test(credentials.clientId + credentials.clientSecret);
}

/**
 * True when the answer refuses characters the credentials hold outside VSCHAR: a non-VSCHAR
 * refusal (@node-oauth/oauth2-server), or oidc-provider's "not properly encoded", which it also
 * answers when the decoded credentials hold such characters. Such a server refuses them in every
 * method (server/node/interop-table.golden.json).
 */
function refusesTheseCharacters(signal: ServerSignal, request: TokenRequest): boolean {
  return (
    (signal === 'refuses-non-vschar' || signal === 'form-decodes') &&
    hasNonVscharCredentials(request.input)
  );
}

/**
 * The ways to try after `request` failed, in order, at most `MAX_EXTRA_ATTEMPTS`: the other Basic
 * encoding first, then client_secret_post, leaving out what `tried` holds (the attempts since the
 * page was opened, for the same inputs) and any way that sends the same bytes as one planned.
 *
 * The answer reorders: a plain-text 401 with `WWW-Authenticate: Basic` (a generic Basic reader,
 * raw) puts client_secret_post first; a refusal of the non-VSCHAR characters the credentials hold
 * plans nothing, since that server refuses them in every method.
 *
 * Does NOT send anything.
 */
export function planProbes(
  request: TokenRequest,
  signal: ServerSignal,
  tried: ReadonlySet<AuthWay>,
): AuthWay[] {
  const first = wayOf(request);
  // A key client has no secret to send another way.
  if (first === null || refusesTheseCharacters(signal, request)) return [];
  const genericBasic = signal === 'plain-basic-challenge';
  const order: Record<AuthWay, readonly AuthWay[]> = {
    'basic-raw': genericBasic ? ['post', 'basic-form'] : ['basic-form', 'post'],
    'basic-form': genericBasic ? ['post', 'basic-raw'] : ['basic-raw', 'post'],
    post: ['basic-raw', 'basic-form'],
  };
  const planned: AuthWay[] = [];
  for (const way of order[first]) {
    if ([...tried].some((done) => sameOnTheWire(request, way, done))) continue;
    if (planned.some((other) => sameOnTheWire(request, way, other))) continue;
    planned.push(way);
  }
  return planned.slice(0, MAX_EXTRA_ATTEMPTS);
}

export type Finding =
  | {
      readonly kind: 'found';
      /** The way that got a token: what "apply" sets. */
      readonly way: AuthWay;
      /** What the search learned about the server, in words. */
      readonly learned: string;
    }
  | { readonly kind: 'nothing'; readonly learned: string };

/**
 * What the attempts (the failed request first, then the probes) say about the server, in words,
 * and which way to apply when one got a token.
 */
export function concludeProbes(request: TokenRequest, attempts: readonly Probe[]): Finding {
  const { clientId, clientSecret } = request.input;
  const success = attempts.find((attempt) => attempt.gotToken);
  const genericBasic = attempts.some((attempt) => attempt.signal === 'plain-basic-challenge');
  const formDecodes = attempts.some((attempt) => attempt.signal === 'form-decodes');
  if (success) {
    switch (success.way) {
      case 'basic-form':
        return {
          kind: 'found',
          way: success.way,
          learned: `This server form-decodes Basic credentials, as RFC 6749 §2.3.1 says${formDecodes ? ' (it said your raw credentials were "not properly encoded")' : ''}: send them "${AUTH_WAY_LABEL['basic-form']}".`,
        };
      case 'basic-raw':
        return {
          kind: 'found',
          way: success.way,
          learned: `This server takes the raw bytes of the Basic credentials, without form-decoding them (as the Okta guide sends them): send them "${AUTH_WAY_LABEL['basic-raw']}".`,
        };
      case 'post': {
        const reasons: string[] = [];
        if (clientId.includes(':'))
          reasons.push(
            'A ":" in the client ID cannot travel in a raw Basic header (RFC 7617 §2), and this server does not form-decode it.',
          );
        if (genericBasic && clientSecret.includes(':'))
          reasons.push(
            'Its Basic reader answers failures with a plain-text 401 (like passport-http\'s BasicStrategy), which cuts the secret at its second ":".',
          );
        return {
          kind: 'found',
          way: success.way,
          learned: [
            'Only client_secret_post works for these credentials at this server: send them in the request body.',
            ...reasons,
          ].join(' '),
        };
      }
    }
  }
  if (attempts.some((attempt) => refusesTheseCharacters(attempt.signal, request))) {
    return {
      kind: 'nothing',
      learned:
        'No method can carry this secret: it holds characters outside visible ASCII (VSCHAR, RFC 6749 Appendix A), which this server refuses however they are sent. Regenerate the secret (an ASCII one) in the admin console.',
    };
  }
  if (hasNonVscharCredentials(request.input)) {
    return {
      kind: 'nothing',
      learned:
        'Nothing worked, and these credentials hold characters outside visible ASCII (VSCHAR, RFC 6749 Appendix A), which strict servers refuse however they are sent: if the ID and secret are right, regenerate the secret (an ASCII one) in the admin console.',
    };
  }
  const tried = attempts.map((attempt) => `"${AUTH_WAY_LABEL[attempt.way]}"`).join(', ');
  return {
    kind: 'nothing',
    learned: `No way worked (${tried}): the way of sending is not the problem. The client ID or secret is probably wrong, or the client may not use this grant or scope: read the server's answer.`,
  };
}
