import { assertionContextOf } from '../assertion-context.ts';
import { explainAssertionError } from '../assertion-error-help.ts';
import { AUTH_WAY_LABEL, AUTH_WAYS, sameOnTheWire, wayOf, type AuthWay } from '../auth-ways.ts';
import {
  codePointsOf,
  describeCodePoint,
  isInvisible,
  type CodeUnitPosition,
} from '../characters.ts';
import type { CredentialField } from '../credential-checks.ts';
import type { PastedLineBreaks } from '../paste-cleanup.ts';
import { explainProxyFailure, type ProxyFailureCode } from '../proxy-error-help.ts';
import type { DemoClient, DemoServerInfo } from '../proxy-protocol.ts';
import { isOktaOrgAuthorizationServer } from '../token-endpoint.ts';
import {
  authenticated,
  demoServerOf,
  isOktaEndpoint,
  pastedInto,
  refusedAuthentication,
  type AnswerReading,
  type Evidence,
  type WayOutcome,
} from './evidence.ts';

/**
 * Every cause the page can name. The scenario corpus (scenarios/*.ts) names the true one of each
 * scenario by this id, so a rule that starts naming another cause first fails a test.
 */
export type CauseId =
  | `proxy:${ProxyFailureCode}`
  | 'not-a-token-endpoint'
  | 'token-issued'
  | 'browser-origin'
  | 'okta-org-server'
  | 'assertion-refused'
  | 'scope-missing'
  | 'scope-not-allowed'
  | 'grant-not-allowed'
  | 'grant-unsupported'
  | 'grant-refused'
  | 'resource-refused'
  | 'policy-denied'
  | 'way-not-read'
  | 'wrong-demo-secret'
  | 'unknown-demo-client'
  | 'client-id-characters'
  | 'secret-characters'
  | 'pasted-line-break'
  | 'raw-not-form-decodable'
  | 'colon-in-client-id'
  | 'secret-cut-at-colon'
  | 'basic-encoding'
  | 'generic-basic-reader'
  | 'edge-spaces'
  | 'wrong-secret'
  | 'unknown-client'
  | 'other-method'
  | 'wrong-credentials'
  | 'credentials-missing'
  | 'two-methods'
  | 'malformed-request'
  | 'dpop-required'
  | 'server-unavailable'
  | 'unknown-error'
  | 'unrecognized-answer';

/**
 * What a cause means for sending the same credentials another way: try that way, no way can
 * help (the cause is elsewhere), or nothing either way. The finder's order comes from this.
 */
export type WayAdvice =
  | { readonly kind: 'try'; readonly way: AuthWay }
  | { readonly kind: 'none-helps' }
  | { readonly kind: 'open' };

export interface Cause {
  readonly id: CauseId;
  /** One sentence: what is wrong. */
  readonly summary: string;
  /** What the page saw that supports it (the answer, earlier attempts, the inputs, the server). */
  readonly evidence: readonly string[];
  /** The one thing to do next. */
  readonly action: string;
  readonly ways: WayAdvice;
}

export interface Diagnosis {
  /** The causes the evidence supports, most likely first; never empty. */
  readonly causes: readonly [Cause, ...Cause[]];
  /** The first way (in the order tried) that the server authenticated, when one did. */
  readonly authenticatedWay: AuthWay | null;
}

const TRY = (way: AuthWay): WayAdvice => ({ kind: 'try', way });
const NONE_HELPS: WayAdvice = { kind: 'none-helps' };
const OPEN: WayAdvice = { kind: 'open' };

const quoteWay = (way: AuthWay) => `"${AUTH_WAY_LABEL[way]}"`;
const ENCODING_CHOICE: Record<'basic-raw' | 'basic-form', string> = {
  'basic-raw': 'Raw UTF-8',
  'basic-form': 'RFC 6749 form-encoded first',
};
const FIELD_LABEL: Record<CredentialField, string> = {
  clientId: 'client ID',
  clientSecret: 'secret',
};

/** How an answer reads in a few words: "401 invalid_client", "a token". */
function answerInWords(answer: AnswerReading): string {
  switch (answer.kind) {
    case 'token':
      return `${answer.status} with an access token`;
    case 'oauth-error':
      return `${answer.status} ${answer.error}${answer.description ? ` ("${answer.description}")` : ''}`;
    case 'basic-challenge':
      return `${answer.status} in plain text with "WWW-Authenticate: ${answer.challenge}"`;
    case 'not-a-token-endpoint':
    case 'other':
      return answer.shown;
    case 'proxy-failure':
      return answer.message;
  }
}

