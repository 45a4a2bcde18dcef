import type { HeaderFinding, Span } from './findings.ts';
import {
  filterPasted,
  originalSpan,
  pastedText,
  slicePasted,
  type PastedText,
} from './pasted-text.ts';
import { enclosingQuote } from '../encoding/enclosing-quote.ts';

export interface PastedHeader {
  /** The token characters with white space taken out, positions kept; empty when there is none. */
  readonly token: PastedText;
  readonly findings: HeaderFinding[];
}

/** Schemes that are not Basic but appear in Authorization headers (IANA HTTP Authentication Scheme Registry and common ones). */
const OTHER_SCHEMES = new Set([
  'bearer',
  'digest',
  'dpop',
  'negotiate',
  'ntlm',
  'hoba',
  'mutual',
  'token',
  'oauth',
  'aws4-hmac-sha256',
  'scram-sha-1',
  'scram-sha-256',
  'vapid',
  'concealed',
  'privatetoken',
]);

/** `-----BEGIN CERTIFICATE-----` and its END line: what `certutil -encode` writes around Base64. */
const CERTUTIL_LINE = /^[ \t]*-----(?:BEGIN|END) [A-Z0-9 ]*-----[ \t]*$/;
const HEADER_NAME = /^authorization[ \t]*:[ \t]*/i;
/** curl's header option, copied along with the header from a command line. */
const HEADER_FLAG = /^(?:-H|--header)[ \t]+/;

function span(source: PastedText, start: number, end: number): Span[] {
  return end > start ? [originalSpan(source, start, end)] : [];
}

/** Trims white space at both ends, reporting a CR that ends no line. */
function trimEnds(source: PastedText, findings: HeaderFinding[]): PastedText {
  const start = source.text.length - source.text.trimStart().length;
  const end = source.text.trimEnd().length;
  const trailing = source.text.slice(end);
  // A CRLF is a pasted line ending; a CR alone is what `$(cat file)` keeps from a Windows file.
  const crIndex = trailing.search(/\r(?!\n)/);
  if (crIndex !== -1) {
    findings.push({
      code: 'stray-carriage-return',
      severity: 'error',
      input: span(source, end + crIndex, end + crIndex + 1),
    });
  }
  return slicePasted(source, start, Math.max(start, end));
}

/**
 * Takes off quotes around the text. Quotes around a whole header line (`'Authorization: Basic …'`,
 * or right after curl's `-H`) are a shell argument's: the shell removes them, so they are a note.
 * Quotes around the value alone would reach the server inside the value.
 */
function stripQuotes(
  source: PastedText,
  findings: HeaderFinding[],
  afterCommandFlag = false,
): PastedText {
  const { text } = source;
  const quote = enclosingQuote(text);
  if (quote === undefined) return source;
  const around = afterCommandFlag || HEADER_NAME.test(text.slice(1, -1).trim()) ? 'line' : 'value';
  findings.push({
    code: 'surrounding-quotes',
    severity: around === 'line' ? 'note' : 'error',
    quote,
    around,
    input: [...span(source, 0, 1), ...span(source, text.length - 1, text.length)],
  });
  return slicePasted(source, 1, text.length - 1);
}

/** Takes out `-----BEGIN …-----`/`-----END …-----` lines (certutil -encode). */
function stripCertutilLines(source: PastedText, findings: HeaderFinding[]): PastedText {
  const removed = new Set<number>();
  const spans: Span[] = [];
  let lineStart = 0;
  for (const line of source.text.split('\n')) {
    if (CERTUTIL_LINE.test(line.replace(/\r$/, ''))) {
      for (let i = lineStart; i < lineStart + line.length; i++) removed.add(i);
      spans.push(...span(source, lineStart, lineStart + line.length));
    }
    lineStart += line.length + 1;
  }
  if (spans.length === 0) return source;
  findings.push({ code: 'certutil-wrapper', severity: 'error', input: spans });
  return filterPasted(source, (i) => !removed.has(i));
}

/**
 * Reads what a person pasted as an Authorization header (a whole `Authorization: Basic …` line,
 * `Basic …`, bare Base64, wrapped lines, certutil output) down to the Base64 token, reporting
 * every wrapper it takes away.
 *
 * Does NOT decode the token (see `decodeBase64Token`). A lowercase or upper-case `basic` is not a
 * finding: RFC 9110 §11.1 makes the scheme name case-insensitive.
 */
