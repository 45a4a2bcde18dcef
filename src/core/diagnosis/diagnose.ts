import { assertionContextOf } from '../client-auth/assertion-context.ts';
import { assertionOf, CLIENT_AUTH } from '../client-auth/methods.ts';
import { explainAssertionError } from '../client-auth/assertion-error-help.ts';
import { explainProxyFailure, type ProxyFailureCode } from '../proxy/proxy-error-help.ts';
import { isOktaOrgAuthorizationServer } from '../endpoint/token-endpoint.ts';
import { authenticated, type AnswerReading, type Evidence } from './evidence.ts';
import { NONE_HELPS, OPEN, type Cause, type Diagnosis } from './causes.ts';
import { afterAuthenticationCause } from './after-authentication.ts';
import { refusedAuthenticationCauses } from './refused-authentication.ts';
import { vendorCause } from './vendor-causes.ts';
import { SERVER_PRESETS } from '../server-presets/presets.ts';
import { vendorOf } from '../server-presets/vendor-of.ts';
import { dpopTokenEndpointCause } from './dpop-refusals.ts';
import {
  type Facts,
  answerInWords,
  credentialsRefused,
  factsOf,
  firstAuthenticated,
  quoteWay,
} from './facts.ts';

/** Refusals of the credentials the page cannot narrow down: a vendor's own words say more. */
const GENERAL_REFUSALS: ReadonlySet<string> = new Set([
  'wrong-secret',
  'unknown-client',
  'wrong-credentials',
  'other-method',
]);

/**
 * The causes of a refused client authentication; at a vendor whose documentation lists the method
 * that was sent (server-presets/), "the client is registered for the other method" is the least
 * likely of them, so it comes last. Okta keeps its own order (it registers each client for one).
 */
function refusedByVendor(facts: Facts): Cause[] {
  const causes = refusedAuthenticationCauses(facts);
  const vendor = vendorOf(facts.evidence.request.url, facts.evidence.server.preset);
  if (vendor === null || vendor === 'okta') return causes;
  const sent = facts.evidence.request.clientAuthentication.method;
  if (!SERVER_PRESETS[vendor].authMethods.includes(sent)) return causes;
  return [
    ...causes.filter((cause) => cause.id !== 'other-method'),
    ...causes.filter((cause) => cause.id === 'other-method'),
  ];
}

// Answers that end the diagnosis: they say what happened on their own.

function proxyCause(code: ProxyFailureCode, message: string): Cause {
  const { title, explanation } = explainProxyFailure(code, message);
  return {
    id: `proxy:${code}`,
    summary: title,
    evidence: [`The playground's proxy answered for the server: ${message}`],
    action: explanation.checks[0] ?? 'Send again.',
    ways: NONE_HELPS,
  };
}

function discoveryHint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    const issuer = url.pathname.replace(/\/(v1\/)?token\/?$/, '').replace(/\/[^/]*$/, '');
    return `Find the token endpoint in the server's metadata: press Find the token endpoint (discovery) with the issuer, e.g. ${url.origin}${issuer}, whose /.well-known/openid-configuration names it.`;
  } catch {
    return "Find the token endpoint in the server's metadata (its /.well-known/openid-configuration).";
  }
}

function notATokenEndpoint(facts: Facts, shown: string): Cause {
  return {
    id: 'not-a-token-endpoint',
    summary: `The URL ${facts.evidence.request.url} is not a token endpoint: ${shown}.`,
    evidence: [
      `A token endpoint answers a POST with JSON, a token or an RFC 6749 §5.2 error; ${shown}.`,
      'Nothing about the credentials can be learned from this answer: they were not checked.',
    ],
    action: discoveryHint(facts.evidence.request.url),
    ways: NONE_HELPS,
  };
}

// Everything else an OAuth error can say.

