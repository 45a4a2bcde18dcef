import { describe, expect, it } from 'vitest';
import { generatePrivateKeyPem } from './generate-key.ts';
import { bytesToBase64 } from '../encoding/base64.ts';
import {
  jwkThumbprint,
  jwksOf,
  parsePrivateKey,
  PrivateKeyError,
  type PrivateKeyErrorCode,
} from './private-key.ts';

async function expectRefusal(text: string, code: PrivateKeyErrorCode) {
  const error: unknown = await parsePrivateKey(text).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PrivateKeyError);
  expect((error as PrivateKeyError).code).toBe(code);
  // The sentence never carries key material: no long Base64 run from the input.
  expect((error as PrivateKeyError).message).not.toMatch(/[A-Za-z0-9+/]{40,}/);
  return (error as PrivateKeyError).message;
}

const pem = (label: string, body: string) =>
  `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;

describe('parsePrivateKey', () => {
  for (const alg of ['RS256', 'ES256'] as const) {
    it(`reads a generated ${alg} key as PKCS#8 PEM and as a private JWK alike`, async () => {
      const pemText = await generatePrivateKeyPem(alg);
      expect(pemText).toMatch(
        /^-----BEGIN PRIVATE KEY-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END PRIVATE KEY-----\n$/,
      );
      const fromPem = await parsePrivateKey(pemText);
      // The same key exported as a JWK by Web Crypto, not by the code under test.
      const der = Uint8Array.from(atob(pemText.replace(/-----[^-]+-----|\s/g, '')), (char) =>
        char.charCodeAt(0),
      );
      const params =
        alg === 'RS256'
          ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
          : { name: 'ECDSA', namedCurve: 'P-256' };
      const key = await crypto.subtle.importKey('pkcs8', der, params, true, ['sign']);
      const privateJwk = await crypto.subtle.exportKey('jwk', key);
      const fromJwk = await parsePrivateKey(JSON.stringify(privateJwk, null, 2));

      expect(fromPem.format).toBe('pkcs8-pem');
      expect(fromJwk.format).toBe('jwk');
      expect(fromJwk.publicJwk).toEqual(fromPem.publicJwk);
      expect(fromPem.alg).toBe(alg);
      expect(fromPem.publicJwk).not.toHaveProperty('d');
      expect(fromPem.publicJwk.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(fromPem.signingKey.extractable).toBe(false);
      expect(jwksOf(fromPem.publicJwk)).toEqual({ keys: [fromPem.publicJwk] });
    });
  }

  it('takes a JWK whose alg and use match, and keeps its kid', async () => {
    const pemText = await generatePrivateKeyPem('ES256');
    const parsed = await parsePrivateKey(pemText);
    const der = Uint8Array.from(atob(pemText.replace(/-----[^-]+-----|\s/g, '')), (c) =>
      c.charCodeAt(0),
    );
    const key = await crypto.subtle.importKey(
      'pkcs8',
      der,
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['sign'],
    );
    const jwk = {
      ...(await crypto.subtle.exportKey('jwk', key)),
      alg: 'ES256',
      use: 'sig',
      kid: 'mine',
    };
    // The key's own kid is kept (the server may know the key by it); everything else is the same.
    expect((await parsePrivateKey(JSON.stringify(jwk))).publicJwk).toEqual({
      ...parsed.publicJwk,
      kid: 'mine',
    });
  });

  it.each<[string, string, PrivateKeyErrorCode]>([
    ['nothing', '  \n', 'empty'],
    ['a PKCS#1 RSA key', pem('RSA PRIVATE KEY', 'MIIEow=='), 'pkcs1-pem'],
    ['a SEC 1 EC key', pem('EC PRIVATE KEY', 'MHcCAQE='), 'sec1-pem'],
    ['an encrypted key', pem('ENCRYPTED PRIVATE KEY', 'MIIFHz=='), 'encrypted-pem'],
    ['a public key', pem('PUBLIC KEY', 'MFkwEw=='), 'public-key'],
    ['a certificate', pem('CERTIFICATE', 'MIIBIj=='), 'certificate'],
    ['an OpenSSH key', pem('OPENSSH PRIVATE KEY', 'b3BlbnNzaA=='), 'unknown-pem'],
    ['a damaged PEM body', pem('PRIVATE KEY', 'MIIE!vQIBADANBg'), 'bad-pem'],
    ['a PEM without an END line', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n', 'not-a-key'],
    ['a client secret', 'AbCdEf0123456789-_', 'not-a-key'],
    ['cut-off JSON', '{"kty":"RSA","n":"abc"', 'not-a-key'],
    ['a JSON array', '[]', 'not-a-key'],
    ['a JWKS', '{"keys":[{"kty":"EC"}]}', 'jwks'],
    ['a public RSA JWK', '{"kty":"RSA","n":"sXch","e":"AQAB"}', 'public-jwk'],
    ['a symmetric JWK', '{"kty":"oct","k":"c2VjcmV0"}', 'unsupported-key'],
    ['a P-384 JWK', '{"kty":"EC","crv":"P-384","x":"a","y":"b","d":"c"}', 'unsupported-key'],
    ['an Ed25519 JWK', '{"kty":"OKP","crv":"Ed25519","x":"a","d":"c"}', 'unsupported-key'],
    [
      'an RSA JWK that says RS384',
      '{"kty":"RSA","n":"a","e":"AQAB","d":"b","alg":"RS384"}',
      'alg-mismatch',
    ],
    [
      'an RSA JWK without CRT members',
      '{"kty":"RSA","n":"sXch","e":"AQAB","d":"AQ"}',
      'invalid-key',
    ],
    [
      'an EC JWK off the curve',
      '{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA","d":"AAAA"}',
      'invalid-key',
    ],
  ])('refuses %s with a clear error', async (_name, text, code) => {
    const message = await expectRefusal(text, code);
    expect(message.length).toBeGreaterThan(30);
  });

  it('refuses a PKCS#8 key on another curve (P-384) by name', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, [
      'sign',
    ]);
    const der = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
    const message = await expectRefusal(pem('PRIVATE KEY', bytesToBase64(der)), 'unsupported-key');
    expect(message).toContain('P-256');
  });

  it('refuses a truncated PKCS#8 body that is still Base64', async () => {
    const pemText = await generatePrivateKeyPem('RS256');
    const body = pemText.replace(/-----[^-]+-----|\s/g, '').slice(0, 200);
    await expectRefusal(pem('PRIVATE KEY', body), 'invalid-key');
  });
});

describe('jwkThumbprint', () => {
  it('matches the RFC 7638 §3.1 example', async () => {
    // RFC 7638 §3.1: the thumbprint of this RSA key is NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs.
    const n =
      '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw';
    expect(await jwkThumbprint({ kty: 'RSA', n, e: 'AQAB' })).toBe(
      'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
    );
  });
});
