import { describe, expect, it } from 'vitest';
import { parseTokenResponse } from '../token/token-response.ts';
import { dpopNonceOf, nonceChallengeOf } from './nonce-challenge.ts';

function answer(status: number, body: object, headers: Record<string, string> = {}) {
  const relayed = {
    status,
    headers: new Headers({ 'content-type': 'application/json', ...headers }),
    body: JSON.stringify(body),
  };
  return { relayed, parsed: parseTokenResponse(relayed) };
}

describe('nonceChallengeOf (RFC 9449 §8)', () => {
  it('reads the nonce of a 400 use_dpop_nonce with DPoP-Nonce', () => {
    const { relayed, parsed } = answer(
      400,
      { error: 'use_dpop_nonce', error_description: 'nonce is required in the DPoP proof' },
      { 'DPoP-Nonce': 'eyJ7S_zG.Nonce-1' },
    );
    expect(nonceChallengeOf(relayed, parsed)).toBe('eyJ7S_zG.Nonce-1');
  });

  it('is null without the header, for another error or another status', () => {
    const noHeader = answer(400, { error: 'use_dpop_nonce' });
    expect(nonceChallengeOf(noHeader.relayed, noHeader.parsed)).toBeNull();
    const other = answer(400, { error: 'invalid_dpop_proof' }, { 'DPoP-Nonce': 'n' });
    expect(nonceChallengeOf(other.relayed, other.parsed)).toBeNull();
    const unauthorized = answer(401, { error: 'use_dpop_nonce' }, { 'DPoP-Nonce': 'n' });
    expect(nonceChallengeOf(unauthorized.relayed, unauthorized.parsed)).toBeNull();
  });

  it('refuses a header value that is not a nonce (spaces, quotes, empty)', () => {
    for (const bad of ['two words', 'quote"d', ''])
      expect(dpopNonceOf({ status: 200, headers: new Headers({ 'DPoP-Nonce': bad }) })).toBeNull();
  });
});
