import { describe, expect, it } from 'vitest';
import { createProxyToken } from './proxy-token.ts';

describe('createProxyToken', () => {
  it('is 256 bits as unpadded base64url, different every time', () => {
    const tokens = Array.from({ length: 50 }, createProxyToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
