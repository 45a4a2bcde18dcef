import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formEncodingSegments } from './encoding-diff.ts';

/** The WHATWG urlencoded byte serializer, byte by byte (independent of URLSearchParams). */
function referenceFormEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    if (byte === 0x20) out += '+';
    else if (/[A-Za-z0-9*\-._]/.test(String.fromCharCode(byte)) && byte < 0x80)
      out += String.fromCharCode(byte);
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

describe('formEncodingSegments', () => {
  it('marks exactly the characters the two encodings treat differently', () => {
    expect(formEncodingSegments('a+b c')).toEqual([
      { raw: 'a', encoded: 'a', changed: false },
      { raw: '+', encoded: '%2B', changed: true },
      { raw: 'b', encoded: 'b', changed: false },
      { raw: ' ', encoded: '+', changed: true },
      { raw: 'c', encoded: 'c', changed: false },
    ]);
  });

  it("keeps * - . _ and encodes ~ ! ' ( ) (WHATWG rules, not encodeURIComponent)", () => {
    expect(formEncodingSegments("*-._~!'()").map((s) => s.encoded)).toEqual([
      '*',
      '-',
      '.',
      '_',
      '%7E',
      '%21',
      '%27',
      '%28',
      '%29',
    ]);
  });

  it('keeps an astral character as one segment with its four UTF-8 bytes', () => {
    expect(formEncodingSegments('k\u{1f511}')).toEqual([
      { raw: 'k', encoded: 'k', changed: false },
      { raw: '\u{1f511}', encoded: '%F0%9F%94%91', changed: true },
    ]);
  });

  it('shows a lone surrogate as itself, encoded as U+FFFD', () => {
    expect(formEncodingSegments('\ud800x\udfff')).toEqual([
      { raw: '\ud800', encoded: '%EF%BF%BD', changed: true },
      { raw: 'x', encoded: 'x', changed: false },
      { raw: '\udfff', encoded: '%EF%BF%BD', changed: true },
    ]);
  });

  it('returns nothing for an empty string', () => {
    expect(formEncodingSegments('')).toEqual([]);
  });

  it('for every string: one segment per code point, which concatenate to the value and to its form encoding (property)', () => {
    const unit = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)),
      fc.constantFrom(' ', '+', '%', '*', '~', ':'),
    );
    fc.assert(
      fc.property(fc.string({ unit }), (value) => {
        const segments = formEncodingSegments(value);
        expect(segments.map((s) => s.raw)).toEqual(Array.from(value));
        expect(segments.map((s) => s.encoded).join('')).toBe(referenceFormEncode(value));
        for (const segment of segments) {
          expect(segment.changed).toBe(!/^[A-Za-z0-9*\-._]$/.test(segment.raw));
        }
      }),
      { numRuns: 500 },
    );
  });
});
