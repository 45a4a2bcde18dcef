import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeEncodingDifference, formEncodingSegments } from './encoding-diff.ts';

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

describe('describeEncodingDifference: names the characters that actually differ', () => {
  it('a "+" in the secret: decoding servers read it as a space', () => {
    expect(describeEncodingDifference('client', 'a+b', true)).toEqual([
      'Form-encoding changes these credentials: "+" becomes %2B.',
      'Servers that follow RFC 6749 §2.3.1 (oidc-provider, Spring Authorization Server, Ory Hydra) form-decode the credentials: a raw "+" becomes a space, so the raw form no longer matches there.',
      'Servers that take the bytes as sent (as the Okta guide assumes) need the raw form.',
    ]);
  });

  it('a "/" and a space only: no "+" story, decoding servers read both forms the same', () => {
    const [changes, decoders] = describeEncodingDifference('my app', 'x/y', true);
    expect(changes).toBe(
      'Form-encoding changes these credentials: a space becomes + and "/" becomes %2F.',
    );
    expect(decoders).toContain('read both forms of these the same');
    expect(decoders).not.toContain('"+"');
  });

  it('each character named once, "%" explained, a non-ASCII character by its name', () => {
    const [changes, decoders] = describeEncodingDifference('é', '%41%42', true);
    expect(changes).toBe(
      'Form-encoding changes these credentials: "é" (U+00E9) becomes %C3%A9 and "%" becomes %25.',
    );
    expect(decoders).toContain('a raw "%" starts an escape');
  });

  it('an invisible character by its name only', () => {
    expect(describeEncodingDifference('a\u00a0b', '', true)[0]).toBe(
      'Form-encoding changes these credentials: U+00A0 NO-BREAK SPACE becomes %C2%A0.',
    );
  });

  it('a masked secret: its characters are counted, never named', () => {
    const sentences = describeEncodingDifference('client', 'p+ss word', false);
    expect(sentences[0]).toBe(
      'Form-encoding changes these credentials: 2 characters of the secret change too (show the secret to see which).',
    );
    expect(sentences.join(' ')).not.toMatch(/becomes %2B|a space becomes/);
    expect(sentences[1]).toContain('if the secret holds either');
  });
});
