import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dpopHtu } from './htu.ts';
import { decodeDpopProof, dpopProofClaims, type ProofSources } from './proof.ts';

const fixed: ProofSources = { nowSeconds: () => 1_700_000_000, randomId: () => 'jti-1' };

describe('dpopHtu (RFC 9449 §4.2, §4.3; RFC 3986 §6.2.2, §6.2.3)', () => {
  it.each([
    ['https://as.example/oauth2/v1/token?x=1#frag', 'https://as.example/oauth2/v1/token'],
    ['HTTPS://AS.Example:443/token', 'https://as.example/token'],
    ['http://as.example:80/token', 'http://as.example/token'],
    ['https://as.example:8443/token', 'https://as.example:8443/token'],
    ['https://as.example', 'https://as.example/'],
    ['https://as.example/token/', 'https://as.example/token/'],
    ['  https://as.example/token  ', 'https://as.example/token'],
  ])('%s → %s', (url, htu) => {
    expect(dpopHtu(url)).toBe(htu);
  });

  it('is null for what no proof can name', () => {
    for (const url of ['', '/token', 'ftp://as.example/token']) expect(dpopHtu(url)).toBeNull();
  });
});

describe('dpopProofClaims', () => {
  it('names the request with a fixed clock and randomness', () => {
    expect(
      dpopProofClaims({ htm: 'POST', htu: 'https://as.example/token?q#f' }, undefined, fixed),
    ).toEqual({ jti: 'jti-1', htm: 'POST', htu: 'https://as.example/token', iat: 1_700_000_000 });
  });

  it('carries the nonce and ath only when given', () => {
    const claims = dpopProofClaims(
      { htm: 'GET', htu: 'https://api.example/r', nonce: 'n-1' },
      'ath-1',
      fixed,
    );
    expect(claims).toMatchObject({ nonce: 'n-1', ath: 'ath-1' });
  });

  it('refuses a URL that is not absolute http(s)', () => {
    expect(() => dpopProofClaims({ htm: 'POST', htu: 'token' }, undefined, fixed)).toThrow(
      /absolute/,
    );
  });
});

describe('decodeDpopProof', () => {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = {
    typ: 'dpop+jwt',
    alg: 'ES256',
    jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' },
  };
  const claims = { jti: 'j', htm: 'POST', htu: 'https://as.example/token', iat: 1 };

  it('reads header and claims as written', () => {
    expect(decodeDpopProof(`${encode(header)}.${encode(claims)}.sig`)).toEqual({ header, claims });
  });

  it('is null for anything that is not a proof', () => {
    for (const text of [
      '',
      'a.b',
      `${encode(header)}.${encode({ ...claims, iat: '1' })}.s`,
      `${encode({ alg: 'ES256' })}.${encode(claims)}.s`,
      `${encode(header)}.not-json.s`,
    ])
      expect(decodeDpopProof(text)).toBeNull();
  });

  it('never throws (property)', () => {
    fc.assert(fc.property(fc.string(), (text) => void decodeDpopProof(text)));
  });
});
