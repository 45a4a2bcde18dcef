import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Token } from './decode-base64-token.ts';
import { pastedText } from './pasted-text.ts';

// Tokens are made by Node's Buffer (RFC 4648 §4 and §5), independent of the decoder under test.
const codesOf = (token: string) => decodeBase64Token(pastedText(token)).findings.map((f) => f.code);

describe('decodeBase64Token', () => {
  it('decodes any bytes, padded or not, standard or base64url (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        const standard = buffer.toString('base64');
        const url = buffer.toString('base64url');
        expect(decodeBase64Token(pastedText(standard)).bytes).toEqual(new Uint8Array(bytes));
        expect(decodeBase64Token(pastedText(url)).bytes).toEqual(new Uint8Array(bytes));
        expect(decodeBase64Token(pastedText(standard.replace(/=+$/, ''))).bytes).toEqual(
          new Uint8Array(bytes),
        );
        expect(codesOf(standard)).toEqual(['base64-ok']);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses to guess: characters outside both alphabets, or a length no Base64 has', () => {
    expect(decodeBase64Token(pastedText('YW*j')).bytes).toBeUndefined();
    expect(codesOf('YW*j')).toEqual(['invalid-base64-character']);
    expect(decodeBase64Token(pastedText('YWJjZ')).bytes).toBeUndefined();
    expect(codesOf('YWJjZ')).toEqual(['impossible-length']);
  });
});
