import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createProxyTokens, randomProxyTokenSecret } from './proxy-token.ts';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const ORIGIN = 'https://docs.example';
const T0 = Date.UTC(2026, 10, 29, 12, 0, 0);

function tokensAt(clock: { ms: number }, secret = SECRET) {
  return createProxyTokens({
    secret,
    lifetimeSeconds: 600,
    clockSkewSeconds: 60,
    now: () => clock.ms,
  });
}

describe('randomProxyTokenSecret', () => {
  it('is 256 bits as unpadded base64url, different every time', () => {
    const secrets = Array.from({ length: 50 }, randomProxyTokenSecret);
    for (const secret of secrets) {
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    }
    expect(new Set(secrets).size).toBe(secrets.length);
  });
});

describe('createProxyTokens', () => {
  it('signs expiry and origin with HMAC-SHA256 (checked against node:crypto)', async () => {
    const { token, expiresInSeconds } = await tokensAt({ ms: T0 }).issue(ORIGIN);
    const expiry = T0 / 1000 + 600;
    const mac = createHmac('sha256', SECRET)
      .update(`proxy-token/v1\n${ORIGIN}\n${expiry}`)
      .digest('base64url');
    expect(token).toBe(`${expiry}.${mac}`);
    expect(expiresInSeconds).toBe(600);
  });

  it('accepts its own token, and another instance with the same secret does too', async () => {
    const clock = { ms: T0 };
    const { token } = await tokensAt(clock).issue(ORIGIN);
    expect(await tokensAt(clock).verify(token, ORIGIN)).toEqual({ valid: true });
  });

  it('refuses a token issued with another secret', async () => {
    const clock = { ms: T0 };
    const { token } = await tokensAt(clock, randomProxyTokenSecret()).issue(ORIGIN);
    expect(await tokensAt(clock).verify(token, ORIGIN)).toEqual({
      valid: false,
      reason: 'not-ours',
    });
  });

  it('is bound to the origin it was issued for', async () => {
    const clock = { ms: T0 };
    const tokens = tokensAt(clock);
    const { token } = await tokens.issue(ORIGIN);
    for (const other of [
      'https://evil.example',
      'http://docs.example',
      'https://docs.example:8443',
    ])
      expect(await tokens.verify(token, other)).toEqual({ valid: false, reason: 'not-ours' });
  });

  it('refuses any tampering: a later expiry, a flipped MAC character, a cut token', async () => {
    const clock = { ms: T0 };
    const tokens = tokensAt(clock);
    const { token } = await tokens.issue(ORIGIN);
    const [expiry = '', mac = ''] = token.split('.');
    const flipped = mac.slice(0, 10) + (mac[10] === 'A' ? 'B' : 'A') + mac.slice(11);
    expect(await tokens.verify(`${Number(expiry) + 30}.${mac}`, ORIGIN)).toEqual({
      valid: false,
      reason: 'not-ours',
    });
    expect(await tokens.verify(`${expiry}.${flipped}`, ORIGIN)).toEqual({
      valid: false,
      reason: 'not-ours',
    });
    for (const broken of [
      token.slice(0, -1),
      `${token}x`,
      mac,
      `0${token}`,
      `${expiry}.${mac}.${mac}`,
      '',
    ])
      expect(await tokens.verify(broken, ORIGIN)).toEqual({ valid: false, reason: 'malformed' });
  });

  it('expires after its lifetime, with the clock-skew tolerance on top', async () => {
    const clock = { ms: T0 };
    const tokens = tokensAt(clock);
    const { token } = await tokens.issue(ORIGIN);
    clock.ms = T0 + 600_000 + 59_000;
    expect(await tokens.verify(token, ORIGIN)).toEqual({ valid: true });
    clock.ms = T0 + 600_000 + 60_000;
    expect(await tokens.verify(token, ORIGIN)).toEqual({ valid: false, reason: 'expired' });
  });

  it('accepts a token from an instance whose clock runs up to the skew ahead, not further', async () => {
    const verifier = tokensAt({ ms: T0 });
    const slightlyAhead = await tokensAt({ ms: T0 + 59_000 }).issue(ORIGIN);
    expect(await verifier.verify(slightlyAhead.token, ORIGIN)).toEqual({ valid: true });
    const farAhead = await tokensAt({ ms: T0 + 61_000 }).issue(ORIGIN);
    expect(await verifier.verify(farAhead.token, ORIGIN)).toEqual({
      valid: false,
      reason: 'expired',
    });
  });

  it('accepts a fresh token from an instance whose clock runs behind', async () => {
    const behind = await tokensAt({ ms: T0 - 59_000 }).issue(ORIGIN);
    expect(await tokensAt({ ms: T0 }).verify(behind.token, ORIGIN)).toEqual({ valid: true });
  });
});
