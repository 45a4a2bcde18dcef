import { calculateJwkThumbprint, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { accessTokenHash } from '../core/dpop/ath.ts';
import { generateDpopKeyPair, signDpopProof } from './dpop.ts';

describe('accessTokenHash (RFC 9449 §4.2)', () => {
  it("matches RFC 9449 §7.1's example byte for byte", async () => {
    expect(await accessTokenHash('Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU')).toBe(
      'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo',
    );
  });
});

describe('generateDpopKeyPair and signDpopProof', () => {
  it.each(['ES256', 'RS256'] as const)(
    '%s: a proof jose verifies with the header key, and the thumbprint jose computes',
    async (algorithm) => {
      const key = await generateDpopKeyPair(algorithm);
      expect(key.privateKey.extractable).toBe(false);
      expect(key.publicJwk).not.toHaveProperty('d');
      expect(key.thumbprint).toBe(await calculateJwkThumbprint(key.publicJwk));
      const fixed = { nowSeconds: () => 1_700_000_000, randomId: () => 'jti-fixed' };
      const signed = await signDpopProof(
        key,
        { htm: 'GET', htu: 'https://api.example/reports?x=1', accessToken: 'token-1' },
        fixed,
      );
      expect(decodeProtectedHeader(signed.proof)).toEqual({
        typ: 'dpop+jwt',
        alg: algorithm,
        jwk: key.publicJwk,
      });
      const { payload } = await jwtVerify(signed.proof, await importJWK(key.publicJwk, algorithm), {
        typ: 'dpop+jwt',
        currentDate: new Date(1_700_000_000_000),
      });
      expect(payload).toEqual({
        jti: 'jti-fixed',
        htm: 'GET',
        htu: 'https://api.example/reports',
        iat: 1_700_000_000,
        ath: await accessTokenHash('token-1'),
      });
    },
  );

  it('10,000 proofs have 10,000 different jti', async () => {
    const key = await generateDpopKeyPair('ES256');
    const ids = new Set<string>();
    const { browserProofSources } = await import('../core/dpop/proof.ts');
    for (let index = 0; index < 10_000; index += 1) ids.add(browserProofSources.randomId());
    expect(ids.size).toBe(10_000);
    const [one, two] = await Promise.all([
      signDpopProof(key, { htm: 'POST', htu: 'https://as.example/token' }),
      signDpopProof(key, { htm: 'POST', htu: 'https://as.example/token' }),
    ]);
    expect(one.claims.jti).not.toBe(two.claims.jti);
  });
});
