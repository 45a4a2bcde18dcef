/**
 * The WHATWG `application/x-www-form-urlencoded` byte serializer written out byte by byte, as an
 * oracle independent of `URLSearchParams`: keep `A-Z a-z 0-9 * - . _`, space → `+`, else `%XX`.
 */
export function referenceFormEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const keep =
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      [0x2a, 0x2d, 0x2e, 0x5f].includes(byte);
    if (byte === 0x20) out += '+';
    else if (keep) out += String.fromCharCode(byte);
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
