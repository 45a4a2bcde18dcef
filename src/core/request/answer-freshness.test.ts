import { describe, expect, it } from 'vitest';
import { changesSinceSent } from './answer-freshness.ts';
import { buildTokenRequest, type TokenRequestInput } from './token-request.ts';

const sentInput: TokenRequestInput = {
  tokenEndpoint: 'https://dev-1.okta.com/oauth2/default/v1/token',
  clientId: '0oa1',
  clientSecret: 'secret',
  scope: 'customScope',
  authMethod: 'client_secret_basic',
  encoding: 'raw',
};
const sent = buildTokenRequest(sentInput);
const now = (change: Partial<TokenRequestInput>) =>
  changesSinceSent(sent, buildTokenRequest({ ...sentInput, ...change }));

describe('changesSinceSent', () => {
  it('is empty while the form still describes the request that was sent', () => {
    expect(now({})).toEqual([]);
  });

  it('names each changed field by its label, in the order of the form', () => {
    expect(now({ clientSecret: 'other' })).toEqual(['Client secret']);
    expect(now({ scope: 'read:reports', clientSecret: 'other' })).toEqual([
      'Client secret',
      'Scope',
    ]);
    expect(now({ clientId: '0oa2' })).toEqual(['Client ID']);
    expect(now({ tokenEndpoint: 'https://dev-2.okta.com/oauth2/default/v1/token' })).toEqual([
      'Token endpoint',
    ]);
    expect(now({ authMethod: 'client_secret_post' })).toEqual(['Client authentication']);
  });

  it('counts a change only when it changes the bytes that would be sent', () => {
    // Okta-style credentials are the same in both encodings (RFC 6749 §2.3.1 changes nothing).
    expect(now({ encoding: 'form' })).toEqual([]);
    // A space around the endpoint is trimmed before sending.
    expect(now({ tokenEndpoint: ` ${sentInput.tokenEndpoint} ` })).toEqual([]);
    // In client_secret_post the Basic encoding is not used at all.
    const post = buildTokenRequest({
      ...sentInput,
      clientSecret: 'a+b',
      authMethod: 'client_secret_post',
    });
    const postForm = buildTokenRequest({ ...post.input, encoding: 'form' });
    expect(changesSinceSent(post, postForm)).toEqual([]);
  });

  it('names the encoding when it changes the Authorization header', () => {
    const special = buildTokenRequest({ ...sentInput, clientSecret: 'a+b' });
    const specialForm = buildTokenRequest({ ...special.input, encoding: 'form' });
    expect(changesSinceSent(special, specialForm)).toEqual(['Credential encoding']);
  });
});

describe('changesSinceSent with private_key_jwt', () => {
  const signedWith = (kid: string, jti: string) =>
    ({
      header: { alg: 'RS256', kid, typ: 'JWT' },
      claims: { iss: '0oa1', sub: '0oa1', aud: sentInput.tokenEndpoint, iat: 1, exp: 301, jti },
      jwt: `h.${jti}.s`,
    }) as const;
  const keyInput = { ...sentInput, clientSecret: '', authMethod: 'private_key_jwt' } as const;
  const keySent = buildTokenRequest({ ...keyInput, clientAssertion: signedWith('k1', 'a') });

  it('keeps the answer when only a new assertion from the same key was signed', () => {
    const resigned = buildTokenRequest({ ...keyInput, clientAssertion: signedWith('k1', 'b') });
    expect(changesSinceSent(keySent, resigned)).toEqual([]);
  });

  it('names the private key once another key signs', () => {
    const otherKey = buildTokenRequest({ ...keyInput, clientAssertion: signedWith('k2', 'c') });
    expect(changesSinceSent(keySent, otherKey)).toEqual(['Private key']);
  });
});

describe('changesSinceSent: the parameters beyond RFC 6749 §4.4.2', () => {
  it('names Audience, Resource and Extra parameters by their labels', () => {
    expect(now({ extraFields: [['audience', 'https://api.example.com']] })).toEqual(['Audience']);
    expect(
      now({
        extraFields: [
          ['resource', 'api://a'],
          ['organization', 'org_1'],
        ],
      }),
    ).toEqual(['Resource', 'Extra parameters']);
  });
});
