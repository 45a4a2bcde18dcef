import type { Explanation } from '../explanation.ts';

/**
 * A token's life after issue: reading the answers of token introspection (RFC 7662) and token
 * revocation (RFC 7009), and saying what they mean. Pure: the requests are built by
 * `buildTokenLifeRequest` (token-life-request.ts) and sent elsewhere.
 */

export type TokenLifeAction = 'introspect' | 'revoke';

/** What the page calls each endpoint, for sentences that fit both. */
const ENDPOINT_WORDS: Readonly<Record<TokenLifeAction, string>> = {
  introspect: 'introspection endpoint (RFC 7662)',
  revoke: 'revocation endpoint (RFC 7009)',
};

/** One member of an introspection answer, with its value as shown and its meaning. */
export interface IntrospectionRow {
  readonly claim: string;
  readonly value: string;
  readonly meaning: string;
}

/** Meanings of the members of RFC 7662 §2.2 (and RFC 7800 `cnf`), for a client credentials token. */
const MEMBER_MEANINGS: Readonly<Record<string, string>> = {
  active:
    'Whether the token is active now: issued by this server, not expired, not revoked (RFC 7662 §2.2). The only member an inactive answer carries.',
  scope: 'The scopes the token grants, space-separated (RFC 7662 §2.2).',
  client_id: 'The client the token was issued to (RFC 7662 §2.2).',
  username: 'The user the token was issued for (RFC 7662 §2.2); absent when a client acts alone.',
  token_type: 'How the token is presented: Bearer, or DPoP for a key-bound one (RFC 7662 §2.2).',
  exp: 'When the token expires (RFC 7662 §2.2, a NumericDate).',
  iat: 'When the token was issued (RFC 7662 §2.2).',
  nbf: 'The token is not to be used before this moment (RFC 7662 §2.2).',
  sub: 'Whom the token is about (RFC 7662 §2.2): in the client credentials flow, the client itself.',
  aud: 'The API(s) the token is meant for (RFC 7662 §2.2).',
  iss: 'The authorization server that issued the token (RFC 7662 §2.2).',
  jti: 'The token’s unique identifier (RFC 7662 §2.2); the same as the JWT’s jti.',
  cnf: 'The key the token is bound to (RFC 7800 §3.1; `jkt`: a DPoP key’s thumbprint, RFC 9449 §6.2).',
  sid: 'The login session the token belongs to; absent for a client acting alone.',
};

/** Members whose value is a NumericDate (RFC 7519 §2: seconds since the epoch). */
const TIME_MEMBERS = new Set(['exp', 'iat', 'nbf']);

/** Whole minutes or seconds between a moment and now, in words ("in 59 min", "3 min ago"). */
function relative(epochSeconds: number, nowSeconds: number): string {
  const delta = Math.trunc(epochSeconds - nowSeconds);
  const amount = Math.abs(delta);
  const span = amount < 60 ? `${amount} s` : `${Math.floor(amount / 60)} min`;
  return delta > 0 ? `in ${span}` : `${span} ago`;
}

