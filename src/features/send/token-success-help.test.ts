import { describe, expect, it } from 'vitest';
import { explainTokenSuccess } from './token-success-help.ts';

const token = { access_token: 'eyJ.x.y', token_type: 'Bearer' };

describe('explainTokenSuccess (RFC 6749 §5.1)', () => {
  it('a Bearer token with lifetime and scope, and how to use it', () => {
    expect(
      explainTokenSuccess({ ...token, expires_in: 3600, scope: 'customScope' }, 'customScope', [])
        .meaning,
    ).toBe(
      'A Bearer token, valid for 3600 seconds (1 hour), with the scope "customScope". Send it to your API as "Authorization: Bearer <token>" (RFC 6750).',
    );
  });

  it('a lifetime that is not a whole unit stays in seconds; whole units are named', () => {
    expect(explainTokenSuccess({ ...token, expires_in: 90 }, '', []).meaning).toContain(
      'valid for 90 seconds.',
    );
    expect(explainTokenSuccess({ ...token, expires_in: 300 }, '', []).meaning).toContain(
      'valid for 300 seconds (5 minutes).',
    );
    expect(explainTokenSuccess({ ...token, expires_in: 86400 }, '', []).meaning).toContain(
      '(1 day)',
    );
  });

  it('no scope in the answer: the requested one was granted as asked (§5.1), or none was asked', () => {
    expect(explainTokenSuccess(token, 'read', []).meaning).toContain(
      'with the scope you asked for (the server did not list it, RFC 6749 §5.1)',
    );
    expect(explainTokenSuccess(token, '', []).meaning).toBe(
      'A Bearer token. Send it to your API as "Authorization: Bearer <token>" (RFC 6750).',
    );
  });

  it('bearer in any case is Bearer; another type gets no Bearer usage line', () => {
    expect(explainTokenSuccess({ ...token, token_type: 'bearer' }, '', []).meaning).toContain(
      'Authorization: Bearer',
    );
    expect(explainTokenSuccess({ ...token, token_type: 'MAC' }, '', []).meaning).toBe(
      'A MAC token.',
    );
  });

  it('a DPoP token says how an API wants it; a Bearer answer to a proof says the proof was ignored', () => {
    const dpop = explainTokenSuccess({ ...token, token_type: 'DPoP' }, '', [], true).meaning;
    expect(dpop).toContain('"Authorization: DPoP <token>"');
    expect(dpop).toContain('ath');
    const ignored = explainTokenSuccess(token, '', [], true).meaning;
    expect(ignored).toContain('did not bind the token to the key');
    expect(ignored).toContain('Authorization: Bearer');
  });

  it("passes the parser's remarks on as the checks", () => {
    expect(explainTokenSuccess(token, '', ['No Cache-Control: no-store.']).checks).toEqual([
      'No Cache-Control: no-store.',
    ]);
  });
});
