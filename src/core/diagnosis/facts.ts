import { AUTH_WAY_LABEL, sameOnTheWire, wayOf, type AuthWay } from '../client-auth/auth-ways.ts';
import { ENCODING_WORDS } from '../client-auth/choice-labels.ts';
import { CLIENT_AUTH } from '../client-auth/methods.ts';
import {
  codePointsOf,
  describeCodePoint,
  isInvisible,
  type CodeUnitPosition,
} from '../encoding/characters.ts';
import type { CredentialField } from '../credentials/credential-checks.ts';
import type { DemoClient, DemoServerInfo } from '../proxy/proxy-protocol.ts';
import {
  authenticated,
  demoServerOf,
  isOktaEndpoint,
  refusedAuthentication,
  type AnswerReading,
  type Evidence,
  type WayOutcome,
} from './evidence.ts';

/*
 * What every rule reads, computed once from the evidence, and the words the causes share (the
 * page's names of the ways, a field's odd characters, how an answer reads in a sentence).
 */

export const quoteWay = (way: AuthWay) => `"${AUTH_WAY_LABEL[way]}"`;
const ENCODING_CHOICE: Record<'basic-raw' | 'basic-form', string> = {
  'basic-raw': ENCODING_WORDS.raw.label,
  'basic-form': ENCODING_WORDS.form.label,
};
export const FIELD_LABEL: Record<CredentialField, string> = {
  clientId: 'client ID',
  clientSecret: 'secret',
};

/** How an answer reads in a few words: "401 invalid_client", "a token". */
export function answerInWords(answer: AnswerReading): string {
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
export interface Facts {
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
export function withoutCharacters(value: string, points: readonly CodeUnitPosition[]): string {
  return codePointsOf(value)
    .filter((point) => !points.some((each) => each.index === point.index))
    .map((point) => String.fromCodePoint(point.codePoint))
    .join('');
}

export function listCharacters(points: readonly CodeUnitPosition[]): string {
  const shown = points
    .slice(0, 3)
    .map((point) => `${describeCodePoint(point.codePoint)} at position ${point.index + 1}`);
  return shown.join(', ') + (points.length > 3 ? ` and ${points.length - 3} more` : '');
}

export function factsOf(evidence: Evidence): Facts {
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

export const says = (answer: AnswerReading, pattern: RegExp) =>
  answer.kind === 'oauth-error' && pattern.test(answer.description);

/** oidc-provider's and @node-oauth/oauth2-server's refusals of the credentials' characters or encoding. */
export const NOT_PROPERLY_ENCODED = /not properly encoded/i;
export const INVALID_CREDENTIAL_PARAMETER = /invalid parameter: `?client_(secret|id)`?/i;

/** True when the answer refuses the credentials as the server received them. */
export function credentialsRefused(answer: AnswerReading): boolean {
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
export function switchTo(way: AuthWay, from: AuthWay | null): string {
  if (way === 'post') return `Choose Client authentication ${quoteWay('post')} and send again.`;
  const encoding = ENCODING_CHOICE[way];
  return from === 'post'
    ? `Choose Client authentication "${CLIENT_AUTH.client_secret_basic.words.label}" with Credential encoding "${encoding}" and send again.`
    : `Switch Credential encoding to "${encoding}" and send again.`;
}

export function demoClientAction(client: DemoClient): string {
  return `Choose "${client.label}" under Demo client and press Use demo server: it fills in the exact secret.`;
}

/** Where two strings first differ, in words, without quoting either (one is a secret). */
export function whereTheyDiffer(yours: string, theirs: string): string {
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

export const firstAuthenticated = (facts: Facts): WayOutcome | undefined =>
  facts.outcomes.find((outcome) => outcome.way !== null && authenticated(outcome.answer));

/** Another way of sending these credentials authenticated: the way explains this refusal. */
