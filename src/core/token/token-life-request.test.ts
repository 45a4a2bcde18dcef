import { describe, expect, it } from 'vitest';
import type { SignedAssertion } from '../client-auth/client-assertion.ts';
import type { TokenRequestInput } from '../request/token-request.ts';
import { buildTokenLifeRequest } from './token-life-request.ts';

const ENDPOINT = 'https://example.okta.com/oauth2/default/v1/introspect';
const input: TokenRequestInput = {
  tokenEndpoint: 'https://example.okta.com/oauth2/default/v1/token',
  clientId: 'my client',
  clientSecret: 'p+ss:word',
  scope: 'read',
  authMethod: 'client_secret_basic',
  encoding: 'raw',
};

describe('buildTokenLifeRequest', () => {
  it('client_secret_basic: the Basic header of the token request, token and hint in the body', () => {
    const request = buildTokenLifeRequest(` ${ENDPOINT} `, 'ey.a.b', input);
    expect(request).toEqual({
      method: 'POST',
      url: ENDPOINT,
      headers: [
        ['accept', 'application/json'],
        // base64('my client:p+ss:word')
        ['authorization', 'Basic bXkgY2xpZW50OnArc3M6d29yZA=='],
        ['content-type', 'application/x-www-form-urlencoded'],
      ],
      body: 'token=ey.a.b&token_type_hint=access_token',
    });
  });

  it('client_secret_basic with the RFC 6749 encoding: form-encoded before Base64', () => {
    const request = buildTokenLifeRequest(ENDPOINT, 't', { ...input, encoding: 'form' });
    // base64('my+client:p%2Bss%3Aword')
    expect(request.headers[1]).toEqual(['authorization', 'Basic bXkrY2xpZW50OnAlMkJzcyUzQXdvcmQ=']);
  });

  it('client_secret_post: the pair in the body after the token, no Authorization header', () => {
    const request = buildTokenLifeRequest(ENDPOINT, 't', {
      ...input,
      authMethod: 'client_secret_post',
    });
    expect(request.headers.map(([name]) => name)).toEqual(['accept', 'content-type']);
    expect(request.body).toBe(
      'token=t&token_type_hint=access_token&client_id=my+client&client_secret=p%2Bss%3Aword',
    );
  });

  it('private_key_jwt: the assertion it is given, never the secret', () => {
    const assertion = { jwt: 'h.c.s' } as SignedAssertion;
    const request = buildTokenLifeRequest(ENDPOINT, 't', {
      ...input,
      authMethod: 'private_key_jwt',
      clientAssertion: assertion,
    });
    expect(request.headers.map(([name]) => name)).toEqual(['accept', 'content-type']);
    expect(request.body).toBe(
      'token=t&token_type_hint=access_token&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=h.c.s',
    );
    expect(request.body).not.toContain('word');
  });
});
