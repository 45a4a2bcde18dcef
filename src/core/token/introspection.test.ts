import { describe, expect, it } from 'vitest';
import {
  explainTokenLifeFailure,
  readIntrospectionAnswer,
  readRevocationAnswer,
  revokedJwtNote,
  type TokenLifeContext,
} from './introspection.ts';

const NOW = 1_800_000_000;
const context: TokenLifeContext = {
  action: 'introspect',
  endpoint: 'http://127.0.0.1:4173/demo/token/introspection',
  clientId: '0oademoclient0000001',
  authMethod: 'client_secret_basic',
  nowSeconds: NOW,
};
const answer = (status: number, body: unknown) => ({
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('readIntrospectionAnswer', () => {
  it('explains an active answer member by member, times with their moment', () => {
    const reading = readIntrospectionAnswer(
      answer(200, {
        active: true,
        client_id: '0oademoclient0000001',
        scope: 'customScope',
        exp: NOW + 3540,
        iat: NOW - 60,
        token_type: 'Bearer',
        cnf: { jkt: 'abc' },
        vendor_thing: 1,
      }),
      context,
    );
    expect(reading.kind).toBe('active');
    if (reading.kind !== 'active') return;
    expect(reading.notes).toEqual([]);
    const byClaim = Object.fromEntries(reading.rows.map((row) => [row.claim, row]));
    expect(byClaim.exp?.value).toBe('1800003540 (2027-01-15T08:59:00.000Z, in 59 min)');
    expect(byClaim.iat?.value).toBe('1799999940 (2027-01-15T07:59:00.000Z, 1 min ago)');
    expect(byClaim.cnf?.value).toBe('{"jkt":"abc"}');
    expect(byClaim.active?.meaning).toContain('not revoked');
    expect(byClaim.token_type?.meaning).toContain('DPoP');
    expect(byClaim.vendor_thing?.meaning).toContain('specific to this server');
  });

  it('notes a token of another client and an expiry already past', () => {
    const reading = readIntrospectionAnswer(
      answer(200, { active: true, client_id: 'someone-else', exp: NOW - 5 }),
      context,
    );
    expect(reading.kind === 'active' && reading.notes).toEqual([
      'The expiry has passed, yet the server says active: its clock and this browser’s differ.',
      'The token was issued to someone-else, not to 0oademoclient0000001, the client that asked.',
    ]);
  });

  it('active: false says the token is revoked, expired or unknown, and no more', () => {
    const reading = readIntrospectionAnswer(answer(200, { active: false }), context);
    expect(reading.kind).toBe('inactive');
    expect(reading.kind === 'inactive' && reading.meaning).toMatch(/revoked, expired, or not one/);
  });

  it('200 without a boolean active is not an introspection answer', () => {
    for (const body of ['<html>', { active: 'true' }, '[]']) {
      const reading = readIntrospectionAnswer(answer(200, body), context);
      expect(reading.kind === 'failed' && reading.explanation.meaning).toMatch(
        /not an introspection answer/,
      );
    }
  });

  it('a 401 invalid_client is explained with the method the token request used', () => {
    const reading = readIntrospectionAnswer(
      answer(401, { error: 'invalid_client', error_description: 'client authentication failed' }),
      context,
    );
    expect(reading.kind === 'failed' && reading.explanation).toEqual({
      meaning:
        'The introspection endpoint (RFC 7662) refused the client’s authentication (HTTP 401, invalid_client: “client authentication failed”), although the same client ID and client_secret_basic were accepted for the token.',
      checks: [
        expect.stringContaining('introspection_endpoint_auth_methods_supported'),
        expect.stringContaining('0oademoclient0000001 may not call this endpoint'),
      ],
    });
  });
});

describe('explainTokenLifeFailure', () => {
  const revoke = { ...context, action: 'revoke' as const, endpoint: 'https://h/revoke' };

  it('an endpoint the server does not have (404, 405)', () => {
    for (const status of [404, 405]) {
      expect(explainTokenLifeFailure(answer(status, 'Not Found'), revoke).meaning).toBe(
        `Nothing answers at https://h/revoke (HTTP ${status}): this server may not offer a revocation endpoint (RFC 7009), or serves it at another URL.`,
      );
    }
  });

  it('400 invalid_request quotes the server', () => {
    const explanation = explainTokenLifeFailure(
      answer(400, {
        error: 'invalid_request',
        error_description: 'this token does not belong to you',
      }),
      revoke,
    );
    expect(explanation.meaning).toBe(
      'The revocation endpoint (RFC 7009) answered HTTP 400 with the error invalid_request: “this token does not belong to you” (RFC 6749 §5.2).',
    );
    expect(explanation.checks).toHaveLength(1);
  });

  it('unsupported_token_type: the server does not revoke this kind of token', () => {
    expect(
      explainTokenLifeFailure(answer(400, { error: 'unsupported_token_type' }), revoke).meaning,
    ).toMatch(/^The server does not revoke this kind of token/);
  });

  it('anything else is named as neither success nor an OAuth error', () => {
    expect(explainTokenLifeFailure(answer(502, 'Bad gateway'), revoke).meaning).toBe(
      'The revocation endpoint (RFC 7009) answered HTTP 502, which is neither its success nor an OAuth error (the body is not JSON).',
    );
  });
});

describe('readRevocationAnswer', () => {
  it('200 is accepted, and the page says 200 also answers an unknown token', () => {
    const reading = readRevocationAnswer(answer(200, ''), { ...context, action: 'revoke' });
    expect(reading.kind === 'revoked' && reading.meaning).toMatch(
      /same answer for a token it did not know/,
    );
  });

  it('a 401 is a failure explained', () => {
    const reading = readRevocationAnswer(answer(401, { error: 'invalid_client' }), {
      ...context,
      action: 'revoke',
    });
    expect(reading.kind === 'failed' && reading.explanation.meaning).toMatch(
      /^The revocation endpoint \(RFC 7009\) refused/,
    );
  });
});

describe('revokedJwtNote', () => {
  it('says how long the revoked JWT keeps verifying offline', () => {
    expect(revokedJwtNote(NOW + 600, NOW)).toMatch(
      /^A revoked JWT still verifies offline until it expires \(in 10 min\)/,
    );
    expect(revokedJwtNote(NOW - 1, NOW)).toMatch(/until it expires \(it has already\)/);
    expect(revokedJwtNote(null, NOW)).toMatch(/introspects each token instead/);
  });
});
