import { assertionOf } from '../client-auth/methods.ts';
import type { TokenRequest } from './token-request.ts';

/** The extra body fields a request carries under `name` (`audience`, `resource`), or the others. */
function extraValues(request: TokenRequest, name: string | null): string {
  const named = (field: string) => field === 'audience' || field === 'resource';
  return (request.input.extraFields ?? [])
    .filter(([field]) => (name === null ? !named(field) : field === name))
    .map((pair) => pair.join('='))
    .join('\n');
}

/**
 * The fields of the form, by the names the user sees on their labels, and what each one puts in
 * the request (the token endpoint as sent: trimmed).
 */
const FIELDS: ReadonlyArray<readonly [label: string, valueOf: (request: TokenRequest) => string]> =
  [
    ['Client ID', (request) => request.input.clientId],
    ['Client secret', (request) => request.input.clientSecret],
    ['Token endpoint', (request) => request.url],
    ['Scope', (request) => request.input.scope],
    ['Audience', (request) => extraValues(request, 'audience')],
    ['Resource', (request) => extraValues(request, 'resource')],
    ['Extra parameters', (request) => extraValues(request, null)],
    ['Client authentication', (request) => request.input.authMethod],
    ['Credential encoding', (request) => request.input.encoding],
    // A new assertion from the same key (Send, Sign a new assertion) is no change; another key is.
    ['Private key', (request) => assertionOf(request.clientAuthentication)?.header.kid ?? ''],
  ];

/** The request as it goes on the wire (RFC 6749 §4.4.2): method, URL, headers and body. */
function sameWireRequest(a: TokenRequest, b: TokenRequest): boolean {
  return (
    a.method === b.method &&
    a.url === b.url &&
    a.body === b.body &&
    a.headers.length === b.headers.length &&
    a.headers.every(([name, value], index) => {
      const other = b.headers[index];
      return other !== undefined && other[0] === name && other[1] === value;
    })
  );
}

/**
 * Which fields, by their visible labels and in the form's order, changed between the request
 * that was sent and the one the form describes now; empty when the answer still matches.
 *
 * An answer is out of date only when sending now would put different bytes on the wire: a change
 * that does not alter the request (the Credential encoding in client_secret_post, or for
 * credentials that both encodings leave alone; a space after the token endpoint) keeps the answer
 * valid. Does NOT say whether the new request would succeed.
 */
export function changesSinceSent(sent: TokenRequest, current: TokenRequest): string[] {
  if (sameWireRequest(sent, current)) return [];
  return FIELDS.filter(([, valueOf]) => valueOf(sent) !== valueOf(current)).map(([label]) => label);
}
