import {
  calculateJwkThumbprint,
  decodeJwt,
  decodeProtectedHeader,
  importJWK,
  jwtVerify,
} from 'jose';
import { generatePrivateKeyPem } from '../core/client-auth/generate-key.ts';
import { describe, expect, it } from 'vitest';
import { parsePrivateKey } from '../core/client-auth/private-key.ts';
import type { ParsedPrivateKey } from '../core/client-auth/private-key.ts';
import { signAssertionFor, signClientAssertion } from './sign-assertion.ts';

/** The signing key the private_key_jwt method reads from a parsed key. */
const signingKeyOf = (key: ParsedPrivateKey) => ({
  alg: key.alg,
  key: key.signingKey,
  kid: key.publicJwk.kid,
});

const input = {
  clientId: '0oa-key-client',
  tokenEndpoint: 'http://127.0.0.1:4173/demo/token',
  lifetimeSeconds: 300,
};

describe('signClientAssertion', () => {
  for (const alg of ['RS256', 'ES256'] as const) {
    it(`signs ${alg} so that jose verifies it with the shown public JWK`, async () => {
      const key = await parsePrivateKey(await generatePrivateKeyPem(alg));
      const signed = await signClientAssertion(signingKeyOf(key), input);

      const publicKey = await importJWK({ ...key.publicJwk }, alg);
      const { payload, protectedHeader } = await jwtVerify(signed.jwt, publicKey, {
        issuer: input.clientId,
        subject: input.clientId,
        audience: input.tokenEndpoint,
        typ: 'JWT',
        algorithms: [alg],
      });
      expect(protectedHeader).toEqual({ alg, kid: key.publicJwk.kid, typ: 'JWT' });
      expect(payload).toEqual(signed.claims);
      expect(decodeProtectedHeader(signed.jwt)).toEqual(signed.header);
      // The kid is the RFC 7638 thumbprint as jose computes it.
      expect(key.publicJwk.kid).toBe(await calculateJwkThumbprint({ ...key.publicJwk }, 'sha256'));
    });
  }

  it('signs exactly the header and claims of the inputs, with a fixed clock and randomness', async () => {
    const key = await parsePrivateKey(await generatePrivateKeyPem('RS256'));
    const signed = await signClientAssertion(signingKeyOf(key), input, {
      now: () => Date.UTC(2026, 10, 29, 17, 0, 0),
      randomBytes: (length) => new Uint8Array(length).fill(0xff),
    });
    expect(decodeProtectedHeader(signed.jwt)).toEqual({
      alg: 'RS256',
      kid: key.publicJwk.kid,
      typ: 'JWT',
    });
    expect(decodeJwt(signed.jwt)).toEqual({
      iss: '0oa-key-client',
      sub: '0oa-key-client',
      aud: 'http://127.0.0.1:4173/demo/token',
      iat: 1795971600,
      exp: 1795971900,
      // 16 bytes of 0xff in base64url, no padding
      jti: '_____________________w',
    });
  });

  it('fails verification against another key', async () => {
    const key = await parsePrivateKey(await generatePrivateKeyPem('ES256'));
    const other = await parsePrivateKey(await generatePrivateKeyPem('ES256'));
    const signed = await signClientAssertion(signingKeyOf(key), input);
    await expect(
      jwtVerify(signed.jwt, await importJWK({ ...other.publicJwk }, 'ES256')),
    ).rejects.toThrow(/signature/);
  });

  it('gives each call a new jti and the time of the call', async () => {
    const key = await parsePrivateKey(await generatePrivateKeyPem('ES256'));
    let now = Date.UTC(2026, 0, 1);
    const sources = {
      now: () => now,
      randomBytes: (length: number) => crypto.getRandomValues(new Uint8Array(length)),
    };
    const first = await signClientAssertion(signingKeyOf(key), input, sources);
    now += 61_000;
    const second = await signClientAssertion(signingKeyOf(key), input, sources);
    expect(second.claims.jti).not.toBe(first.claims.jti);
    expect(second.claims.iat - first.claims.iat).toBe(61);
    expect(second.jwt).not.toBe(first.jwt);
  });
});

describe('signAssertionFor', () => {
  const source = {
    authMethod: 'client_secret_jwt',
    clientId: 'demo-client-secret-jwt',
    clientSecret: 'hs256-Zq8vN3tLw5xR2cKp9mYb7sFd4gHj6uEaTn1W',
    tokenEndpoint: 'http://127.0.0.1:4173/demo/token',
    assertionLifetime: 120,
  } as const;

  it('client_secret_jwt: HS256 keyed by the secret, no kid, verified by jose with the secret', async () => {
    const signed = await signAssertionFor(source);
    const { payload, protectedHeader } = await jwtVerify(
      signed.jwt,
      new TextEncoder().encode(source.clientSecret),
      {
        issuer: source.clientId,
        subject: source.clientId,
        audience: source.tokenEndpoint,
        algorithms: ['HS256'],
      },
    );
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload.exp! - payload.iat!).toBe(120);
  });

  it('client_secret_jwt: another secret does not verify it', async () => {
    const signed = await signAssertionFor(source);
    await expect(
      jwtVerify(signed.jwt, new TextEncoder().encode(`${source.clientSecret}x`), {
        algorithms: ['HS256'],
      }),
    ).rejects.toThrow();
  });

  it('refuses to sign without a secret, or for a method that sends its secret itself', async () => {
    await expect(signAssertionFor({ ...source, clientSecret: '' })).rejects.toThrow(
      /no client secret/,
    );
    await expect(
      signAssertionFor({ ...source, authMethod: 'client_secret_basic' }),
    ).rejects.toThrow(/sends no client assertion/);
  });

  it('private_key_jwt: signs with the pasted key, its kid in the header', async () => {
    const pem = await generatePrivateKeyPem('ES256');
    const key = await parsePrivateKey(pem);
    const signed = await signAssertionFor({
      ...source,
      authMethod: 'private_key_jwt',
      privateKey: pem,
    });
    expect(signed.header).toEqual({ alg: 'ES256', kid: key.publicJwk.kid, typ: 'JWT' });
    await jwtVerify(signed.jwt, await importJWK({ ...key.publicJwk }, 'ES256'));
  });
});
