import { describe, expect, it } from 'vitest';
import { diagnoseDpopPaste, proofPublicMembers, readDpopPaste } from './dpop-headers.ts';

// A proof header and payload written by hand (base64url of the JSON), unsigned: the check reads them.
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const JWK = { kty: 'EC', crv: 'P-256', x: 'eHg', y: 'eXk' };
const proof = (header: object, claims: object) => `${b64url(header)}.${b64url(claims)}.c2ln`;
const CLAIMS = { jti: 'j1', htm: 'GET', htu: 'https://api.example.com/r', iat: 1000 };

describe('readDpopPaste', () => {
  it('finds the token, the proof and the request line among other lines, CRLF or not', () => {
    const paste = readDpopPaste(
      'GET https://api.example.com/r HTTP/1.1\r\nHost: api.example.com\r\nauthorization: dpop abc.def\r\ndpop: x.y.z\r\n',
    );
    expect(paste).toEqual({
      authorization: { scheme: 'DPoP', token: { kind: 'token', token: 'abc.def' } },
      proof: { jwt: 'x.y.z' },
      request: { method: 'GET', target: 'https://api.example.com/r' },
    });
  });

  it('completes a path-only request line with the Host line, wherever it stands', () => {
    expect(readDpopPaste('Host: api.example.com\nGET /r HTTP/1.1\nDPoP: x.y.z')?.request).toEqual({
      method: 'GET',
      target: '/r',
      host: 'api.example.com',
    });
  });

  it('reads the value alone (DPoP <token>) as the Authorization header', () => {
    expect(readDpopPaste('DPoP abc')?.authorization?.scheme).toBe('DPoP');
  });

  it('leaves a Bearer or Basic header without a proof to the other tools', () => {
    expect(readDpopPaste('Authorization: Bearer abc')).toBeNull();
    expect(readDpopPaste('Authorization: Basic YTpi')).toBeNull();
    expect(readDpopPaste('')).toBeNull();
  });
});

describe('diagnoseDpopPaste', () => {
  const diagnose = (header: object, claims: object, nowSeconds = 1000) =>
    diagnoseDpopPaste(readDpopPaste(`DPoP: ${proof(header, claims)}`)!, { nowSeconds });
  const codes = (header: object, claims: object, nowSeconds?: number) =>
    diagnose(header, claims, nowSeconds).findings.map((f) => f.code);

  it('lists a right proof on its own as fine, member by member', () => {
    expect(codes({ typ: 'dpop+jwt', alg: 'ES256', jwk: JWK }, CLAIMS)).toEqual([
      'proof-typ-ok',
      'proof-alg-ok',
      'proof-jwk-public',
      'proof-claims-present',
      'proof-iat-recent',
      'proof-without-ath',
    ]);
  });

  it('names every private member pasted in the jwk', () => {
    const { findings } = diagnose(
      { typ: 'dpop+jwt', alg: 'RS256', jwk: { kty: 'RSA', n: 'bg', e: 'AQAB', d: 'ZA', p: 'cA' } },
      CLAIMS,
    );
    expect(findings).toContainEqual({
      code: 'proof-jwk-private',
      severity: 'error',
      members: ['d', 'p'],
    });
  });

  it('hashes only the public members of a leaked key, as a server compares them', () => {
    const paste = readDpopPaste(
      `DPoP: ${proof({ typ: 'dpop+jwt', alg: 'ES256', jwk: { ...JWK, d: 'ZA' } }, CLAIMS)}`,
    )!;
    expect(proofPublicMembers(paste)).toEqual({ crv: 'P-256', kty: 'EC', x: 'eHg', y: 'eXk' });
  });

  it('takes a minute of clock difference, and says more than that', () => {
    expect(codes({ typ: 'dpop+jwt', alg: 'ES256', jwk: JWK }, CLAIMS, 940)).toContain(
      'proof-iat-recent',
    );
    expect(codes({ typ: 'dpop+jwt', alg: 'ES256', jwk: JWK }, CLAIMS, 939)).toContain(
      'proof-iat-future',
    );
    expect(codes({ typ: 'dpop+jwt', alg: 'ES256', jwk: JWK }, CLAIMS, 1300)).toContain(
      'proof-iat-recent',
    );
    expect(codes({ typ: 'dpop+jwt', alg: 'ES256', jwk: JWK }, CLAIMS, 1301)).toContain(
      'proof-iat-old',
    );
  });

  it('takes the scheme of a path-only request from the proof, and says so', () => {
    const paste = readDpopPaste(
      `GET /r HTTP/1.1\nHost: API.Example.com:443\nDPoP: ${proof({ typ: 'dpop+jwt', alg: 'ES256', jwk: JWK }, CLAIMS)}`,
    )!;
    const findings = diagnoseDpopPaste(paste, { nowSeconds: 1000 }).findings;
    expect(findings).toContainEqual({
      code: 'request-from-host',
      severity: 'fine',
      requestHtu: 'https://api.example.com/r',
      scheme: 'https',
    });
    expect(findings.map((f) => f.code)).toContain('request-matches');
    const elsewhere = readDpopPaste(
      `GET /r HTTP/1.1\nHost: api.example.com:8443\nDPoP: ${proof({ typ: 'dpop+jwt', alg: 'ES256', jwk: JWK }, CLAIMS)}`,
    )!;
    expect(diagnoseDpopPaste(elsewhere, { nowSeconds: 1000 }).findings).toContainEqual({
      code: 'htu-differs',
      severity: 'error',
      htu: 'https://api.example.com/r',
      requestHtu: 'https://api.example.com:8443/r',
    });
  });

  it('says what is missing and refuses text that is not a JWT', () => {
    expect(diagnose({ typ: 'dpop+jwt', alg: 'ES256' }, { htm: 'GET' }).findings).toContainEqual({
      code: 'proof-claims-missing',
      severity: 'error',
      missing: ['jti', 'htu', 'iat'],
    });
    expect(
      diagnoseDpopPaste(readDpopPaste('DPoP: not a jwt')!, { nowSeconds: 0 }).findings,
    ).toEqual([{ code: 'proof-not-jwt', severity: 'error' }]);
  });
});
