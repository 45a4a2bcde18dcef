import { CLIENT_AUTH } from './methods.ts';
import type { Explanation } from '../explanation.ts';
import type { TokenError } from '../token/token-response.ts';

/**
 * What the page knows about a request it sent with a client assertion (RFC 7523 §2.2, OIDC Core
 * §9): the method that signed it, where it went, and the header and claims of the assertion it
 * carried (never the signed JWT, the key or the secret, which an explanation must not quote).
 */
export interface AssertionContext {
  /** Signed with the client secret (HMAC) or with the client's private key. */
  readonly method: 'client_secret_jwt' | 'private_key_jwt';
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly claims: {
    iss: string;
    sub: string;
    aud: string;
    iat: number;
    exp: number;
    jti: string;
  };
  readonly header: { alg: string; kid?: string };
  /** Epoch seconds of the page's clock when the request was sent. */
  readonly sentAt: number;
  /** Epoch seconds from the answer's `Date` header, when there was one. */
  readonly serverDate?: number;
  /** The request went to one of the playground's built-in demo servers (`/demo`). */
  readonly demoServer: boolean;
  /** The request went to Okta's org authorization server (`/oauth2/v1/token`). */
  readonly oktaOrgServer: boolean;
}

/**
 * Okta refuses an assertion whose `exp` is more than an hour after `iat` (its "JWT with private
 * key" guide); oidc-provider (the demo server) sets no limit.
 */
export const OKTA_MAX_ASSERTION_LIFETIME_SECONDS = 3600;

/** Below this many seconds apart, two clocks (and a one-second Date header) are said to agree. */
const CLOCK_AGREEMENT_SECONDS = 5;

const OKTA_KEY_PLACE =
  "the app's General tab › Client Credentials (Public key / Private key) › Public keys";

/**
 * The refusals this module recognises in `error_description`, each keyed on words servers really
 * send. oidc-provider's reasons are what the demo server appends to "client authentication
 * failed: " (server/demo-as/provider.ts); Okta's are from its support articles ("The audience
 * claim for client_assertion must be the endpoint invoked for the request.", "The client_assertion
 * signature is invalid.", "The client_assertion JWT kid is invalid.") and its documented rules
 * (exp at most one hour after iat, jti single use); other servers' wordings for the same causes
 * ("expired", "replay", "audience") are matched by the same words.
 */
const REFUSALS = {
  replay: /used once|already (been )?used|replay|reuse|jti.*(seen|unique)/i,
  audience: /audien|\baud\b/i,
  expired: /expired|exp(iration)?\b.*\b(passed|past)/i,
  tooLong: /too far|too long|more than (one|an|1) hour|lifetime|max(imum)? (age|expir)/i,
  notYetValid: /not active yet|not yet valid|\bnbf\b|issued in the future|iat.*future/i,
  unknownKey: /\bkid\b|no applicable key|no matching key|key not found|unknown key/i,
  signature: /signature/i,
  alg: /alg(orithm)?( mismatch|.*not (supported|allowed))/i,
  method:
    /does not match the registered client authentication method|not configured for|token_endpoint_auth_method|private_key_jwt/i,
  unknownClient: /client not found|unknown client|invalid client ?id|client_id.*(invalid|unknown)/i,
  issuer: /\biss\b|\bsub\b|issuer|subject/i,
  assertionFormat: /client_assertion/i,
} as const;

/** `2026-11-29T17:20:00Z`: a moment in UTC to the second, the same on every page. */
const moment = (epochSeconds: number) =>
  new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const seconds = (count: number) => `${count} s`;

/**
 * How the page's clock compared with the server's, from the answer's Date header: a sentence, or
 * undefined when there was no Date header.
 */
function clockComparison(context: AssertionContext): string | undefined {
  if (context.serverDate === undefined) return undefined;
  const offset = context.sentAt - context.serverDate;
  if (Math.abs(offset) < CLOCK_AGREEMENT_SECONDS)
    return `Your clock and the server's agreed within a few seconds (its Date header said ${moment(context.serverDate)}).`;
  return `Your clock was ${seconds(Math.abs(offset))} ${offset > 0 ? 'ahead of' : 'behind'} the server's (its Date header said ${moment(context.serverDate)}, your clock ${moment(context.sentAt)}).`;
}

/**
 * What to do about what signed the assertion: for a secret, copy it again (or the demo's); for a
 * key, register it with the demo server, or add it in Okta (or elsewhere).
 */
