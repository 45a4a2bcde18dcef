import { describe, expect, it } from 'vitest';
import {
  assertionHeader,
  buildAssertionClaims,
  type AssertionSources,
} from './assertion-claims.ts';
import { assertionMatches, clampAssertionLifetime } from './client-assertion.ts';

const fixedClock: AssertionSources = {
  now: () => Date.UTC(2026, 10, 29, 12, 0, 0, 999),
  randomBytes: (length) => Uint8Array.from({ length }, (_, index) => 250 + index),
};

describe('buildAssertionClaims', () => {
  it('names the client as iss and sub, the endpoint as aud, with a fixed clock', () => {
    const claims = buildAssertionClaims(
      {
        clientId: '0oa1b2c3d4',
        tokenEndpoint: 'https://dev-1.okta.com/oauth2/v1/token',
        lifetimeSeconds: 300,
      },
      fixedClock,
    );
    expect(claims).toEqual({
      iss: '0oa1b2c3d4',
      sub: '0oa1b2c3d4',
      aud: 'https://dev-1.okta.com/oauth2/v1/token',
      // 2026-11-29T12:00:00Z, the milliseconds dropped (RFC 7519 NumericDate in whole seconds here)
      iat: 1795953600,
      exp: 1795953900,
      // bytes 250..265 (fa fb fc fd fe ff 00 01 …) in base64url: '-' and '_' where Base64 has '+' '/'
      jti: '-vv8_f7_AAECAwQFBgcICQ',
    });
  });

  it('repeats the token endpoint byte for byte in aud (trailing slash, port, case, query)', () => {
    for (const tokenEndpoint of [
      'https://Example.COM:8443/oauth2/default/v1/token/',
      'http://127.0.0.1:4173/demo/token?x=1',
      'https://idp.example/t%C3%A9st/token',
    ]) {
      const claims = buildAssertionClaims(
        { clientId: 'c', tokenEndpoint, lifetimeSeconds: 60 },
        fixedClock,
      );
      expect(claims.aud).toBe(tokenEndpoint);
      expect(new TextEncoder().encode(claims.aud)).toEqual(new TextEncoder().encode(tokenEndpoint));
    }
  });

  it('gives 10,000 assertions 10,000 different jti values (real randomness)', () => {
    const input = { clientId: 'c', tokenEndpoint: 'https://as.example/token', lifetimeSeconds: 60 };
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(buildAssertionClaims(input).jti);
    expect(seen.size).toBe(10_000);
  });

  it('never lets exp be more than an hour after iat', () => {
    const claims = buildAssertionClaims(
      { clientId: 'c', tokenEndpoint: 'https://as.example/token', lifetimeSeconds: 86_400 },
      fixedClock,
    );
    expect(claims.exp - claims.iat).toBe(3600);
  });
});

describe('clampAssertionLifetime', () => {
  it.each([
    [300, 300],
    [3600, 3600],
    [3601, 3600],
    [0.4, 1],
    [0, 300],
    [-5, 300],
    [Number.NaN, 300],
    [Number.POSITIVE_INFINITY, 300],
  ])('%d seconds → %d', (given, expected) => {
    expect(clampAssertionLifetime(given)).toBe(expected);
  });
});

describe('assertionHeader', () => {
  it('is alg, kid and typ JWT', () => {
    expect(assertionHeader('ES256', 'abc')).toEqual({ alg: 'ES256', kid: 'abc', typ: 'JWT' });
  });
});

describe('assertionMatches', () => {
  const input = { clientId: 'c', tokenEndpoint: 'https://as.example/token', lifetimeSeconds: 300 };
  const assertion = {
    header: assertionHeader('RS256', 'k'),
    claims: buildAssertionClaims(input, fixedClock),
    jwt: 'x.y.z',
  };
  it('holds for the inputs it was made from', () => {
    expect(assertionMatches(assertion, input)).toBe(true);
  });
  it('fails once the client ID, endpoint or lifetime changed', () => {
    expect(assertionMatches(assertion, { ...input, clientId: 'd' })).toBe(false);
    expect(
      assertionMatches(assertion, { ...input, tokenEndpoint: 'https://as.example/token/' }),
    ).toBe(false);
    expect(assertionMatches(assertion, { ...input, lifetimeSeconds: 60 })).toBe(false);
  });
});