function showValue(claim: string, value: unknown, nowSeconds: number): string {
  if (TIME_MEMBERS.has(claim) && typeof value === 'number' && Number.isFinite(value)) {
    const date = new Date(value * 1000);
    const shown = Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
    return `${value} (${shown}, ${relative(value, nowSeconds)})`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export type IntrospectionReading =
  | {
      readonly kind: 'active';
      readonly rows: readonly IntrospectionRow[];
      /** What a careful reader would notice: an expiry already past, a client other than the sender. */
      readonly notes: readonly string[];
    }
  | { readonly kind: 'inactive'; readonly meaning: string }
  | { readonly kind: 'failed'; readonly explanation: Explanation };

/** What the page knows about the exchange, to explain an answer with the reader's values. */
export interface TokenLifeContext {
  readonly action: TokenLifeAction;
  /** The endpoint the request went to. */
  readonly endpoint: string;
  /** The client ID the request authenticated as (the token request's). */
  readonly clientId: string;
  /** The client authentication method of the token request, reused here. */
  readonly authMethod: string;
  readonly nowSeconds: number;
}

/** The answer as the proxy relayed it. */
export interface TokenLifeAnswer {
  readonly status: number;
  readonly body: string;
}

function parseJsonObject(body: string): Record<string, unknown> | null {
  try {
    const json: unknown = JSON.parse(body);
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Explains an answer that is not a success of the endpoint: an OAuth error (RFC 6749 §5.2, used by
 * RFC 7662 §2.3 and RFC 7009 §2.2.1), or no such endpoint. Says only what the status and body show.
 */
export function explainTokenLifeFailure(
  answer: TokenLifeAnswer,
  context: TokenLifeContext,
): Explanation {
  const where = ENDPOINT_WORDS[context.action];
  const json = parseJsonObject(answer.body);
  const error = typeof json?.error === 'string' ? json.error : null;
  const description =
    typeof json?.error_description === 'string' ? `: “${json.error_description}”` : '';
  if (error === 'invalid_client' || (answer.status === 401 && error === null)) {
    return {
      meaning: `The ${where} refused the client’s authentication (HTTP ${answer.status}${error ? `, ${error}` : ''}${description}), although the same client ID and ${context.authMethod} were accepted for the token.`,
      checks: [
        `Most likely this endpoint accepts other client authentication methods than the token endpoint: its metadata lists them in ${context.action === 'introspect' ? 'introspection' : 'revocation'}_endpoint_auth_methods_supported (RFC 8414 §2).`,
        `Or the client ${context.clientId} may not call this endpoint: some servers let only resource servers introspect, or need it allowed for the client.`,
      ],
    };
  }
  if (error === 'unsupported_token_type') {
    return {
      meaning: `The server does not ${context.action === 'revoke' ? 'revoke' : 'introspect'} this kind of token (unsupported_token_type${description}, RFC 7009 §2.2.1).`,
      checks: [
        'Servers that issue self-contained JWT access tokens often cannot revoke them: they stay valid until they expire.',
      ],
    };
  }
  if (error !== null) {
    return {
      meaning: `The ${where} answered HTTP ${answer.status} with the error ${error}${description} (RFC 6749 §5.2).`,
      checks:
        error === 'invalid_request'
          ? [
              'The request lacks a parameter or has one twice, or the server refuses this request for the token (some refuse to revoke another client’s token).',
            ]
          : [],
    };
  }
  if (answer.status === 404 || answer.status === 405) {
    return {
      meaning: `Nothing answers at ${context.endpoint} (HTTP ${answer.status}): this server may not offer a ${where}, or serves it at another URL.`,
      checks: [
        'Check the URL in the server’s metadata (introspection_endpoint, revocation_endpoint, RFC 8414 §2) or its documentation.',
      ],
    };
  }
  return {
    meaning: `The ${where} answered HTTP ${answer.status}, which is neither its success nor an OAuth error${json === null ? ' (the body is not JSON)' : ''}.`,
    checks: [],
  };
}

/**
 * Reads an introspection answer (RFC 7662 §2.2): `active: true` with its members explained one by
 * one, `active: false` (§2.2: an inactive answer says nothing more, on purpose), or a failure.
 *
 * Does NOT check the answer against the token: a server may say anything about it, and this
 * page shows what it says.
 */
export function readIntrospectionAnswer(
  answer: TokenLifeAnswer,
  context: TokenLifeContext,
): IntrospectionReading {
  const json = answer.status === 200 ? parseJsonObject(answer.body) : null;
  if (json === null || typeof json.active !== 'boolean') {
    if (answer.status === 200)
      return {
        kind: 'failed',
        explanation: {
          meaning: `The answer is not an introspection answer: RFC 7662 §2.2 requires a JSON object with a boolean “active”${json === null ? ', and this body is not a JSON object' : ''}.`,
          checks: [`Check that ${context.endpoint} is the server’s introspection endpoint.`],
        },
      };
    return { kind: 'failed', explanation: explainTokenLifeFailure(answer, context) };
  }
  if (!json.active) {
    return {
      kind: 'inactive',
      meaning:
        'The server says this token is not active: it is revoked, expired, or not one it issued (RFC 7662 §2.2 lets it say no more). An API that introspects refuses it now.',
    };
  }
  const rows: IntrospectionRow[] = Object.entries(json).map(([claim, value]) => ({
    claim,
    value: showValue(claim, value, context.nowSeconds),
    meaning: Object.hasOwn(MEMBER_MEANINGS, claim)
      ? MEMBER_MEANINGS[claim]!
      : 'A member specific to this server (RFC 7662 §2.2 allows others).',
  }));
  const notes: string[] = [];
  if (typeof json.exp === 'number' && json.exp <= context.nowSeconds)
    notes.push(
      'The expiry has passed, yet the server says active: its clock and this browser’s differ.',
    );
  if (typeof json.client_id === 'string' && json.client_id !== context.clientId)
    notes.push(
      `The token was issued to ${json.client_id}, not to ${context.clientId}, the client that asked.`,
    );
  return { kind: 'active', rows, notes };
}

export type RevocationReading =
  | { readonly kind: 'revoked'; readonly meaning: string }
  | { readonly kind: 'failed'; readonly explanation: Explanation };

/**
 * Reads a revocation answer (RFC 7009 §2.2): HTTP 200 is success, and is also the answer for a
 * token the server does not know (so 200 alone does not prove the token existed: introspect to see).
 */
export function readRevocationAnswer(
  answer: TokenLifeAnswer,
  context: TokenLifeContext,
): RevocationReading {
  if (answer.status === 200)
    return {
      kind: 'revoked',
      meaning:
        'The server accepted the revocation (HTTP 200). RFC 7009 §2.2 gives the same answer for a token it did not know, so check if it is still active to see the effect.',
    };
  return { kind: 'failed', explanation: explainTokenLifeFailure(answer, context) };
}

/**
 * Why a revoked JWT still works where APIs verify it themselves: the signature and `exp` are all
 * they check, and neither changes (RFC 9068 §4; RFC 7009 §2 leaves self-contained tokens to the
 * server's choice). An API that must notice a revocation introspects each token instead
 * (RFC 7662 §1), or keeps tokens short-lived.
 */
export function revokedJwtNote(expiresAtSeconds: number | null, nowSeconds: number): string {
  const until =
    expiresAtSeconds === null
      ? 'until it expires'
      : expiresAtSeconds > nowSeconds
        ? `until it expires (${relative(expiresAtSeconds, nowSeconds)})`
        : 'until it expires (it has already)';
  return `A revoked JWT still verifies offline ${until}: its signature and exp do not change. An API that checks only those keeps accepting it; an API that must notice revocation introspects each token instead (RFC 7662), or relies on short lifetimes.`;
}