function keyChecks(context: AssertionContext): string[] {
  if (context.method === 'client_secret_jwt')
    return context.demoServer
      ? [
          `The demo server holds another secret for "${context.clientId}". Choose the demo client that signs with its secret and press "Use demo server", which fills in its secret.`,
        ]
      : [
          `Copy the client secret of "${context.clientId}" again${/okta/i.test(context.tokenEndpoint) ? " (Okta: the app's General tab, Client Secrets)" : ''}: the assertion is signed with exactly the secret typed here, so a typo, a pasted space or a secret replaced since (a rotation) breaks the signature.`,
        ];
  const kid = context.header.kid;
  const which = kid === undefined ? 'your public key' : `the public key with kid "${kid}"`;
  if (context.demoServer)
    return [
      `The demo server holds a different public key for "${context.clientId}". For a key made or pasted in this page, press "Register this key with the demo server", which registers ${which} and fills in the new client ID.`,
      'For the demo key client, press "Use demo server" with it chosen: that loads its published private key.',
    ];
  return [
    `Add ${which} to the client "${context.clientId}" on the server${context.oktaOrgServer || /okta/i.test(context.tokenEndpoint) ? ` (Okta: ${OKTA_KEY_PLACE})` : ''}, or paste the private key whose public half is registered there.`,
    'A key pair is a pair: the server can only verify what was signed with the private half of the public key it holds.',
  ];
}

function audienceExplanation(context: AssertionContext): Explanation {
  const { aud } = context.claims;
  const differs = aud !== context.tokenEndpoint;
  return {
    meaning: differs
      ? `The assertion names aud "${aud}", but it was sent to "${context.tokenEndpoint}": the server accepts only assertions addressed to itself.`
      : `The assertion names aud "${aud}", the URL it was sent to, yet the server expects another audience.`,
    checks: differs
      ? [
          `Set aud to the token endpoint exactly, byte for byte: "${context.tokenEndpoint}" (RFC 7523 §3; OIDC Core §9). A trailing slash, http instead of https, another host name for the same server (localhost and 127.0.0.1) or a custom domain instead of the Okta domain all count as different.`,
          'If you edited the token endpoint after copying the curl command, copy it again: it carries the assertion signed for the old one.',
        ]
      : [
          "Some servers want their issuer identifier as aud (RFC 7523 §3 allows either): compare with the issuer in the server's discovery document.",
          'Check that the URL has no extra query, trailing slash or other host name for the same server.',
        ],
  };
}

function replayExplanation(context: AssertionContext): Explanation {
  return {
    meaning: `The server has already seen this assertion (jti "${context.claims.jti}"): an assertion is single use (RFC 7523 §3; OIDC Core §9), so it refuses the second try.`,
    checks: [
      'Running the same curl command (or any copy of the request) twice sends the same assertion twice. Copy a fresh curl command, or press Send token request, which signs a new assertion with a new jti every time.',
      'In your own code, make a new jti (a random value) for every request.',
    ],
  };
}

function expiredExplanation(context: AssertionContext): Explanation {
  const { iat, exp } = context.claims;
  const checks: string[] = [];
  const clocks = clockComparison(context);
  if (context.sentAt > exp)
    checks.push(
      `It was sent ${seconds(context.sentAt - iat)} after it was signed, past its ${seconds(exp - iat)} lifetime: a curl command copied earlier carries an assertion that has run out. Copy a fresh one, or press Send token request, which signs a new one.`,
    );
  if (clocks) checks.push(clocks);
  if (
    context.serverDate !== undefined &&
    context.sentAt - context.serverDate <= -CLOCK_AGREEMENT_SECONDS
  )
    checks.push(
      "Your clock is behind, so the assertions this page signs look old to the server: set your computer's clock automatically (NTP), or make the assertion's lifetime longer than the difference.",
    );
  checks.push(
    'Sign the assertion just before sending it; the page does that when you press Send token request.',
  );
  return {
    meaning: `The assertion had expired when the server read it: its exp is ${moment(exp)}${context.serverDate === undefined ? '' : `, and the server's clock read ${moment(context.serverDate)}`}.`,
    checks: [...new Set(checks)],
  };
}

function notYetValidExplanation(context: AssertionContext): Explanation {
  const checks: string[] = [];
  const clocks = clockComparison(context);
  if (clocks) checks.push(clocks);
  checks.push(
    `Your computer's clock is probably ahead of the server's: the assertion says it was issued at ${moment(context.claims.iat)}. Set the clock automatically (NTP) and sign a new assertion.`,
  );
  return {
    meaning:
      'The server refused the assertion as not valid yet: by its clock, the assertion was issued (iat) or becomes valid (nbf) in the future.',
    checks,
  };
}