/** The facts every rule reads, computed once from the evidence. */
interface Facts {
  readonly evidence: Evidence;
  readonly answer: AnswerReading;
  readonly way: AuthWay | null;
  /** This request and the earlier attempts, oldest first, this one last. */
  readonly outcomes: readonly WayOutcome[];
  readonly clientId: string;
  readonly secret: string;
  readonly scope: string;
  readonly demo: DemoServerInfo | undefined;
  readonly demoClient: DemoClient | undefined;
  readonly okta: boolean;
  readonly encodingsDiffer: boolean;
  /** Characters outside VSCHAR (RFC 6749 Appendix A) or invisible, per field. */
  readonly oddCharacters: Readonly<Record<CredentialField, readonly CodeUnitPosition[]>>;
  readonly tried: (way: AuthWay) => boolean;
}

function oddCharactersOf(value: string): CodeUnitPosition[] {
  return codePointsOf(value).filter(
    (point) =>
      point.codePoint < 0x20 ||
      point.codePoint > 0x7e ||
      isInvisible(point.codePoint) ||
      point.loneSurrogate,
  );
}

/** `value` without the characters at the positions of `points`. */
function withoutCharacters(value: string, points: readonly CodeUnitPosition[]): string {
  return codePointsOf(value)
    .filter((point) => !points.some((each) => each.index === point.index))
    .map((point) => String.fromCodePoint(point.codePoint))
    .join('');
}

function listCharacters(points: readonly CodeUnitPosition[]): string {
  const shown = points
    .slice(0, 3)
    .map((point) => `${describeCodePoint(point.codePoint)} at position ${point.index + 1}`);
  return shown.join(', ') + (points.length > 3 ? ` and ${points.length - 3} more` : '');
}

function factsOf(evidence: Evidence): Facts {
  const { request, attempts, server } = evidence;
  const { clientId, clientSecret, scope } = request.input;
  const way = wayOf(request);
  const demo = demoServerOf(request.url, server.demos);
  const outcomes = [...attempts, { way, answer: evidence.answer }];
  const triedWays = outcomes.flatMap((outcome) => (outcome.way === null ? [] : [outcome.way]));
  return {
    evidence,
    answer: evidence.answer,
    way,
    outcomes,
    clientId,
    secret: clientSecret,
    scope: scope.trim(),
    demo,
    demoClient: demo?.clients.find((client) => client.clientId === clientId),
    okta: demo === undefined && isOktaEndpoint(request.url),
    encodingsDiffer: request.basicByEncoding.raw.pair !== request.basicByEncoding.form.pair,
    oddCharacters: {
      clientId: oddCharactersOf(clientId),
      clientSecret: oddCharactersOf(clientSecret),
    },
    tried: (candidate) => triedWays.some((done) => sameOnTheWire(request, candidate, done)),
  };
}

const says = (answer: AnswerReading, pattern: RegExp) =>
  answer.kind === 'oauth-error' && pattern.test(answer.description);

/** oidc-provider's and @node-oauth/oauth2-server's refusals of the credentials' characters or encoding. */
const NOT_PROPERLY_ENCODED = /not properly encoded/i;
const INVALID_CREDENTIAL_PARAMETER = /invalid parameter: `?client_(secret|id)`?/i;

/** True when the answer refuses the credentials as the server received them. */
function credentialsRefused(answer: AnswerReading): boolean {
  return (
    refusedAuthentication(answer) ||
    (answer.kind === 'other' && answer.status === 401) ||
    (answer.kind === 'oauth-error' &&
      answer.error === 'invalid_request' &&
      (NOT_PROPERLY_ENCODED.test(answer.description) ||
        INVALID_CREDENTIAL_PARAMETER.test(answer.description)))
  );
}

/** What to change in the form to send a way, in the page's words. */
function switchTo(way: AuthWay, from: AuthWay | null): string {
  if (way === 'post') return `Choose Client authentication ${quoteWay('post')} and send again.`;
  const encoding = ENCODING_CHOICE[way];
  return from === 'post'
    ? `Choose Client authentication "Basic header (client_secret_basic)" with Credential encoding "${encoding}" and send again.`
    : `Switch Credential encoding to "${encoding}" and send again.`;
}

