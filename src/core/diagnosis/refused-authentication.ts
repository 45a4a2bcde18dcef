import { AUTH_WAYS, type AuthWay } from '../client-auth/auth-ways.ts';
import type { CredentialField } from '../credentials/credential-checks.ts';
import type { PastedLineBreaks } from '../credentials/paste-cleanup.ts';
import { pastedInto } from './evidence.ts';
import { NONE_HELPS, OPEN, TRY, type Cause } from './causes.ts';
import { afterAuthenticationCause } from './after-authentication.ts';
import {
  FIELD_LABEL,
  type Facts,
  INVALID_CREDENTIAL_PARAMETER,
  NOT_PROPERLY_ENCODED,
  answerInWords,
  credentialsRefused,
  demoClientAction,
  firstAuthenticated,
  listCharacters,
  quoteWay,
  says,
  switchTo,
  whereTheyDiffer,
  withoutCharacters,
} from './facts.ts';

/*
 * Why a server refused the client's authentication: one rule per cause, in order from certain to
 * possible (another way authenticated; characters in a field; a demo client's ID with another
 * secret; Okta's documented descriptions; a removed line break; the way or encoding; at last the
 * credentials themselves).
 */

type Rule = (facts: Facts) => Cause | undefined;

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
    summary: `The client ID is that of the demo client "${demoClient.label}", and the secret is not that client's: ${whereTheyDiffer(secret, demoClient.clientSecret)}. Neither the method nor the encoding will change that.`,
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
      ...(demoMatch ? [`Without it, the ID is that of the demo client "${demoMatch.label}".`] : []),
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
        ? [
            `Without ${odd.length === 1 ? 'it' : 'them'}, the secret is that of the demo client "${demoClient.label}".`,
          ]
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

export function refusedAuthenticationCauses(facts: Facts): Cause[] {
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
