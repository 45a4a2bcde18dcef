import type { Span } from './findings.ts';

/** The second byte's allowed range after each lead byte (Unicode §3.9, Table 3-7). */
function secondByteRange(lead: number): readonly [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Byte ranges of `bytes` that are not well-formed UTF-8 (Unicode §3.9, Table 3-7): a stray
 * continuation byte, a lead byte without its continuation, an overlong form or a surrogate.
 * Empty when the bytes are UTF-8.
 */
export function utf8InvalidSpans(bytes: Uint8Array): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = sequenceLength(lead);
    let valid = length > 0 && i + length <= bytes.length;
    if (valid && length > 1) {
      const [low, high] = secondByteRange(lead);
      const second = bytes[i + 1]!;
      valid = second >= low && second <= high;
      for (let k = 2; valid && k < length; k++) {
        const next = bytes[i + k]!;
        valid = next >= 0x80 && next <= 0xbf;
      }
    }
    if (valid) {
      i += length;
    } else {
      const last = spans[spans.length - 1];
      if (last && last.end === i) spans[spans.length - 1] = { start: last.start, end: i + 1 };
      else spans.push({ start: i, end: i + 1 });
      i += 1;
    }
  }
  return spans;
}