function demoClientAction(client: DemoClient): string {
  return `Choose "${client.label}" under Demo client and press Use demo server: it fills in the exact secret.`;
}

/** Where two strings first differ, in words, without quoting either (one is a secret). */
function whereTheyDiffer(yours: string, theirs: string): string {
  const a = [...yours];
  const b = [...theirs];
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index++;
  const lengths =
    a.length === b.length
      ? `both have ${a.length} characters`
      : `yours has ${a.length} characters, the demo client's ${b.length}`;
  return index === Math.min(a.length, b.length)
    ? `yours ${a.length < b.length ? 'stops short of' : 'runs past'} the demo client's after ${index} characters (${lengths})`
    : `they first differ at character ${index + 1} (${lengths})`;
}

// ——— Answers that end the diagnosis: they say what happened on their own ———

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

// ——— Errors a server gives only after it authenticated the client ———

/** The scopes the page knows this client or server allows, in words, or undefined. */
function knownScopes(facts: Facts): { readonly words: string; readonly list: string } | undefined {
  if (facts.demoClient)
    return {
      words: `the ${facts.demoClient.label} of this demo server may request "${facts.demoClient.scope}"`,
      list: facts.demoClient.scope,
    };
  const supported = facts.evidence.server.scopesSupported;
  if (supported && supported.length > 0)
    return {
      words: `the server's metadata lists the scopes "${supported.join(' ')}" (scopes_supported)`,
      list: supported.join(' '),
    };
  return undefined;
}

