import { CLIENT_ASSERTION_TYPE } from '../client-auth/client-assertion.ts';
import type { ClientAuthMethod } from '../client-auth/method.ts';
import type { CredentialEncoding } from '../credentials/credentials.ts';
import { formUrlEncode } from '../encoding/form-urlencode.ts';
import type { SnippetRequest } from './snippet-request.ts';

/**
 * The environment variables a placeholder snippet reads instead of the values. A client
 * assertion (RFC 7523 §2.2) is single use and short lived, so the reader makes one and passes it
 * in `CLIENT_ASSERTION` rather than receiving the signing secret or key (docs/decisions/250).
 */
export type EnvironmentVariable = 'CLIENT_ID' | 'CLIENT_SECRET' | 'CLIENT_ASSERTION';

/**
 * A value computed when the snippet runs: literal text, an environment variable, the
 * form-encoding of a value (RFC 6749 Appendix B), the Base64 of a value's UTF-8 bytes
 * (RFC 7617 §2), or values written one after the other.
 */
export type Expression =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'variable'; readonly name: EnvironmentVariable }
  | { readonly kind: 'form-encode'; readonly of: Expression }
  | { readonly kind: 'base64'; readonly of: Expression }
  | { readonly kind: 'concat'; readonly parts: readonly Expression[] };

/** A body field's value: literal text, or an environment variable's (form-encoded when sent). */
export type FieldValue = { readonly text: string } | { readonly variable: EnvironmentVariable };

/**
 * The token request with the credentials as expressions over environment variables: what a
 * placeholder snippet sends. It holds no client ID, secret or assertion, only their names.
 */
export interface PlaceholderRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: Expression]>;
  readonly body: Expression;
  /** The body's fields in order, decoded: what targets that build the body field by field send. */
  readonly fields: ReadonlyArray<readonly [name: string, value: FieldValue]>;
  /** The variables the snippet reads, in the order the reader should set them. */
  readonly variables: readonly EnvironmentVariable[];
  /** How the credentials travel: which targets can compute them, and the note beside the code. */
  readonly authMethod: ClientAuthMethod;
  readonly encoding: CredentialEncoding;
}

/** What the placeholder request is made from: the wire request and how the client authenticates. */
export interface PlaceholderInput extends SnippetRequest {
  readonly authMethod: ClientAuthMethod;
  readonly encoding: CredentialEncoding;
}

export const text = (value: string): Expression => ({ kind: 'text', text: value });
const variable = (name: EnvironmentVariable): Expression => ({ kind: 'variable', name });

/**
 * Expressions one after the other, nested sums flattened and literal texts side by side merged,
 * so every target writes one string for them.
 */
export function concat(parts: readonly Expression[]): Expression {
  const merged: Expression[] = [];
  for (const part of parts.flatMap((p) => (p.kind === 'concat' ? p.parts : [p]))) {
    const last = merged[merged.length - 1];
    if (part.kind === 'text' && last?.kind === 'text') {
      merged[merged.length - 1] = text(last.text + part.text);
    } else if (part.kind !== 'text' || part.text !== '') {
      merged.push(part);
    }
  }
  return merged.length === 1 && merged[0] ? merged[0] : { kind: 'concat', parts: merged };
}

/** Body fields whose value the snippet reads from the environment, by field name. */
const FIELD_VARIABLES: Readonly<Record<string, EnvironmentVariable>> = {
  client_id: 'CLIENT_ID',
  client_secret: 'CLIENT_SECRET',
  client_assertion: 'CLIENT_ASSERTION',
};

/**
 * The request with every credential replaced by its environment variable: the Basic header is
 * computed from `CLIENT_ID` and `CLIENT_SECRET` in the chosen encoding (RFC 6749 §2.3.1: each
 * form-encoded first, or raw as the Okta guide does), the body's `client_id` and
 * `client_secret` are form-encoded from the environment (Appendix B), and a client assertion is
 * read from `CLIENT_ASSERTION`, present even before the page has signed one.
 *
 * Does NOT read any credential from `input`: only the URL, the other headers and the other body
 * fields pass through, so no secret can reach the result.
 */
