import { describe, expect, it } from 'vitest';
import { secretsEqual } from './constant-time.ts';

describe('secretsEqual', () => {
  const secret = 'Zq3-_x9AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

  it('accepts only the exact secret', () => {
    expect(secretsEqual(secret, secret)).toBe(true);
    expect(secretsEqual(`${secret}`.slice(0), secret)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['a prefix', secret.slice(0, -1)],
    ['longer', `${secret}a`],
    ['the last character changed', `${secret.slice(0, -1)}8`],
    ['the first character changed', `z${secret.slice(1)}`],
    ['another case', secret.toLowerCase()],
    ['a NUL in place of a character', `${secret.slice(0, 5)}\0${secret.slice(6)}`],
  ])('refuses %s', (_what, presented) => {
    expect(secretsEqual(presented, secret)).toBe(false);
  });

  it('refuses a presented value whose extra length would line up with NaN tricks', () => {
    expect(secretsEqual('\0', '')).toBe(false);
    expect(secretsEqual('', '\0')).toBe(false);
  });
});
