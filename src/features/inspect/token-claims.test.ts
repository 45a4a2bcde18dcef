import { describe, expect, it } from 'vitest';
import {
  checkClaims,
  describeRelative,
  explainClaim,
  explainHeaderParameter,
  explainUnreadableToken,
  splitJws,
} from './token-claims.ts';

describe('explainClaim', () => {
  it.each([
    ['iss', /Issuer/],
    ['aud', /Audience.*RFC 9068 §2\.2/],
    ['client_id', /client the token was issued to/],
    ['scope', /scopes granted, space-separated/],
    ['ver', /^Okta: the version/],
    ['cid', /^Okta: the client ID/],
    ['scp', /^Okta: the scopes granted, as an array/],
    ['uid', /^Okta: the ID of the user/],
  ])('explains %s', (claim, meaning) => {
    expect(explainClaim(claim)).toMatch(meaning);
  });
  it('does not take inherited names for claims', () => {
    expect(explainClaim('constructor')).toBe(
      'A claim specific to this server or API (not defined by RFC 9068).',
    );
    expect(explainHeaderParameter('toString')).toBe('A header parameter specific to this server.');
  });
  it('says that typ at+jwt marks an access token', () => {
    expect(explainHeaderParameter('typ')).toMatch(/at\+jwt/);
  });
});

describe('describeRelative', () => {
  const now = 1_700_000_000_000;
  it.each([
    [1_700_000_000 + 3599, 'expiry', 'expires in 59 min'],
    [1_700_000_000 + 3600, 'expiry', 'expires in 1 h 0 min'],
    [1_700_000_000 - 180, 'expiry', 'expired 3 min ago'],
    [1_700_000_000 - 7, 'expiry', 'expired 7 s ago'],
    [1_700_000_000, 'expiry', 'expired 0 s ago'],
    [1_700_000_000 - 2 * 86_400 - 5, 'moment', '2 d ago'],
    [1_700_000_000 + 61, 'moment', 'in 1 min'],
  ] as const)('%d is "%s" → %s', (epoch, kind, words) => {
    expect(describeRelative(epoch, now, kind)).toBe(words);
  });
});

describe('checkClaims', () => {
  const now = 1_700_000_000_000;
  const payload = {
    iss: 'https://as.example/oauth2/default',
    aud: ['api://default', 'api://other'],
    exp: 1_700_000_000 + 600,
    iat: 1_700_000_000 - 3000,
  };
  it('passes what matches', () => {
    expect(
      checkClaims(
        payload,
        { issuer: 'https://as.example/oauth2/default', audience: 'api://other' },
        now,
      ),
    ).toEqual([
      {
        claim: 'iss',
        ok: true,
        message: 'iss is the expected issuer https://as.example/oauth2/default.',
      },
      { claim: 'aud', ok: true, message: 'aud includes the expected audience api://other.' },
      { claim: 'exp', ok: true, message: 'Not expired: expires in 10 min.' },
    ]);
  });
  it('names the wrong issuer and audience', () => {
    const checks = checkClaims(
      { ...payload, aud: 'api://default' },
      { issuer: 'https://as.example/oauth2/aus9', audience: 'api://mine' },
      now,
    );
    expect(checks.filter((c) => !c.ok).map((c) => c.message)).toEqual([
      'iss is https://as.example/oauth2/default, not the expected issuer https://as.example/oauth2/aus9: an API expecting https://as.example/oauth2/aus9 refuses this token.',
      'aud is api://default, not api://mine: an API with the audience api://mine refuses this token.',
    ]);
  });
  it('skips iss and aud when nothing is expected, and reports expiry and nbf', () => {
    const checks = checkClaims(
      { ...payload, exp: 1_700_000_000 - 180, nbf: 1_700_000_000 + 120 },
      { issuer: ' ', audience: '' },
      now,
    );
    expect(checks).toEqual([
      {
        claim: 'exp',
        ok: false,
        message: 'The token has expired (expired 3 min ago): request a new one.',
      },
      { claim: 'nbf', ok: false, message: 'Not valid yet: usable in 2 min.' },
    ]);
  });
  it('reports missing iss, aud and exp', () => {
    const checks = checkClaims({}, { issuer: 'https://a', audience: 'api://x' }, now);
    expect(checks.map((c) => [c.claim, c.ok])).toEqual([
      ['iss', false],
      ['aud', false],
      ['exp', false],
    ]);
  });
});

describe('splitJws and opaque tokens', () => {
  it('splits three base64url parts', () => {
    expect(splitJws('eyJh.eyJi.c2ln')).toEqual({
      header: 'eyJh',
      payload: 'eyJi',
      signature: 'c2ln',
    });
  });
  it.each(['opaque-token_value', 'a.b', 'a.b.c.d.e', 'a+b.c.d', '.b.c'])(
    'is null for %s',
    (token) => {
      expect(splitJws(token)).toBeNull();
    },
  );
  it('explains opaque tokens with introspection, and JWE apart', () => {
    expect(explainUnreadableToken('00abc')).toMatch(/opaque access token.*RFC 7662/);
    expect(explainUnreadableToken('a.b.c.d.e')).toMatch(/encrypted JWT \(JWE/);
  });
});