function tooLongExplanation(context: AssertionContext): Explanation {
  const { iat, exp } = context.claims;
  return {
    meaning: `The assertion is valid for ${seconds(exp - iat)} (exp ${moment(exp)}), longer than the server allows: Okta refuses an exp more than one hour after iat.`,
    checks: [
      'Use a short lifetime: five minutes (the default here) is plenty, since a new assertion is signed for every request.',
    ],
  };
}

const SECRET_METHODS = `${CLIENT_AUTH.client_secret_basic.words.label} or ${CLIENT_AUTH.client_secret_post.words.label}`;

function methodExplanation(context: AssertionContext): Explanation {
  if (context.method === 'client_secret_jwt')
    return {
      meaning: `The server refused the assertion because the client "${context.clientId}" is registered for another authentication method, not client_secret_jwt.`,
      checks: context.demoServer
        ? [
            'Of the demo clients, only the one that signs with its secret (demo-client-secret-jwt) takes client_secret_jwt: choose it and press "Use demo server". The other secret clients take the secret itself.',
            `Or send this client's secret itself: choose ${SECRET_METHODS}.`,
          ]
        : [
            // The answer says only that the registered method differs, not which one it is.
            `If the client is registered to send its secret, choose ${SECRET_METHODS}; if it signs with a key, choose ${CLIENT_AUTH.private_key_jwt.words.label}.`,
            'Or register the client for client_secret_jwt (its token_endpoint_auth_method, RFC 7591 §2; Okta sets it through the client application\'s API, its guide "Client authentication methods").',
          ],
    };
  return {
    meaning: `The server refused the assertion because the client "${context.clientId}" is still configured to authenticate with a client secret, not with a key (private_key_jwt).`,
    checks: context.demoServer
      ? [
          `The demo server's secret clients (the Okta-style one and demo-special) take only secrets. Choose the demo key client and press "Use demo server", or press "Register this key with the demo server" to get a client ID for your own key.`,
          `Or go back to a secret: choose ${SECRET_METHODS}.`,
        ]
      : [
          `Okta: on the app's General tab, Client Credentials › Edit, choose Public key / Private key and add your public key (${OKTA_KEY_PLACE}). Elsewhere: set the client's token_endpoint_auth_method to private_key_jwt and register its public key.`,
          `Or, if the client should keep its secret, choose ${SECRET_METHODS}.`,
        ],
  };
}

function unknownClientExplanation(context: AssertionContext): Explanation {
  return {
    meaning: `The server does not know the client "${context.clientId}" (the iss and sub of the assertion).`,
    checks: context.demoServer
      ? [
          'The demo server forgets registered clients when it restarts, and keeps the newest 100 only: press "Register this key with the demo server" again for a new client ID.',
          'Or choose the demo key client and press "Use demo server".',
        ]
      : [
          "Copy the client ID again from where the client was registered (Okta: the app's General tab).",
        ],
  };
}

function issuerExplanation(context: AssertionContext): Explanation {
  const { iss, sub } = context.claims;
  return {
    meaning: `The server refused the assertion's issuer or subject: iss "${iss}" and sub "${sub}" must both be the client ID "${context.clientId}" (RFC 7523 §3).`,
    checks: [
      'Set iss and sub to the client ID exactly, and send the same client ID in the request.',
    ],
  };
}

function algExplanation(context: AssertionContext): Explanation {
  if (context.method === 'client_secret_jwt')
    return {
      meaning: `The server does not accept assertions signed with ${context.header.alg} (HMAC with the client secret) for the client "${context.clientId}".`,
      checks: [
        `The client is probably registered to sign with a key: choose ${CLIENT_AUTH.private_key_jwt.words.label} and use its private key.`,
        'Or the server wants another HMAC algorithm for this client (Okta accepts HS256, HS384 and HS512); this page signs HS256.',
      ],
    };
  return {
    meaning: `The server does not accept assertions signed with ${context.header.alg} for this client.`,
    checks: [
      context.demoServer
        ? 'The demo server accepts RS256 and ES256 (each client the algorithm of its registered key).'
        : 'Sign with the algorithm of the key registered for the client: RS256 for an RSA key, ES256 for an EC P-256 key.',
      `A shared secret (HS256) is another method: for it, choose ${CLIENT_AUTH.client_secret_jwt.words.label}.`,
    ],
  };
}

function orgServerScopeExplanation(): Explanation {
  return {
    meaning:
      "Okta's org authorization server issues client-credentials tokens only for Okta's own API scopes (okta.users.read, okta.groups.manage, …), granted to the app.",
    checks: [
      "Request an Okta API scope granted on the app's Okta API Scopes tab.",
      'For your own API\'s scopes, use a custom authorization server such as "default" (/oauth2/default/v1/token), which also accepts private_key_jwt.',
    ],
  };
}

