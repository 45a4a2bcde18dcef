import { enclosingQuote } from '../encoding/enclosing-quote.ts';
/** Something taken off a paste to reach the token, in the order it was met. */
export type TokenWrapper =
  | { readonly kind: 'token-response' }
  | { readonly kind: 'curl-command' }
  /** RFC 6750 §2.3: the `access_token` query parameter of a URL (or its fragment, RFC 6749 §4.2.2). */
  | { readonly kind: 'url-parameter' }
  | { readonly kind: 'command-option'; readonly option: string }
  | { readonly kind: 'quotes'; readonly quote: string }
  | { readonly kind: 'header-name'; readonly asWritten: string }
  | { readonly kind: 'scheme'; readonly scheme: string };

/** Why a paste holds no token, as data: the view says it in words. */
export type NotATokenReason =
  /** White space inside: words, or a token a terminal wrapped over lines. */
  | { readonly kind: 'white-space' }
  /** Characters outside RFC 6750 §2.1 `b64token`, each once, in order of appearance. */
  | { readonly kind: 'invalid-characters'; readonly characters: readonly string[] }
  /** An `Authorization: Basic …` header: client credentials, not an access token. */
  | { readonly kind: 'basic-credentials' }
  /** An RFC 6749 §5.2 error answer: it has `error`, never a token. */
  | { readonly kind: 'error-response'; readonly error: string }
  /** JSON that is neither a token response nor an error answer. */
  | { readonly kind: 'json-without-access-token' }
  /** Only wrappers (a header name, `Bearer`), nothing after them. */
  | { readonly kind: 'nothing-after-wrappers' };

export type PastedTokenReading =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'token';
      readonly token: string;
      readonly removed: readonly TokenWrapper[];
    }
  | {
      readonly kind: 'not-a-token';
      readonly reason: NotATokenReason;
      readonly removed: readonly TokenWrapper[];
    };

/** RFC 6750 §2.1: `b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const NOT_B64TOKEN = /[^A-Za-z0-9\-._~+/=]/gu;

const HEADER_NAME = /^(authorization)[ \t]*:[ \t]*/i;
/** curl's header option, with or without a space before its argument. */
const COMMAND_OPTION = /^(-H|--header)(?:[ \t]+|(?=['"]))/;
/** Schemes that carry an access token: RFC 6750 §2.1 Bearer and RFC 9449 §7.1 DPoP. */
const TOKEN_SCHEME = /^(bearer|dpop)(?:[ \t]+|$)/i;
/** A `-H`/`--header` argument of a whole curl command whose header is Authorization. */
const CURL_AUTHORIZATION_ARGUMENT = /(?:^|\s)(?:-H|--header)[ \t]*(?:'([^']*)'|"([^"]*)")/g;

function stripQuotes(text: string, removed: TokenWrapper[]): string {
  const quote = enclosingQuote(text);
  if (quote === undefined) return text;
  removed.push({ kind: 'quotes', quote });
  return text.slice(1, -1).trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `access_token` parameter of a URL's query or fragment, if it has one. */
function accessTokenOfUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return (
    url.searchParams.get('access_token') ??
    new URLSearchParams(url.hash.slice(1)).get('access_token') ??
    undefined
  );
}

/** The Authorization header argument of a whole curl command, if it has one. */
function authorizationArgument(command: string): string | undefined {
  for (const match of command.matchAll(CURL_AUTHORIZATION_ARGUMENT)) {
    const argument = match[1] ?? match[2] ?? '';
    if (HEADER_NAME.test(argument.trim())) return argument.trim();
  }
  return undefined;
}

/**
 * Reads what people paste into a token inspector down to the access token: a whole
 * `Authorization: Bearer …` line, `Bearer …` or `DPoP …`, quotes, a curl `-H '…'` argument or the
 * whole curl command, a URL carrying it as `access_token`, or an RFC 6749 §5.1 token response
 * pasted whole (its `access_token`). Says
 * what it took away, so the page can tell the reader.
 *
 * What is left must be an RFC 6750 §2.1 `b64token`; anything else (words with spaces, a Basic
 * header, an error answer) is reported as not a token, with the reason, never as an opaque token.
 * Does NOT decode or verify the token, and does NOT throw, whatever the input.
 */
export function readPastedToken(pasted: string): PastedTokenReading {
  const removed: TokenWrapper[] = [];
  let rest = pasted.trim();
  if (rest === '') return { kind: 'empty' };
  const notAToken = (reason: NotATokenReason): PastedTokenReading => ({
    kind: 'not-a-token',
    reason,
    removed,
  });

  if (rest.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rest);
    } catch {
      parsed = undefined;
    }
    if (isRecord(parsed)) {
      if (typeof parsed['access_token'] === 'string') {
        removed.push({ kind: 'token-response' });
        rest = parsed['access_token'].trim();
      } else if (typeof parsed['error'] === 'string') {
        return notAToken({ kind: 'error-response', error: parsed['error'] });
      } else {
        return notAToken({ kind: 'json-without-access-token' });
      }
    }
  }

  if (/^https?:\/\/\S+$/i.test(rest)) {
    const fromUrl = accessTokenOfUrl(rest);
    if (fromUrl !== undefined) {
      removed.push({ kind: 'url-parameter' });
      rest = fromUrl.trim();
    }
  }

  if (/^curl\b/.test(rest)) {
    const argument = authorizationArgument(rest);
    if (argument !== undefined) {
      removed.push({ kind: 'curl-command' });
      rest = argument;
    }
  }

  // Options, quotes, the header name and the scheme nest in any order a person copies them.
  for (let changed = true; changed && rest !== '';) {
    changed = false;
    const option = COMMAND_OPTION.exec(rest);
    if (option && !removed.some((w) => w.kind === 'command-option' || w.kind === 'curl-command')) {
      removed.push({ kind: 'command-option', option: option[1]! });
      rest = rest.slice(option[0].length).trim();
      changed = true;
    }
    const unquoted = stripQuotes(rest, removed);
    if (unquoted !== rest) {
      rest = unquoted;
      changed = true;
    }
    const name = HEADER_NAME.exec(rest);
    if (name && !removed.some((w) => w.kind === 'header-name')) {
      removed.push({ kind: 'header-name', asWritten: name[1]! });
      rest = rest.slice(name[0].length).trim();
      changed = true;
    }
    const scheme = TOKEN_SCHEME.exec(rest);
    if (scheme && !removed.some((w) => w.kind === 'scheme')) {
      removed.push({ kind: 'scheme', scheme: scheme[1]! });
      rest = rest.slice(scheme[0].length).trim();
      changed = true;
    }
  }

  if (rest === '') return notAToken({ kind: 'nothing-after-wrappers' });
  if (/^basic(?:\s|$)/i.test(rest)) return notAToken({ kind: 'basic-credentials' });
  if (B64TOKEN.test(rest)) return { kind: 'token', token: rest, removed };
  if (/\s/.test(rest)) return notAToken({ kind: 'white-space' });
  const characters = [...new Set(rest.match(NOT_B64TOKEN) ?? [])];
  // Only `=` in the wrong place is left: not a b64token either (padding ends it).
  return notAToken({
    kind: 'invalid-characters',
    characters: characters.length ? characters : ['='],
  });
}