function afterAuthenticationCause(
  facts: Facts,
  answer: Extract<AnswerReading, { kind: 'oauth-error' }>,
  way: AuthWay | null,
): Cause | undefined {
  const authenticatedBy = `The server answered ${answerInWords(answer)}${way ? ` to ${quoteWay(way)}` : ''}, which it gives only after it authenticated the client: the client ID, the secret and the way they were sent are right.`;
  const said = (pattern: RegExp) => pattern.test(answer.description);
  switch (answer.error) {
    case 'invalid_scope': {
      const scopes = knownScopes(facts);
      if (facts.scope === '' || said(/scope' must be provided|default scopes/i))
        return {
          id: 'scope-missing',
          summary:
            'No scope was requested, and the server has no default scope for this client: it needs one.',
          evidence: [authenticatedBy, ...(scopes ? [`Known: ${scopes.words}.`] : [])],
          action: scopes
            ? `Set Scope to "${scopes.list}" (or one of those scopes) and send again.`
            : facts.okta
              ? 'Enter a custom scope of this authorization server in Scope (Okta: Security › API › Authorization Servers › your server › Scopes), or mark one as a default scope.'
              : 'Enter a scope the server defines for this client in Scope and send again.',
          ways: NONE_HELPS,
        };
      const requested = facts.scope.split(/\s+/);
      const allowed = scopes?.list.split(' ');
      const refused = allowed ? requested.filter((scope) => !allowed.includes(scope)) : [];
      const notConfigured = said(/not configured for the authorization server/i);
      return {
        id: 'scope-not-allowed',
        summary: `The server refuses the scope ${refused.length > 0 ? `"${refused.join(' ')}"` : `"${facts.scope}"`}: ${notConfigured ? 'it does not exist on this authorization server' : 'this client may not request it, or it does not exist'}.`,
        evidence: [
          authenticatedBy,
          ...(scopes ? [`Known: ${scopes.words}.`] : []),
          ...(/^(openid|profile|email|address|phone|offline_access)$/.test(
            refused[0] ?? facts.scope,
          )
            ? [
                'OpenID scopes (openid, profile, …) name a user; the client credentials flow has none.',
              ]
            : []),
        ],
        action: scopes
          ? `Set Scope to "${allowed?.filter((scope) => requested.includes(scope)).join(' ') || scopes.list}" and send again.`
          : facts.okta
            ? 'Request a custom scope of this authorization server (Scopes tab), allowed for this client by an access policy rule.'
            : 'Request a scope the server registered for this client (check spelling and case, RFC 6749 §3.3).',
        ways: NONE_HELPS,
      };
    }
    case 'unauthorized_client': {
      const configured = answer.description
        .match(/Configured grant types?:?\s*\[?([^\]]*)\]?/i)?.[1]
        ?.trim();
      return {
        id: 'grant-not-allowed',
        summary: `This client may not use the client credentials grant${configured ? ` (its configured grant types: ${configured})` : ''}.`,
        evidence: [authenticatedBy],
        action: facts.okta
          ? "Use an API Services (machine-to-machine) app integration, or enable the Client Credentials grant type on the app's General tab."
          : 'Register the client for the client_credentials grant at the server.',
        ways: NONE_HELPS,
      };
    }
    case 'unsupported_grant_type':
      return {
        id: 'grant-unsupported',
        summary:
          'The server does not support the client credentials grant at this endpoint, or did not read grant_type.',
        evidence: [authenticatedBy],
        action:
          'Check that this server supports client credentials (its metadata lists grant_types_supported); the page sends grant_type=client_credentials in a form body (RFC 6749 §4.4.2).',
        ways: NONE_HELPS,
      };
    case 'invalid_grant':
      return {
        id: 'grant-refused',
        summary:
          'The server refused the grant itself (RFC 6749 §5.2; for a JWT bearer grant, RFC 7523 §3.1: the assertion).',
        evidence: [authenticatedBy],
        action:
          'Check at the server that the client is enabled and its policy allows the client credentials grant.',
        ways: NONE_HELPS,
      };
    case 'invalid_target':
      return {
        id: 'resource-refused',
        summary: 'The server refuses the resource (audience) requested (RFC 8707 §2).',
        evidence: [authenticatedBy],
        action: 'Request a resource this server issues tokens for, or none (its default).',
        ways: NONE_HELPS,
      };
    case 'access_denied':
      return {
        id: 'policy-denied',
        summary: `An access policy refused this request${said(/policy evaluation failed/i) ? ' (Okta: "Policy evaluation failed")' : ''}.`,
        evidence: [authenticatedBy],
        action: facts.okta
          ? 'Assign an access policy to this client on the authorization server, with an active rule allowing the Client Credentials grant and these scopes.'
          : "Check the server's access policy for this client and scope.",
        ways: NONE_HELPS,
      };
    default:
      return undefined;
  }
}

// ——— Refused authentication: what about the credentials or the way explains it ———

type Rule = (facts: Facts) => Cause | undefined;

const firstAuthenticated = (facts: Facts): WayOutcome | undefined =>
  facts.outcomes.find((outcome) => outcome.way !== null && authenticated(outcome.answer));

/** Another way of sending these credentials authenticated: the way explains this refusal. */
const anotherWayAuthenticated: Rule = (facts) => {
  const other = firstAuthenticated(facts);
  if (!other?.way || !facts.way || other.way === facts.way) return undefined;
  const evidence = [
    `${quoteWay(facts.way)} was refused: ${answerInWords(facts.answer)}.`,
    `${quoteWay(other.way)} authenticated: ${answerInWords(other.answer)}${other.answer.kind === 'token' ? '' : ', which comes only after authentication'}.`,
  ];
  if (other.way === 'post' && facts.clientId.includes(':'))
    return {
      id: 'colon-in-client-id',
      summary:
        'The ":" in your client ID cannot travel in this server\'s Basic header (RFC 7617 §2), and the server does not decode %3A: only the request body carries it.',
      evidence,
      action: switchTo('post', facts.way),
      ways: TRY('post'),
    };
  if (other.way === 'post' && facts.answer.kind === 'basic-challenge' && facts.secret.includes(':'))
    return {
      id: 'secret-cut-at-colon',
      summary:
        'This server\'s Basic reader cuts the secret at its second ":" (as passport-http\'s BasicStrategy does); the request body carries it whole.',
      evidence,
      action: switchTo('post', facts.way),
      ways: TRY('post'),
    };
  const reads =
    other.way === 'basic-form'
      ? 'This server form-decodes Basic credentials, as RFC 6749 §2.3.1 says'
      : other.way === 'basic-raw'
        ? 'This server takes the raw bytes of the Basic credentials, without form-decoding them (as the Okta guide sends them)'
        : 'This server reads these credentials from the request body, not from the Basic header';
  return {
    id: other.way === 'post' ? 'way-not-read' : 'basic-encoding',
    summary: `${reads}: send them ${quoteWay(other.way)}.`,
    evidence,
    action: switchTo(other.way, facts.way),
    ways: TRY(other.way),
  };
};

const wrongDemoSecret: Rule = ({ demo, demoClient, secret }) => {
  if (!demo || !demoClient || demoClient.privateKeyJwk || secret === demoClient.clientSecret)
    return undefined;
  return {
    id: 'wrong-demo-secret',
    summary: `The client ID is the ${demoClient.label}'s of this demo server, and the secret is not that client's: ${whereTheyDiffer(secret, demoClient.clientSecret)}. Neither the method nor the encoding will change that.`,
    evidence: [
      `The demo server's clients are public: "${demoClient.clientId}" has the secret "${demoClient.clientSecret}".`,
    ],
    action: demoClientAction(demoClient),
    ways: NONE_HELPS,
  };
};

const unknownDemoClient: Rule = ({ demo, demoClient, clientId }) => {
  if (!demo || demoClient) return undefined;
  const first = demo.clients.find((client) => !client.privateKeyJwk) ?? demo.clients[0];
  return {
    id: 'unknown-demo-client',
    summary: `This demo server has no client "${clientId}": it knows only its own demo clients.`,
    evidence: [`Its clients: ${demo.clients.map((client) => `"${client.clientId}"`).join(', ')}.`],
    action: first ? demoClientAction(first) : 'Choose a demo client and press Use demo server.',
    ways: NONE_HELPS,
  };
};

const clientIdCharacters: Rule = ({ oddCharacters, clientId, evidence }) => {
  const odd = oddCharacters.clientId;
  if (odd.length === 0) return undefined;
  const cleaned = withoutCharacters(clientId, odd);
  const demoMatch = evidence.server.demos
    .flatMap((demo) => demo.clients)
    .find((client) => client.clientId === cleaned);
  return {
    id: 'client-id-characters',
    summary: `The client ID holds ${listCharacters(odd)}: a registered client ID has none, so the server sees another ID${odd.some((point) => point.codePoint > 0x7e) ? ', and strict servers refuse characters outside visible ASCII (RFC 6749 Appendix A) however they are sent' : ''}.`,
    evidence: [
      `The server answered ${answerInWords(evidence.answer)}.`,
      ...(demoMatch ? [`Without it, the ID is the ${demoMatch.label}'s.`] : []),
    ],
    action: `Delete ${odd.length === 1 ? 'that character' : 'those characters'} from Client ID (they come with a copy from a file or a web page), or type the ID again.`,
    ways: NONE_HELPS,
  };
};

/** The server said it refuses the characters the secret holds: certain, and no way changes it. */
const secretCharactersRefused: Rule = ({ oddCharacters, answer, secret, demoClient }) => {
  const odd = oddCharacters.clientSecret;
  if (odd.length === 0) return undefined;
  const serverSaid =
    says(answer, NOT_PROPERLY_ENCODED) || says(answer, INVALID_CREDENTIAL_PARAMETER);
  const demoSecretWithout = demoClient?.clientSecret === withoutCharacters(secret, odd);
  if (!serverSaid && !demoSecretWithout) return undefined;
  return {
    id: 'secret-characters',
    summary: `The secret holds ${listCharacters(odd)}, outside visible ASCII (VSCHAR, RFC 6749 Appendix A): this server refuses such characters however they are sent, so no method or encoding can carry this secret to it.`,
    evidence: [
      `The server answered ${answerInWords(answer)}.`,
      ...(demoSecretWithout && demoClient
        ? [`Without ${odd.length === 1 ? 'it' : 'them'}, the secret is the ${demoClient.label}'s.`]
        : []),
    ],
    action:
      'If these characters came with the copy, delete them; if they are really part of the secret, generate a new secret at the server (an ASCII one, as Okta makes).',
    ways: NONE_HELPS,
  };
};

/**
 * Characters outside VSCHAR in the secret, at a server whose answer does not say why: the demo
 * servers refuse them in every method; another server may or may not.
 */
const secretCharactersMaybe: Rule = ({ oddCharacters, answer, demo }) => {
  const odd = oddCharacters.clientSecret;
  if (odd.length === 0) return undefined;
  return {
    id: 'secret-characters',
    summary: `The secret holds ${listCharacters(odd)}, outside visible ASCII (VSCHAR, RFC 6749 Appendix A): ${demo ? 'this demo server refuses' : 'strict servers refuse'} such characters however they are sent.`,
    evidence: [`The server answered ${answerInWords(answer)}, which does not say why.`],
    action:
      'If these characters came with the copy, delete them; if they are really part of the secret and the ID and secret are right, generate a new secret at the server (an ASCII one).',
    ways: demo ? NONE_HELPS : OPEN,
  };
};

function pastedWords(note: PastedLineBreaks, field: CredentialField): string {
  const breaks = note.count === 1 ? 'a line break' : `${note.count} line breaks`;
  return `You pasted the ${FIELD_LABEL[field]} with ${breaks}${note.atEnd ? ' at the end' : ''}, which the one-line field removed (see the note under it): the server received the ${FIELD_LABEL[field]} without ${note.count === 1 ? 'it' : 'them'}.`;
}

const pastedLineBreak: Rule = (facts) => {
  const fields = (['clientSecret', 'clientId'] as const).flatMap((field) => {
    const note = pastedInto(facts.evidence, field);
    return note ? [{ field, note }] : [];
  });
  const first = fields[0];
  if (!first) return undefined;
  const { field, note } = first;
  return {
    id: 'pasted-line-break',
    summary: note.atEnd
      ? `${pastedWords(note, field)} Either the ${FIELD_LABEL[field]} is not the right one, or the one registered at the server really ends with a line break (set with echo without -n), which no one-line field can send.`
      : `${pastedWords(note, field)} A value broken over lines was probably wrapped by the program it was copied from: the pieces were joined, so check that nothing else (a space, a "\\" at the line end) came with them.`,
    evidence: fields.map((entry) => pastedWords(entry.note, entry.field)),
    action: `Copy the ${FIELD_LABEL[field]} again from where it was registered and compare it with what the field holds (Show secret).`,
    ways: OPEN,
  };
};

const rawNotFormDecodable: Rule = (facts) => {
  if (!says(facts.answer, NOT_PROPERLY_ENCODED) || facts.way !== 'basic-raw') return undefined;
  const next: AuthWay = facts.tried('basic-form') ? 'post' : 'basic-form';
  return {
    id: 'raw-not-form-decodable',
    summary:
      'The server form-decodes the credentials in the Basic header (RFC 6749 §2.3.1) and could not decode yours: sent raw, a "%" not followed by two hex digits is not valid form-encoding.',
    evidence: [`The server answered ${answerInWords(facts.answer)}.`],
    action: switchTo(next, facts.way),
    ways: TRY(next),
  };
};

const colonInClientId: Rule = (facts) => {
  if (!facts.clientId.includes(':') || facts.way === 'post' || facts.way === null) return undefined;
  return {
    id: 'colon-in-client-id',
    summary:
      'Your client ID contains ":", which a raw Basic header cannot carry (RFC 7617 §2: the server splits at the first ":"); servers that read Basic raw cannot read the form-encoded "%3A" either. The request body carries it whole.',
    evidence: [`${quoteWay(facts.way)} was refused: ${answerInWords(facts.answer)}.`],
    action: switchTo('post', facts.way),
    ways: TRY('post'),
  };
};

const secretCutAtColon: Rule = (facts) => {
  if (
    facts.answer.kind !== 'basic-challenge' ||
    !facts.secret.includes(':') ||
    facts.way === 'post'
  )
    return undefined;
  return {
    id: 'secret-cut-at-colon',
    summary:
      'Your secret contains ":", and this server answered like a generic HTTP Basic reader (passport-http\'s BasicStrategy), which keeps only the part of the secret before its second ":".',
    evidence: [`The server answered ${answerInWords(facts.answer)}, not an OAuth error.`],
    action: switchTo('post', facts.way),
    ways: TRY('post'),
  };
};

const OTHER_ENCODING: Record<'basic-raw' | 'basic-form', 'basic-raw' | 'basic-form'> = {
  'basic-raw': 'basic-form',
  'basic-form': 'basic-raw',
};

const basicEncoding: Rule = (facts) => {
  if (facts.way !== 'basic-raw' && facts.way !== 'basic-form') return undefined;
  if (!facts.encodingsDiffer) return undefined;
  const other = OTHER_ENCODING[facts.way];
  if (facts.tried(other)) return undefined;
  // A plain-text Basic challenge comes from a generic HTTP Basic reader, which takes raw bytes.
  const reads =
    facts.answer.kind === 'basic-challenge'
      ? 'raw'
      : (facts.demo?.basicCredentials ?? (facts.demo ? 'form-decoded' : undefined));
  if (reads === 'form-decoded' && other === 'basic-raw') return undefined;
  if (reads === 'raw' && other === 'basic-form') return undefined;
  const why =
    reads === 'form-decoded'
      ? 'this demo server form-decodes Basic credentials (RFC 6749 §2.3.1)'
      : reads === 'raw'
        ? `this ${facts.demo ? 'demo server' : 'server'} takes the raw bytes of Basic credentials`
        : 'servers disagree on which one they read (RFC 6749 §2.3.1 says form-encoded; the Okta guide sends raw)';
  return {
    id: 'basic-encoding',
    summary: `Your credentials read differently in the two encodings, and ${why}: the server probably read another secret than yours.`,
    evidence: [
      `${quoteWay(facts.way)} was refused: ${answerInWords(facts.answer)}.`,
      `Raw, the pair is ${facts.evidence.request.basicByEncoding.raw.pair.length} characters; form-encoded, ${facts.evidence.request.basicByEncoding.form.pair.length}.`,
    ],
    action: switchTo(other, facts.way),
    ways: TRY(other),
  };
};

const genericBasicReader: Rule = (facts) => {
  if (facts.answer.kind !== 'basic-challenge' || facts.way === 'post' || facts.tried('post'))
    return undefined;
  return {
    id: 'generic-basic-reader',
    summary:
      'The server refused the credentials with a plain HTTP Basic challenge, not an OAuth error: a generic Basic reader, which takes the raw bytes; such servers often read client_id and client_secret from the body with another reader.',
    evidence: [`The server answered ${answerInWords(facts.answer)}.`],
    action: switchTo('post', facts.way),
    ways: TRY('post'),
  };
};

const edgeSpaces: Rule = ({ clientId, secret }) => {
  const fields = (
    [
      ['clientId', clientId],
      ['clientSecret', secret],
    ] as const
  ).filter(([, value]) => /^ | $/.test(value));
  if (fields.length === 0) return undefined;
  const names = fields.map(([field]) => FIELD_LABEL[field]).join(' and the ');
  return {
    id: 'edge-spaces',
    summary: `The ${names} starts or ends with a space, which the server compares like any other character.`,
    evidence: ['Registered credentials rarely begin or end with a space; a copy often adds one.'],
    action: `Delete the space at the start or end of the ${names}.`,
    ways: OPEN,
  };
};

/** Okta's documented `error_description`s tell a known client with a wrong secret from an unknown client. */
const oktaWrongSecret: Rule = ({ answer }) =>
  says(answer, /client secret supplied for a confidential client is invalid/i)
    ? {
        id: 'wrong-secret',
        summary:
          'The server knows this client ID, and the secret is not its secret: "The client secret supplied for a confidential client is invalid."',
        evidence: [`The server answered ${answerInWords(answer)}.`],
        action:
          "Copy the secret again from the app's General tab (Client Credentials › Client secrets): a rotated or regenerated secret invalidates the old one.",
        ways: NONE_HELPS,
      }
    : undefined;

const oktaUnknownClient: Rule = ({ answer }) =>
  says(
    answer,
    /invalid value for 'client_id'|client_id.*(not found|unknown)|no client (was )?found/i,
  )
    ? {
        id: 'unknown-client',
        summary: 'The server does not know this client ID.',
        evidence: [`The server answered ${answerInWords(answer)}.`],
        action:
          "Copy the client ID again from the app's General tab, and check that the app belongs to this org and authorization server.",
        ways: NONE_HELPS,
      }
    : undefined;

const otherMethod: Rule = (facts) => {
  if (facts.way === null) return undefined;
  const candidates: AuthWay[] = facts.way === 'post' ? ['basic-raw', 'basic-form'] : ['post'];
  const untried = candidates.find((candidate) => !facts.tried(candidate));
  if (!untried) return undefined;
  return {
    id: 'other-method',
    summary:
      'The client may be registered for the other client authentication method: a server registers each client for one (token_endpoint_auth_method).',
    evidence: [
      `Only ${facts.outcomes
        .flatMap((o) => (o.way ? [quoteWay(o.way)] : []))
        .filter((w, i, all) => all.indexOf(w) === i)
        .join(', ')} was tried.`,
    ],
    action: switchTo(untried, facts.way),
    ways: TRY(untried),
  };
};

const wrongCredentials: Rule = (facts) => {
  const everyWay = AUTH_WAYS.every((way) => facts.tried(way));
  const refusedWays = facts.outcomes.flatMap((outcome) =>
    outcome.way && credentialsRefused(outcome.answer) ? [quoteWay(outcome.way)] : [],
  );
  return {
    id: 'wrong-credentials',
    summary: everyWay
      ? 'Every way of sending these credentials was refused: the way is not the problem. The server does not know this client ID, or the secret is not its secret.'
      : 'The server does not know this client ID, or the secret is not its secret.',
    evidence: [`Refused: ${[...new Set(refusedWays)].join(', ') || answerInWords(facts.answer)}.`],
    action: facts.okta
      ? "Copy the client ID and secret again from the app's General tab (a rotated or regenerated secret invalidates the old one)."
      : 'Copy the client ID and secret again from where the client was registered (a rotated or regenerated secret invalidates the old one).',
    ways: everyWay ? NONE_HELPS : OPEN,
  };
};

/** In order: the more certain and the more specific a rule, the earlier. */
const REFUSED_AUTHENTICATION_RULES: readonly Rule[] = [
  clientIdCharacters,
  secretCharactersRefused,
  wrongDemoSecret,
  unknownDemoClient,
  oktaWrongSecret,
  oktaUnknownClient,
  pastedLineBreak,
  edgeSpaces,
  rawNotFormDecodable,
  colonInClientId,
  secretCutAtColon,
  basicEncoding,
  genericBasicReader,
  secretCharactersMaybe,
  otherMethod,
  wrongCredentials,
];

function refusedAuthenticationCauses(facts: Facts): Cause[] {
  const other = firstAuthenticated(facts);
  const wayCause = anotherWayAuthenticated(facts);
  if (other && wayCause) {
    // The credentials are proven right: what the authenticated way then showed (a refused
    // scope) is the next thing to fix, and nothing may blame the ID or the secret.
    const after =
      other.answer.kind === 'oauth-error'
        ? afterAuthenticationCause(facts, other.answer, other.way)
        : undefined;
    return after ? [wayCause, after] : [wayCause];
  }
  const causes = REFUSED_AUTHENTICATION_RULES.flatMap((rule) => rule(facts) ?? []).filter(
    (cause, index, all) => all.findIndex((other) => other.id === cause.id) === index,
  );
  const [first, ...rest] = causes;
  if (!first) return [];
  // A cause no way can change, found in the evidence, explains the refusal: after it, advice to
  // send another way would contradict it, and so would another certain cause or the fallback.
  return first.ways.kind === 'none-helps'
    ? [
        first,
        ...rest.filter((cause) => cause.ways.kind === 'open' && cause.id !== 'wrong-credentials'),
      ]
    : causes;
}

// ——— Everything else an OAuth error can say ———

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
    case 'invalid_dpop_proof':
    case 'use_dpop_nonce':
      return {
        id: 'dpop-required',
        summary:
          'This client requires DPoP-bound tokens (RFC 9449): a plain client credentials request is refused.',
        evidence: [server],
        action:
          'Turn off "Require Demonstrating Proof of Possession (DPoP) header in token requests" on the app, or send a DPoP proof.',
        ways: NONE_HELPS,
      };
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
        action: `Use a custom authorization server instead, e.g. the "default" one every org has: ${custom}. Or keep this server and choose Client authentication "Private key JWT (private_key_jwt)".`,
        ways: NONE_HELPS,
      },
    ];
  }
  if (evidence.request.clientAuthentication.method === 'private_key_jwt') {
    const context = assertionContextOf(
      evidence.request,
      facts.demo !== undefined,
      evidence.sentAt ?? Date.now(),
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
  if (credentialsRefused(answer)) return refusedAuthenticationCauses(facts);
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
