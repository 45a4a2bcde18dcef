import { checkCredentials } from '../credentials/credential-checks.ts';
import type { ClientCredentials } from '../credentials/credentials.ts';
import type { HeaderFinding, LineBreak, PairReading, Span } from './findings.ts';
import { formDecodeCredential, type DecodedSegment } from './form-decode-credential.ts';
import { utf8InvalidSpans } from './utf8-invalid-spans.ts';

const BOM = [0xef, 0xbb, 0xbf] as const;
const MASK = '\u2022';
/** How a space is shown in a mask: visible, unlike a space. */
const VISIBLE_SPACE = '\u2423';

/** The client credentials as each server reading gives them; `form` undefined where a server refuses it. */
export type PairReadings = Readonly<Record<'raw', ClientCredentials>> &
  Readonly<Record<'form', ClientCredentials | undefined>>;

export interface BasicPair {
  /**
   * The credentials as meant, with what tools add by mistake (a BOM, `-n `, a trailing line break)
   * taken off; undefined when there is no `:` to split at.
   */
  readonly readings: PairReadings | undefined;
  /** The line-break characters that end the decoded text, which a server keeps in the secret. */
  readonly trailingLineBreak: string;
  readonly findings: HeaderFinding[];
}

const LINE_BREAK_SHOWN: Readonly<Record<string, string>> = { '\n': '\u21b5', '\r': '\u2190' };

function codePointLength(value: string): number {
  return [...value].length;
}

/**
 * A mask of a secret that shows only where the two readings differ and how: `+` and the `%` of
 * each escape in the raw reading, `␣` (the space a `+` becomes) in the form reading. Hex digits
 * and decoded characters stay masked, so the mask reveals the encoding, not the secret.
 */
function maskSegments(segments: readonly DecodedSegment[], side: 'raw' | 'decoded'): string {
  return segments
    .map((segment) => {
      if (!segment.escape) return MASK.repeat(codePointLength(segment.raw));
      if (segment.raw === '+') return side === 'raw' ? '+' : VISIBLE_SPACE;
      return side === 'raw'
        ? segment.raw.replace(/%[0-9A-Fa-f]{2}/g, `%${MASK}${MASK}`)
        : MASK.repeat(codePointLength(segment.decoded));
    })
    .join('');
}

function lineBreakKind(lineBreak: string): LineBreak {
  return lineBreak.endsWith('\r\n') ? 'CRLF' : lineBreak.endsWith('\r') ? 'CR' : 'LF';
}

/**
 * A reading of the secret as the server receives it: a trailing line break is counted and shown
 * (`↵` for LF, `←` for CR) in the mask, so "secret of 7 characters" never hides that the 7th is a line break.
 */
function reading(
  clientId: string,
  secretLength: number,
  secretMask: string,
  trailingLineBreak = '',
): PairReading {
  if (trailingLineBreak === '') return { clientId, secretLength, secretMask };
  return {
    clientId,
    secretLength: secretLength + trailingLineBreak.length,
    secretMask: secretMask + [...trailingLineBreak].map((c) => LINE_BREAK_SHOWN[c] ?? '').join(''),
    trailingLineBreak: { kind: lineBreakKind(trailingLineBreak), length: trailingLineBreak.length },
  };
}

/** Parts made only of what form-encoding outputs (`A-Z a-z 0-9 * - . _ % +`) look form-encoded. */
function looksFormEncoded(clientId: string, clientSecret: string): boolean {
  return (
    /^[A-Za-z0-9*._%+-]*$/.test(clientId + clientSecret) && /[%+]/.test(clientId + clientSecret)
  );
}

/**
 * Reads decoded Basic credentials (RFC 7617 §2: `user-id ":" password`, UTF-8 per §2.1) the way
 * the two kinds of server do (raw, as the Okta guide sends; form-decoded, RFC 6749 §2.3.1), and
 * reports what tools add by mistake: a UTF-8 BOM (Notepad), a literal `-n ` (an `echo` that does
 * not know `-n`), a trailing newline (`echo` without `-n`), bytes that are not UTF-8 (Latin-1 from
 * older tools), a missing `:` or one percent-encoded as `%3A`.
 *
 * Does NOT put the secret in any finding: only its length and a mask (see `PairReading`).
 * `expected`, when given, only tells whether a pair without `:` is the client ID or the secret.
 */
