import type { NotATokenReason, TokenWrapper } from '../../core/token/read-pasted-token.ts';

function wrapperWords(wrapper: TokenWrapper): string {
  switch (wrapper.kind) {
    case 'token-response':
      return 'the token response around its access_token';
    case 'curl-command':
      return 'the curl command around its Authorization header';
    case 'url-parameter':
      return 'the URL around its access_token parameter';
    case 'command-option':
      return `the curl option ${wrapper.option}`;
    case 'quotes':
      return `the quotes (${wrapper.quote})`;
    case 'header-name':
      return `the header name ${wrapper.asWritten}:`;
    case 'scheme':
      return `the scheme ${wrapper.scheme}`;
  }
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * What the inspector took off a paste to reach the token, in one sentence ("Read from a whole
 * header line: removed the header name Authorization: and the scheme Bearer."), or null when the
 * paste was the token itself.
 */
export function describeRemovedWrappers(removed: readonly TokenWrapper[]): string | null {
  if (removed.length === 0) return null;
  if (removed.some((w) => w.kind === 'token-response')) {
    const rest = removed.filter((w) => w.kind !== 'token-response');
    return `Read the access_token of a pasted token response (RFC 6749 §5.1)${
      rest.length ? `, then removed ${list(rest.map(wrapperWords))}` : ''
    }: only the token is inspected.`;
  }
  const source = removed.some((w) => w.kind === 'curl-command')
    ? 'a curl command'
    : removed.some((w) => w.kind === 'url-parameter')
      ? 'a URL'
      : removed.some((w) => w.kind === 'header-name')
        ? 'a whole header line'
        : removed.some((w) => w.kind === 'scheme')
          ? 'a header value'
          : 'the pasted text';
  const inUrl = removed.some((w) => w.kind === 'url-parameter')
    ? ' A token in a URL ends up in server and proxy logs (RFC 6750 §2.3 advises against it): send it in the Authorization header.'
    : '';
  return `Read from ${source}: removed ${list(removed.map(wrapperWords))}. The token below is what an API receives.${inUrl}`;
}

/** Why a paste is not an access token, in words, with what to paste instead. */
export function describeNotAToken(reason: NotATokenReason): string {
  const rule =
    'an access token is one word of letters, digits and - . _ ~ + / (RFC 6750 §2.1, b64token)';
  switch (reason.kind) {
    case 'white-space':
      return `This cannot be an access token: it contains spaces or line breaks, and ${rule}. Paste the token itself, a token response, or an Authorization: Bearer line; if a terminal wrapped a token over lines, join them.`;
    case 'invalid-characters':
      return `This cannot be an access token: it contains ${list(
        reason.characters.map(
          (c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`,
        ),
      )}, and ${rule}, with "=" only at its end.`;
    case 'basic-credentials':
      return 'This is a Basic Authorization header: the client ID and secret, not an access token. Check it with Check a header; an access token comes back from the token endpoint.';
    case 'error-response':
      return `This is an error answer (error "${reason.error}", RFC 6749 §5.2): the server issued no access token.`;
    case 'json-without-access-token':
      return 'This JSON has no access_token: paste the whole token response, or the token itself.';
    case 'nothing-after-wrappers':
      return 'There is no token after the header name or scheme: paste the whole line.';
  }
}