export function readPastedHeader(input: string): PastedHeader {
  const findings: HeaderFinding[] = [];
  let rest = pastedText(input);

  const bomCount = /^\ufeff*/.exec(rest.text)?.[0].length ?? 0;
  if (bomCount > 0) {
    findings.push({
      code: 'byte-order-mark',
      severity: 'error',
      where: 'text',
      input: span(rest, 0, bomCount),
    });
    rest = slicePasted(rest, bomCount);
  }
  rest = stripCertutilLines(rest, findings);
  rest = trimEnds(rest, findings);

  // Quotes and header names nest in any order: `'Authorization: Basic …'`, `Authorization: "Basic …"`.
  let names = 0;
  let afterCommandFlag = false;
  for (let changed = true; changed;) {
    changed = false;
    const flag = names === 0 && !afterCommandFlag ? HEADER_FLAG.exec(rest.text) : null;
    if (flag) {
      findings.push({
        code: 'command-flag-included',
        severity: 'note',
        input: span(rest, 0, flag[0].trimEnd().length),
      });
      rest = slicePasted(rest, flag[0].length);
      afterCommandFlag = true;
      changed = true;
    }
    const unquoted = stripQuotes(rest, findings, afterCommandFlag && names === 0);
    if (unquoted !== rest) {
      rest = trimEnds(unquoted, findings);
      changed = true;
    }
    const name = HEADER_NAME.exec(rest.text);
    if (name) {
      findings.push({
        code: 'header-name-included',
        // RFC 9110 §5.5: one name per field line; a second one is inside the value.
        severity: names > 0 ? 'error' : 'note',
        repeated: names > 0,
        input: span(rest, 0, name[0].trimEnd().length),
      });
      names++;
      rest = trimEnds(slicePasted(rest, name[0].length), findings);
      changed = true;
    }
  }

  if (rest.text === '') {
    findings.push({ code: 'empty', severity: 'error' });
    return { token: rest, findings };
  }

  if (rest.text.toLowerCase() === 'basic') {
    findings.push({
      code: 'scheme-basic',
      severity: 'fine',
      asWritten: rest.text,
      input: span(rest, 0, 5),
    });
    findings.push({ code: 'empty', severity: 'error' });
    return { token: slicePasted(rest, 5), findings };
  }
  const firstWord = /^(\S+)([ \t\r\n]+)/.exec(rest.text);
  const scheme = firstWord?.[1] ?? '';
  if (firstWord && scheme.toLowerCase() === 'basic') {
    findings.push({
      code: 'scheme-basic',
      severity: 'fine',
      asWritten: scheme,
      input: span(rest, 0, scheme.length),
    });
    const separator = firstWord[2] ?? '';
    if (separator !== ' ') {
      findings.push({
        code: 'extra-spaces',
        severity: 'warning',
        input: span(rest, scheme.length, scheme.length + separator.length),
      });
    }
    rest = slicePasted(rest, firstWord[0].length);
    const again = /^basic[ \t]+/i.exec(rest.text);
    if (again) {
      findings.push({ code: 'scheme-doubled', severity: 'error', input: span(rest, 0, 5) });
      rest = slicePasted(rest, again[0].length);
    }
  } else if (firstWord && OTHER_SCHEMES.has(scheme.toLowerCase())) {
    findings.push({
      code: 'scheme-wrong',
      severity: 'error',
      scheme,
      input: span(rest, 0, scheme.length),
    });
    rest = slicePasted(rest, firstWord[0].length);
  } else {
    findings.push({ code: 'scheme-missing', severity: 'error' });
  }

  rest = stripQuotes(rest, findings);
  return { token: readTokenLines(rest, findings), findings };
}

/** Joins wrapped lines and takes out spaces, reporting both with their positions. */
function readTokenLines(source: PastedText, findings: HeaderFinding[]): PastedText {
  const { text } = source;
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1) {
    const breaks: Span[] = [];
    for (const match of text.matchAll(/\r\n|\r|\n/g)) {
      breaks.push(...span(source, match.index, match.index + match[0].length));
    }
    findings.push({
      code: 'line-break-in-token',
      severity: 'error',
      lineLengths: lines.slice(0, -1).map((line) => line.trim().length),
      input: breaks,
    });
  }
  // Spaces inside a line (not the indentation of a wrapped line) split the token in two.
  const spaces: Span[] = [];
  let offset = 0;
  for (const line of lines) {
    const inner = line.trim();
    const innerStart = offset + line.indexOf(inner);
    for (const match of inner.matchAll(/[ \t\u00a0]+/g)) {
      spaces.push(
        ...span(source, innerStart + match.index, innerStart + match.index + match[0].length),
      );
    }
    offset += line.length + (/^\r\n/.test(text.slice(offset + line.length)) ? 2 : 1);
  }
  if (spaces.length > 0)
    findings.push({ code: 'space-in-token', severity: 'error', input: spaces });
  return filterPasted(source, (i) => !/\s/.test(source.text[i]!));
}
