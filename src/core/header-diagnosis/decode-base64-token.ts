import { BASE64_ALPHABET } from '../encoding/base64.ts';
import type { HeaderFinding, Span } from './findings.ts';
import { originalSpan, type PastedText } from './pasted-text.ts';

export interface DecodedToken {
  /** The decoded bytes; undefined when the token cannot be read even leniently. */
  readonly bytes: Uint8Array | undefined;
  readonly findings: HeaderFinding[];
}

function spansWhere(token: PastedText, test: (c: string) => boolean): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < token.text.length; i++) {
    if (test(token.text[i]!)) spans.push(originalSpan(token, i, i + 1));
  }
  return spans;
}

/**
 * Checks a Basic token against RFC 7617 §2 / RFC 4648 §4 (standard alphabet, `=` padding to a
 * multiple of four) and decodes it leniently, reading base64url (§5) and unpadded Base64 too, so
 * the credentials inside can still be examined.
 *
 * Does NOT decode a token with characters outside both alphabets or an impossible length: any
 * bytes it gave would be a guess.
 */
export function decodeBase64Token(token: PastedText): DecodedToken {
  const findings: HeaderFinding[] = [];
  const { text } = token;
  const invalid = spansWhere(token, (c) => !/[A-Za-z0-9+/=_-]/.test(c));
  if (invalid.length > 0)
    findings.push({ code: 'invalid-base64-character', severity: 'error', input: invalid });

  const urlCharacters = spansWhere(token, (c) => c === '-' || c === '_');
  if (urlCharacters.length > 0)
    findings.push({ code: 'base64url-alphabet', severity: 'error', input: urlCharacters });

  const padding = /=*$/.exec(text)?.[0].length ?? 0;
  const data = text.slice(0, text.length - padding);
  const misplaced = spansWhere({ text: data, at: token.at }, (c) => c === '=');
  const remainder = data.length % 4;
  if (remainder === 1) {
    findings.push({ code: 'impossible-length', severity: 'error', length: data.length });
  } else if (
    misplaced.length > 0 ||
    padding > 2 ||
    (padding > 0 && (data.length + padding) % 4 !== 0)
  ) {
    findings.push({ code: 'bad-padding', severity: 'error', input: misplaced });
  } else if (padding === 0 && remainder !== 0) {
    findings.push({ code: 'missing-padding', severity: 'error', missing: 4 - remainder });
  }
  if (invalid.length > 0 || remainder === 1) return { bytes: undefined, findings };

  const bytes = new Uint8Array(Math.floor((data.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let out = 0;
  for (const c of data.replaceAll('=', '')) {
    const value = BASE64_ALPHABET.indexOf(c === '-' ? '+' : c === '_' ? '/' : c);
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  const decoded = bytes.subarray(0, out);
  if (findings.length === 0)
    findings.push({ code: 'base64-ok', severity: 'fine', byteLength: decoded.length });
  return { bytes: decoded, findings };
}