/**
 * What the request's own values say when the answer gives no reason (a bare `invalid_client`):
 * the first problem found in the assertion as sent, or a list of the likely causes.
 */
function explainFromValues(context: AssertionContext): Explanation {
  const { aud, iat, exp } = context.claims;
  if (aud !== context.tokenEndpoint) return audienceExplanation(context);
  if (context.serverDate !== undefined && context.serverDate >= exp)
    return expiredExplanation(context);
  if (context.serverDate !== undefined && iat - context.serverDate >= CLOCK_AGREEMENT_SECONDS)
    return notYetValidExplanation(context);
  if (exp - iat > OKTA_MAX_ASSERTION_LIFETIME_SECONDS && !context.demoServer)
    return tooLongExplanation(context);
  return {
    meaning: `The server refused the client assertion for "${context.clientId}" without saying why. Its aud, lifetime and clock look right, so the likely causes are the ${context.method === 'client_secret_jwt' ? 'secret' : 'key'} or the client's configuration.`,
    checks: [
      ...keyChecks(context),
      context.method === 'client_secret_jwt'
        ? 'Check that the client is registered for client_secret_jwt (not for sending its secret itself).'
        : `Check that the client is configured for private_key_jwt (not a client secret)${context.oktaOrgServer || /okta/i.test(context.tokenEndpoint) ? " on the app's General tab" : ''}.`,
      'If you ran a copied curl command more than once, the second run reuses the assertion: copy a fresh one, or press Send token request.',
    ],
  };
}

/**
 * Explains the token endpoint's answer to a request with a client assertion (client_secret_jwt or
 * private_key_jwt), with the user's own values:
 * the aud it named and the URL it went to, the expiry and the server's clock (from the Date
 * header), the kid, the jti. Keyed on what oidc-provider and Okta really say (see `REFUSALS`);
 * a bare `invalid_client` is explained from the request's values.
 *
 * Returns null when the answer is not about client authentication (e.g. `invalid_scope` at a
 * custom server): the diagnosis (`src/core/diagnosis`) then reads it as any token error.
 *
 * Does NOT quote the assertion or any key, and does not know the server's configuration: the
 * checks are the likely causes, most likely first.
 */
export function explainAssertionError(
  error: TokenError,
  context: AssertionContext,
): Explanation | null {
  const description = error.error_description ?? '';
  const says = (pattern: RegExp) => pattern.test(description);

  if (error.error === 'invalid_scope' && context.oktaOrgServer) return orgServerScopeExplanation();
  if (error.error !== 'invalid_client') {
    // invalid_request naming the assertion: the server could not read it at all.
    if (error.error === 'invalid_request' && says(REFUSALS.assertionFormat))
      return {
        meaning: `The server could not read the client assertion: "${description}".`,
        checks: [
          'Send client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer and client_assertion (one signed JWT: three base64url parts) in the form body (RFC 7521 §4.2), and no Authorization header.',
        ],
      };
    return null;
  }

  // Most specific first: a description may name several claims ("jti … exp").
  if (says(REFUSALS.replay)) return replayExplanation(context);
  if (says(REFUSALS.audience)) return audienceExplanation(context);
  if (says(REFUSALS.notYetValid)) return notYetValidExplanation(context);
  if (says(REFUSALS.tooLong)) return tooLongExplanation(context);
  if (says(REFUSALS.expired)) return expiredExplanation(context);
  if (says(REFUSALS.unknownKey) || says(REFUSALS.signature)) {
    const kid = context.header.kid;
    if (context.method === 'client_secret_jwt')
      return says(REFUSALS.signature)
        ? {
            meaning: `The signature of the assertion does not verify: the server checked its HMAC with the secret it holds for "${context.clientId}", and that is not the secret that signed it.`,
            checks: keyChecks(context),
          }
        : {
            meaning: `The server has no secret to check an HS256 assertion from "${context.clientId}" with: the client is probably not registered for client_secret_jwt.`,
            checks: methodExplanation(context).checks,
          };
    return {
      meaning: says(REFUSALS.signature)
        ? 'The signature of the assertion does not verify: the server holds a different public key for this client than the private key that signed it.'
        : `The server has no key${kid === undefined ? ' (the assertion names no kid)' : ` with kid "${kid}"`} for the client "${context.clientId}".`,
      checks: keyChecks(context),
    };
  }
  if (says(REFUSALS.alg)) return algExplanation(context);
  if (says(REFUSALS.method)) return methodExplanation(context);
  if (says(REFUSALS.unknownClient)) return unknownClientExplanation(context);
  if (says(REFUSALS.issuer)) return issuerExplanation(context);
  return explainFromValues(context);
}
