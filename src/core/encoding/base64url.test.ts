import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Base64 } from './base64.ts';
import { bytesToBase64Url, platformBase64 } from './base64url.ts';

describe('the platform Base64 the key and assertion code use', () => {
  it('writes what Node writes, for any bytes (RFC 4648 §4 and §5)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(platformBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
        expect(bytesToBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      }),
    );
  });

  it("agrees with the page's own encoder", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(platformBase64(new TextEncoder().encode(text))).toBe(utf8Base64(text));
      }),
    );
  });
});
