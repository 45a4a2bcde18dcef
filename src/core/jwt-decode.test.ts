import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from './jwt-decode.ts';

// Tokens are made by jose (a real signer) or by Node's Buffer base64url encoder, neither of
// which shares code with jwt-decode.ts.

const b64url = (bytes: string | Uint8Array) => Buffer.from(bytes).toString('base64url');
const segment = (value: unknown) => b64url(JSON.stringify(value));
const SIGNATURE = b64url('not a real signature');

describe('decodeJwt: a real RS256 access token', () => {
  let token = '';

  beforeAll(async () => {
    const { privateKey } = await generateKeyPair('RS256');
    token = await new SignJWT({ scp: ['customScope'], cid: '0oa1b2c3d4', note: 'é € 😀' })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1', typ: 'JWT' })
      .setIssuer('https://dev-1.okta.com/oauth2/default')
      .setAudience('api://default')
      .setSubject('0oa1b2c3d4')
      .setIssuedAt(1_700_000_000)
      .setExpirationTime(1_700_003_600)
      .setJti('AT.abc')
      .sign(privateKey);
  });

  it('decodes header and payload', () => {
    expect(token.split('.')).toHaveLength(3);
    expect(decodeJwt(token)).toEqual({
      header: { alg: 'RS256', kid: 'key-1', typ: 'JWT' },
      payload: {
        scp: ['customScope'],
        cid: '0oa1b2c3d4',
        note: 'é € 😀',
        iss: 'https://dev-1.okta.com/oauth2/default',
        aud: 'api://default',
        sub: '0oa1b2c3d4',
        iat: 1_700_000_000,
        exp: 1_700_003_600,
        jti: 'AT.abc',
      },
    });
  });

  it('does not check the signature: a tampered signature still decodes', () => {
    const [header, payload] = token.split('.');
    expect(decodeJwt(`${header}.${payload}.${SIGNATURE}`)?.header).toEqual({
      alg: 'RS256',
      kid: 'key-1',
      typ: 'JWT',
    });
  });
});

describe('decodeJwt: not a JWT → null', () => {
  const header = segment({ alg: 'RS256' });
  const payload = segment({ sub: 'x' });

  it.each([
    ['an opaque token', 'a1b2c3d4e5f6'],
    ['the empty string', ''],
    ['two parts', `${header}.${payload}`],
    ['four parts', `${header}.${payload}.${SIGNATURE}.x`],
    ['a JWE (five parts)', `${header}.${payload}.${SIGNATURE}.x.y`],
    ['three empty parts', '..'],
    [
      'Base64 "+" instead of base64url',
      `${Buffer.from('{"a":">>>"}').toString('base64')}.${payload}.${SIGNATURE}`,
    ],
    [
      'Base64 "/" instead of base64url',
      `${Buffer.from('{"a":"???"}').toString('base64')}.${payload}.${SIGNATURE}`,
    ],
    ['padding', `${Buffer.from('{"a":1}').toString('base64')}.${payload}.${SIGNATURE}`],
    ['a base64url length of 4n+1', `${header}A.${payload}.${SIGNATURE}`],
    ['white space', ` ${header}.${payload}.${SIGNATURE}`],
    ['a "Bearer " prefix', `Bearer ${header}.${payload}.${SIGNATURE}`],
    ['a header that is not JSON', `${b64url('alg=RS256')}.${payload}.${SIGNATURE}`],
    ['a payload that is not JSON', `${header}.${b64url('sub=x')}.${SIGNATURE}`],
    ['a JSON array payload', `${header}.${segment([1, 2])}.${SIGNATURE}`],
    ['a JSON array header', `${segment(['RS256'])}.${payload}.${SIGNATURE}`],
    ['a JSON null header', `${segment(null)}.${payload}.${SIGNATURE}`],
    ['a JSON string payload', `${header}.${segment('sub')}.${SIGNATURE}`],
    ['a JSON number payload', `${header}.${segment(42)}.${SIGNATURE}`],
    ['a JSON true payload', `${header}.${segment(true)}.${SIGNATURE}`],
    [
      'invalid UTF-8 (a lone 0xFF byte)',
      `${b64url(Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))}.${payload}.${SIGNATURE}`,
    ],
    [
      'invalid UTF-8 (overlong "/")',
      `${header}.${b64url(Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]))}.${SIGNATURE}`,
    ],
    [
      'invalid UTF-8 (an encoded surrogate)',
      `${header}.${b64url(Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]))}.${SIGNATURE}`,
    ],
  ])('%s', (_name, token) => {
    expect(decodeJwt(token)).toBeNull();
  });

  it('sanity: the same segments in the right form do decode', () => {
    expect(decodeJwt(`${header}.${payload}.${SIGNATURE}`)).toEqual({
      header: { alg: 'RS256' },
      payload: { sub: 'x' },
    });
    expect(decodeJwt(`${header}.${payload}.`)).toEqual({
      header: { alg: 'RS256' },
      payload: { sub: 'x' },
    });
  });
});

describe('decodeJwt: properties', () => {
  const jsonObject = fc.dictionary(
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 5 },
  );

  it('any JSON object header and payload, base64url-encoded by Buffer, decode to themselves', () => {
    fc.assert(
      fc.property(jsonObject, jsonObject, (header, payload) => {
        const token = `${segment(header)}.${segment(payload)}.${SIGNATURE}`;
        // JSON.parse(JSON.stringify(x)) only normalizes -0 to 0, as any JSON text would.
        expect(decodeJwt(token)).toEqual({
          header: JSON.parse(JSON.stringify(header)),
          payload: JSON.parse(JSON.stringify(payload)),
        });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, for any string or any three base64url-ish parts', () => {
    const base64urlish = fc.string({
      unit: fc.constantFrom(...'AZaz09-_+/=. eyJ'.split('')),
      maxLength: 40,
    });
    const anyToken = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.tuple(base64urlish, base64urlish, base64urlish).map((parts) => parts.join('.')),
      fc
        .tuple(fc.uint8Array({ maxLength: 30 }), fc.uint8Array({ maxLength: 30 }))
        .map(([a, b]) => `${b64url(a)}.${b64url(b)}.`),
    );
    fc.assert(
      fc.property(anyToken, (token) => {
        const decoded = decodeJwt(token);
        if (decoded !== null) {
          expect(typeof decoded.header).toBe('object');
          expect(Array.isArray(decoded.payload)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
