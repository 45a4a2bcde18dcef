import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPastedToken } from './read-pasted-token.ts';

// A JWT-shaped token written out by hand (header {"alg":"none"}, payload {}), and an opaque one
// from RFC 6749 §4.4.3's example.
const JWT = 'eyJhbGciOiJub25lIn0.e30.c2ln';
const OPAQUE = '2YotnFZFEjr1zCsicMWpAA';

describe('readPastedToken: what people paste', () => {
  it('a bare token is the token, nothing removed', () => {
    expect(readPastedToken(`  ${JWT}\n`)).toEqual({ kind: 'token', token: JWT, removed: [] });
    expect(readPastedToken(OPAQUE)).toEqual({ kind: 'token', token: OPAQUE, removed: [] });
  });

  it('a whole Authorization: Bearer line: the name and the scheme are removed', () => {
    expect(readPastedToken(`Authorization: Bearer ${JWT}`)).toEqual({
      kind: 'token',
      token: JWT,
      removed: [
        { kind: 'header-name', asWritten: 'Authorization' },
        { kind: 'scheme', scheme: 'Bearer' },
      ],
    });
    expect(readPastedToken(`authorization:bearer ${JWT}`)).toMatchObject({ token: JWT });
  });

  it('Bearer or DPoP alone, any case', () => {
    expect(readPastedToken(`bearer ${OPAQUE}`)).toMatchObject({
      token: OPAQUE,
      removed: [{ kind: 'scheme', scheme: 'bearer' }],
    });
    expect(readPastedToken(`DPoP ${JWT}`)).toMatchObject({
      token: JWT,
      removed: [{ kind: 'scheme', scheme: 'DPoP' }],
    });
  });

  it('quotes, straight or typographic, around the token or around the line', () => {
    expect(readPastedToken(`"${JWT}"`)).toMatchObject({
      token: JWT,
      removed: [{ kind: 'quotes', quote: '"' }],
    });
    expect(readPastedToken(`\u201c${JWT}\u201d`)).toMatchObject({ token: JWT });
    expect(readPastedToken(`'Authorization: Bearer ${JWT}'`)).toMatchObject({
      token: JWT,
      removed: [{ kind: 'quotes' }, { kind: 'header-name' }, { kind: 'scheme' }],
    });
  });

  it('a curl -H argument, and a whole curl command', () => {
    expect(readPastedToken(`-H "Authorization: Bearer ${JWT}"`)).toEqual({
      kind: 'token',
      token: JWT,
      removed: [
        { kind: 'command-option', option: '-H' },
        { kind: 'quotes', quote: '"' },
        { kind: 'header-name', asWritten: 'Authorization' },
        { kind: 'scheme', scheme: 'Bearer' },
      ],
    });
    expect(
      readPastedToken(
        `curl -sS -H 'Accept: application/json' --header 'Authorization: Bearer ${OPAQUE}' https://api.example/reports`,
      ),
    ).toMatchObject({
      token: OPAQUE,
      removed: [{ kind: 'curl-command' }, { kind: 'header-name' }, { kind: 'scheme' }],
    });
  });

  it('a token response pasted whole: its access_token (RFC 6749 §5.1)', () => {
    const response = JSON.stringify(
      { access_token: JWT, token_type: 'Bearer', expires_in: 3600, scope: 'customScope' },
      null,
      2,
    );
    expect(readPastedToken(response)).toEqual({
      kind: 'token',
      token: JWT,
      removed: [{ kind: 'token-response' }],
    });
  });

  it('an error answer, or other JSON, holds no token', () => {
    expect(readPastedToken('{"error":"invalid_client"}')).toMatchObject({
      kind: 'not-a-token',
      reason: { kind: 'error-response', error: 'invalid_client' },
    });
    expect(readPastedToken('{"keys":[]}')).toMatchObject({
      reason: { kind: 'json-without-access-token' },
    });
  });

  it('words with spaces cannot be a bearer token (RFC 6750 §2.1 b64token)', () => {
    expect(readPastedToken('not a token at all')).toEqual({
      kind: 'not-a-token',
      reason: { kind: 'white-space' },
      removed: [],
    });
    // A token a terminal wrapped: white space too, never silently joined.
    expect(readPastedToken(`${JWT.slice(0, 10)}\n${JWT.slice(10)}`)).toMatchObject({
      reason: { kind: 'white-space' },
    });
  });

  it('characters outside b64token are named, each once', () => {
    expect(readPastedToken('abc,def;g,h')).toMatchObject({
      reason: { kind: 'invalid-characters', characters: [',', ';'] },
    });
    expect(readPastedToken('ab=cd')).toMatchObject({
      reason: { kind: 'invalid-characters', characters: ['='] },
    });
    expect(readPastedToken('tok\u00e9n')).toMatchObject({
      reason: { kind: 'invalid-characters', characters: ['\u00e9'] },
    });
  });

  it('a Basic header is client credentials, not an access token', () => {
    expect(readPastedToken('Authorization: Basic aWQ6c2VjcmV0')).toMatchObject({
      kind: 'not-a-token',
      reason: { kind: 'basic-credentials' },
    });
  });

  it('a header name or scheme with nothing after it', () => {
    expect(readPastedToken('Authorization: Bearer')).toMatchObject({
      reason: { kind: 'nothing-after-wrappers' },
    });
    expect(readPastedToken('   ')).toEqual({ kind: 'empty' });
  });
});

describe('readPastedToken: properties', () => {
  const b64token = fc.stringMatching(/^[A-Za-z0-9\-._~+/]{1,40}={0,2}$/);

  it('any b64token, however wrapped, comes back exactly', () => {
    const wrap = fc.constantFrom(
      (t: string) => t,
      (t: string) => `Bearer ${t}`,
      (t: string) => `Authorization: Bearer ${t}`,
      (t: string) => `-H 'Authorization: Bearer ${t}'`,
      (t: string) => `"${t}"`,
      (t: string) => JSON.stringify({ access_token: t, token_type: 'Bearer' }),
    );
    fc.assert(
      fc.property(b64token, wrap, (token, wrapIt) => {
        fc.pre(!/^(bearer|dpop|basic|curl)$/i.test(token));
        const reading = readPastedToken(wrapIt(token));
        expect(reading.kind === 'token' && reading.token).toBe(token);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and never calls white space a token', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (pasted) => {
        const reading = readPastedToken(pasted);
        if (reading.kind === 'token') expect(reading.token).not.toMatch(/\s/);
      }),
      { numRuns: 500 },
    );
  });
});
