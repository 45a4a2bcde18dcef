/** RFC 4648 §4 Table 1: the standard Base64 alphabet, in value order. */
export const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALPHABET = BASE64_ALPHABET;

/**
 * Base64 (RFC 4648 §4: standard alphabet, `=` padding, one line) of the UTF-8 bytes of `text`
 * (RFC 7617 §2.1: the charset of Basic credentials is UTF-8).
 *
 * Does NOT use `btoa(text)`: it throws above U+00FF and silently encodes U+0080–U+00FF as Latin-1.
 * Does NOT keep lone surrogates: `TextEncoder` turns them into U+FFFD (EF BF BD); callers warn
 * about them (see `describeCharacterIssues`).
 */
export function utf8Base64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

/** Base64 (RFC 4648 §4, padded, no line breaks) of arbitrary bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      ALPHABET[n >>> 18]! +
      ALPHABET[(n >>> 12) & 63]! +
      ALPHABET[(n >>> 6) & 63]! +
      ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + '=';
  }
  return out;
}