export function placeholderRequest(input: PlaceholderInput): PlaceholderRequest {
  const variables = new Set<EnvironmentVariable>();
  const use = (name: EnvironmentVariable) => {
    variables.add(name);
    return variable(name);
  };
  const encode = (of: Expression): Expression =>
    input.encoding === 'form' ? { kind: 'form-encode', of } : of;

  const headers = input.headers.map(([name, value]): readonly [string, Expression] =>
    name.toLowerCase() === 'authorization' && input.authMethod === 'client_secret_basic'
      ? [
          name,
          concat([
            text('Basic '),
            {
              kind: 'base64',
              of: concat([encode(use('CLIENT_ID')), text(':'), encode(use('CLIENT_SECRET'))]),
            },
          ]),
        ]
      : [name, text(value)],
  );

  const fields: Array<readonly [string, string | EnvironmentVariable]> = [];
  for (const [name, value] of new URLSearchParams(input.body)) {
    fields.push([name, FIELD_VARIABLES[name] ?? value]);
  }
  // An assertion the page has not signed yet is still a field the reader fills in.
  const signs = input.authMethod === 'client_secret_jwt' || input.authMethod === 'private_key_jwt';
  if (signs && !fields.some(([name]) => name === 'client_assertion')) {
    fields.push(['client_assertion_type', CLIENT_ASSERTION_TYPE]);
    fields.push(['client_assertion', 'CLIENT_ASSERTION']);
  }
  const body = concat(
    fields.flatMap(([name, value], index) => {
      const prefix = text(`${index === 0 ? '' : '&'}${formUrlEncode(name)}=`);
      const variableName = FIELD_VARIABLES[name];
      if (!variableName) return [prefix, text(formUrlEncode(value))];
      // A JWT (RFC 7515 §7.1: base64url parts and dots) is the same form-encoded.
      return variableName === 'CLIENT_ASSERTION'
        ? [prefix, use(variableName)]
        : [prefix, { kind: 'form-encode', of: use(variableName) } as const];
    }),
  );

  const order: readonly EnvironmentVariable[] = ['CLIENT_ID', 'CLIENT_SECRET', 'CLIENT_ASSERTION'];
  return {
    method: input.method,
    url: input.url,
    headers,
    body,
    fields: fields.map(([name, value]) => {
      const variableName = FIELD_VARIABLES[name];
      return [name, variableName ? { variable: variableName } : { text: value }] as const;
    }),
    variables: order.filter((name) => variables.has(name)),
    authMethod: input.authMethod,
    encoding: input.encoding,
  };
}

/** How one language writes each kind of expression (the code of its parts already written). */
export interface ExpressionSyntax {
  readonly text: (value: string) => string;
  readonly variable: (name: EnvironmentVariable) => string;
  readonly formEncode: (code: string, of: Expression) => string;
  readonly base64: (code: string, of: Expression) => string;
  readonly concat: (codes: readonly string[]) => string;
}

/** The code of `expression` in a language, inside out. */
export function writeExpression(expression: Expression, syntax: ExpressionSyntax): string {
  switch (expression.kind) {
    case 'text':
      return syntax.text(expression.text);
    case 'variable':
      return syntax.variable(expression.name);
    case 'form-encode':
      return syntax.formEncode(writeExpression(expression.of, syntax), expression.of);
    case 'base64':
      return syntax.base64(writeExpression(expression.of, syntax), expression.of);
    case 'concat':
      return syntax.concat(expression.parts.map((part) => writeExpression(part, syntax)));
  }
}

/** Whether any part of `expression` is of `kind` (a snippet imports only what it uses). */
export function usesKind(expression: Expression, kind: Expression['kind']): boolean {
  if (expression.kind === kind) return true;
  if (expression.kind === 'concat') return expression.parts.some((part) => usesKind(part, kind));
  return 'of' in expression ? usesKind(expression.of, kind) : false;
}

/** Whether any value of the request uses `kind`. */
export function requestUses(request: PlaceholderRequest, kind: Expression['kind']): boolean {
  return usesKind(request.body, kind) || request.headers.some(([, value]) => usesKind(value, kind));
}

const listed = (names: readonly string[]) =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;

/**
 * The note under a placeholder snippet: which variables to set before running it, and, for a
 * client assertion, how to make one (RFC 7523 §3: iss and sub the client ID, aud the token
 * endpoint, a short exp, a new jti; signed with the private key or, for client_secret_jwt,
 * HMAC SHA-256 over the client secret).
 */
export function describePlaceholders(request: PlaceholderRequest): string {
  const names = request.variables;
  if (names.length === 0) return 'This request carries no credential.';
  const sentences = [
    `Holds no credential: it reads ${listed(names)} from the environment. Set ${names.length === 1 ? 'it' : 'them'} before running it (bash: export NAME='value'; PowerShell: $env:NAME = 'value'; cmd.exe: set "NAME=value").`,
  ];
  if (request.encoding === 'form' && request.authMethod === 'client_secret_basic') {
    sentences.push('The code form-encodes them before Base64, as RFC 6749 §2.3.1 asks.');
  }
  if (names.includes('CLIENT_ASSERTION')) {
    const signer =
      request.authMethod === 'client_secret_jwt'
        ? 'with HS256 over the client secret'
        : "with the client's private key";
    sentences.push(
      `CLIENT_ASSERTION is a JWT signed ${signer}: iss and sub the client ID, aud this token endpoint, a new jti and an exp a few minutes ahead. Make a new one for each request (it expires, and a server may refuse a jti it has seen); this page's client assertion section makes one.`,
    );
  }
  return sentences.join(' ');
}