function requestCauses(
  facts: Facts,
  answer: Extract<AnswerReading, { kind: 'oauth-error' }>,
): Cause {
  const server = `The server answered ${answerInWords(answer)}.`;
  if (
    /must be provided|no client authentication|missing parameter: `?client_secret|cannot retrieve client credentials/i.test(
      answer.description,
    ) &&
    facts.secret === ''
  )
    return {
      id: 'credentials-missing',
      summary: 'No client secret was sent: the secret field is empty.',
      evidence: [server],
      action: 'Enter the client secret and send again.',
      ways: NONE_HELPS,
    };
  if (
    /only be provided using one mechanism|multiple (client )?(authentication|credentials)/i.test(
      answer.description,
    )
  )
    return {
      id: 'two-methods',
      summary:
        'The request authenticated the client in two ways at once; RFC 6749 §2.3 allows exactly one.',
      evidence: [server],
      action: 'Send the credentials either in the Basic header or in the body, never both.',
      ways: NONE_HELPS,
    };
  switch (answer.error) {
    case 'server_error':
    case 'temporarily_unavailable':
      return {
        id: 'server-unavailable',
        summary: 'The server failed or is overloaded; nothing in the request is necessarily wrong.',
        evidence: [server],
        action: 'Try again in a moment.',
        ways: NONE_HELPS,
      };
    case 'invalid_request':
      return {
        id: 'malformed-request',
        summary: `The server found the request malformed${answer.description ? `: "${answer.description}"` : ': a parameter is missing, repeated or badly formatted'}.`,
        evidence: [server],
        action:
          'Compare the request with RFC 6749 §4.4.2: a form body with grant_type=client_credentials (and scope), and one client authentication method.',
        ways: NONE_HELPS,
      };
    default:
      return {
        id: 'unknown-error',
        summary: `The server answered with the error "${answer.error}", which is not one of RFC 6749 §5.2's codes${answer.description ? `: "${answer.description}"` : ''}.`,
        evidence: [server],
        action: "Look the code up in the server's documentation.",
        ways: OPEN,
      };
  }
}