export function readBasicPair(input: Uint8Array, expected?: ClientCredentials): BasicPair {
  const findings: HeaderFinding[] = [];
  let bytes = input;
  let offset = 0;
  if (BOM.every((b, i) => bytes[i] === b)) {
    findings.push({
      code: 'byte-order-mark',
      severity: 'error',
      where: 'decoded',
      bytes: [{ start: 0, end: 3 }],
    });
    bytes = bytes.subarray(3);
    offset = 3;
  }

  const invalid = utf8InvalidSpans(bytes);
  const text =
    invalid.length === 0
      ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
      : Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  if (invalid.length > 0) {
    // Latin-1 maps each byte to one character, so byte positions are text positions here.
    const colon = text.indexOf(':');
    const inClientId = invalid.some((s) => colon === -1 || s.start < colon);
    const clientId = colon === -1 ? undefined : text.slice(0, colon);
    findings.push({
      code: 'not-utf8',
      severity: 'error',
      inClientId,
      inSecret: colon !== -1 && invalid.some((s) => s.end > colon + 1),
      ...(inClientId && clientId !== undefined ? { latin1ClientId: clientId } : {}),
      bytes: invalid.map((s): Span => ({ start: s.start + offset, end: s.end + offset })),
    });
  }

  let pair = text;
  if (pair.startsWith('-n ')) {
    findings.push({
      code: 'literal-dash-n',
      severity: 'error',
      bytes: [{ start: offset, end: offset + 3 }],
    });
    pair = pair.slice(3);
  }
  const newline = /(\r\n|\r|\n)+$/.exec(pair);
  const trailingLineBreak = newline?.[0] ?? '';
  if (newline) {
    const last = newline[1] === '\r\n' ? 'CRLF' : newline[1] === '\r' ? 'CR' : 'LF';
    const end = offset + bytes.length;
    findings.push({
      code: 'trailing-newline',
      severity: 'error',
      newline: last,
      bytes: [{ start: end - newline[0].length, end }],
    });
    pair = pair.slice(0, newline.index);
  }

  let colon = pair.indexOf(':');
  let separatorLength = 1;
  if (colon === -1) {
    const percent = /%3A/i.exec(pair);
    if (!percent) {
      const equalsExpected =
        expected && pair === expected.clientId
          ? 'clientId'
          : expected && pair === expected.clientSecret
            ? 'clientSecret'
            : undefined;
      findings.push({
        code: 'no-colon',
        severity: 'error',
        decodedLength: codePointLength(pair),
        ...(equalsExpected ? { equalsExpected } : {}),
      });
      return { readings: undefined, trailingLineBreak, findings };
    }
    findings.push({ code: 'percent-encoded-separator', severity: 'error' });
    colon = percent.index;
    separatorLength = 3;
  }

  const raw: ClientCredentials = {
    clientId: pair.slice(0, colon),
    clientSecret: pair.slice(colon + separatorLength),
  };
  const idSegments = formDecodeCredential(raw.clientId);
  const secretSegments = formDecodeCredential(raw.clientSecret);
  const form =
    idSegments && secretSegments
      ? {
          clientId: idSegments.map((s) => s.decoded).join(''),
          clientSecret: secretSegments.map((s) => s.decoded).join(''),
        }
      : undefined;
  const secretLength = codePointLength(raw.clientSecret);
  findings.push({
    code: 'pair-read',
    severity: 'fine',
    reading: reading(raw.clientId, secretLength, MASK.repeat(secretLength), trailingLineBreak),
  });

  if (!form || form.clientId !== raw.clientId || form.clientSecret !== raw.clientSecret) {
    // A secret no server can form-decode: its mask shows its `+` signs only.
    const literal = (value: string): DecodedSegment[] =>
      [...value].map((c) => ({ raw: c, decoded: c, escape: c === '+' }));
    const rawMask = maskSegments(secretSegments ?? literal(raw.clientSecret), 'raw');
    findings.push({
      code: 'encoding-readings-differ',
      severity: 'warning',
      raw: reading(raw.clientId, secretLength, rawMask, trailingLineBreak),
      form:
        form && secretSegments
          ? reading(
              form.clientId,
              codePointLength(form.clientSecret),
              maskSegments(secretSegments, 'decoded'),
              trailingLineBreak,
            )
          : undefined,
      likely: form && looksFormEncoded(raw.clientId, raw.clientSecret) ? 'form' : 'raw',
    });
  }

  for (const check of checkCredentials(raw, 'raw')) {
    findings.push({
      code: 'credential-check',
      severity: check.severity === 'error' ? 'error' : 'warning',
      check,
    });
  }
  return { readings: { raw, form }, trailingLineBreak, findings };
}