function causesOf(facts: Facts): Cause[] {
  const { answer, evidence } = facts;
  switch (answer.kind) {
    case 'proxy-failure':
      return [proxyCause(answer.code, answer.message)];
    case 'not-a-token-endpoint':
      return [notATokenEndpoint(facts, answer.shown)];
    case 'token':
      return [
        {
          id: 'token-issued',
          summary: `The server issued an access token: ${facts.way ? quoteWay(facts.way) : 'this client authentication'} works for these credentials.`,
          evidence: [`The server answered ${answerInWords(answer)}.`],
          action: 'Use the token until it expires, then ask for a new one the same way.',
          ways: NONE_HELPS,
        },
      ];
    case 'other':
      if (answer.status === 401) return refusedAuthenticationCauses(facts);
      return [
        answer.status >= 500
          ? {
              id: 'server-unavailable',
              summary: `The server failed (${answer.status}); nothing in the request is necessarily wrong.`,
              evidence: [answer.shown],
              action: 'Try again in a moment.',
              ways: NONE_HELPS,
            }
          : {
              id: 'unrecognized-answer',
              summary: `The answer is not a token response: ${answer.shown}`,
              evidence: [answer.shown],
              action: `Check that ${evidence.request.url} is the token endpoint (discovery names it).`,
              ways: NONE_HELPS,
            },
      ];
    case 'basic-challenge':
      return refusedAuthenticationCauses(facts);
    case 'oauth-error':
      break;
  }
  const vendor = vendorCause(facts, answer);
  if (vendor) {
    if (!credentialsRefused(answer)) return [vendor];
    const general = refusedByVendor(facts).filter((cause) => cause.id !== vendor.id);
    // A certain cause no way can change: only what stays open may follow it (as in
    // refused-authentication.ts), never advice to send another way.
    if (vendor.ways.kind === 'none-helps')
      return [
        vendor,
        ...general.filter(
          (cause) => cause.ways.kind === 'open' && cause.id !== 'wrong-credentials',
        ),
      ];
    // The vendor's words first, unless the evidence found something more specific about the
    // credentials (a pasted line break, odd characters, the encoding).
    const specific = general[0] && !GENERAL_REFUSALS.has(general[0].id);
    return specific ? [...general, vendor] : [vendor, ...general];
  }
  if (
    /Proof Key for Code Exchange|browser requests to the token endpoint/i.test(answer.description)
  )
    return [
      {
        id: 'browser-origin',
        summary:
          'Okta refused the request because it came from a browser (it carried an Origin header).',
        evidence: [`The server answered ${answerInWords(answer)}.`],
        action:
          "Send it from a server or a terminal (the curl command above), or through this page's proxy, which never forwards Origin.",
        ways: NONE_HELPS,
      },
    ];
  if (
    /private_key_jwt/i.test(answer.description) ||
    (answer.error === 'invalid_client' &&
      facts.okta &&
      facts.way !== null &&
      isOktaOrgAuthorizationServer(evidence.request.url))
  ) {
    let custom = 'https://{yourOktaDomain}/oauth2/default/v1/token';
    try {
      custom = `${new URL(evidence.request.url).origin}/oauth2/default/v1/token`;
    } catch {
      // The endpoint was sent, so it parses; the placeholder is only a fallback.
    }
    return [
      {
        id: 'okta-org-server',
        summary:
          "This is Okta's org authorization server: for client credentials it accepts only private_key_jwt, never a client secret.",
        evidence: [`The server answered ${answerInWords(answer)}.`],
        action: `Use a custom authorization server instead, e.g. the "default" one every org has: ${custom}. Or keep this server and choose Client authentication "${CLIENT_AUTH.private_key_jwt.words.label}".`,
        ways: NONE_HELPS,
      },
    ];
  }
  // DPoP refusals (RFC 9449) concern the proof, not the client's credentials.
  const dpop = dpopTokenEndpointCause(facts, answer);
  if (dpop) return [dpop];
  const assertion = assertionOf(evidence.request.clientAuthentication);
  if (assertion) {
    // Without the moment of sending, the assertion's own iat stands for it (signed just before).
    const sentAt = evidence.sentAt ?? assertion.claims.iat * 1000;
    const context = assertionContextOf(
      evidence.request,
      facts.demo !== undefined,
      sentAt,
      evidence.answerHeaders ?? new Headers(),
    );
    const explained =
      context &&
      explainAssertionError(
        {
          error: answer.error,
          ...(answer.description ? { error_description: answer.description } : {}),
        },
        context,
      );
    if (explained)
      return [
        {
          id: 'assertion-refused',
          summary: explained.meaning,
          evidence: [`The server answered ${answerInWords(answer)}.`, ...explained.checks.slice(1)],
          action: explained.checks[0] ?? 'Sign a new assertion and send again.',
          ways: NONE_HELPS,
        },
      ];
  }
  if (authenticated(answer)) {
    const cause = afterAuthenticationCause(facts, answer, facts.way);
    if (cause) return [cause];
  }
  if (credentialsRefused(answer)) return refusedByVendor(facts);
  return [requestCauses(facts, answer)];
}

/**
 * The causes the evidence supports, most likely first, each with what supports it and one next
 * action. The advice under an answer, the conclusion of "Find what this server accepts" and the
 * order in which it tries the ways all read this one result, so they cannot disagree.
 *
 * An answer a server gives only after authenticating the client (a token, `invalid_scope`,
 * `unauthorized_client`, …) proves the way it was sent authenticated: no cause then blames the
 * credentials. Does NOT know the server's configuration beyond the evidence; where the evidence
 * cannot tell two causes apart, both are returned, most likely first.
 */
export function diagnose(evidence: Evidence): Diagnosis {
  const facts = factsOf(evidence);
  const [first = fallbackCause(facts), ...rest] = causesOf(facts);
  return { causes: [first, ...rest], authenticatedWay: firstAuthenticated(facts)?.way ?? null };
}

function fallbackCause(facts: Facts): Cause {
  return {
    id: 'unrecognized-answer',
    summary: `The server answered ${answerInWords(facts.answer)}.`,
    evidence: [],
    action: "Read the server's answer below.",
    ways: OPEN,
  };
}
