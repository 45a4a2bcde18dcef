import { describe, expect, it } from 'vitest';
import {
  deriveTokenRequest,
  initialFormState,
  isInitialFormState,
  tokenEndpointOf,
  type FormState,
} from './request-form.ts';

const form: FormState = {
  ...initialFormState,
  clientId: 'Aladdin',
  clientSecret: 'open sesame',
  domain: 'https://dev-123456.okta.com/',
};

describe('deriveTokenRequest: the request model of a form state', () => {
  it('sends to the custom authorization server derived from the Okta domain and ID', () => {
    const request = deriveTokenRequest(form);
    expect(request.url).toBe('https://dev-123456.okta.com/oauth2/default/v1/token');
    expect(request.headers).toContainEqual(['authorization', 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==']);
    expect(request.body).toBe('grant_type=client_credentials&scope=customScope');
  });

  it('an empty authorization server ID means the org authorization server', () => {
    expect(deriveTokenRequest({ ...form, authServerId: ' ' }).url).toBe(
      'https://dev-123456.okta.com/oauth2/v1/token',
    );
  });

  it('an override wins over the domain, whatever its source, and is trimmed for the wire', () => {
    for (const source of ['typed', 'demo', 'link'] as const) {
      const overridden: FormState = {
        ...form,
        tokenEndpointOverride: { url: ' http://127.0.0.1:4173/demo/token\n', source },
      };
      expect(deriveTokenRequest(overridden).url).toBe('http://127.0.0.1:4173/demo/token');
      // The field keeps showing exactly what was typed.
      expect(tokenEndpointOf(overridden)).toBe(' http://127.0.0.1:4173/demo/token\n');
    }
  });

  it("an empty domain leaves the guide's placeholder, which the endpoint checks then report", () => {
    expect(deriveTokenRequest({ ...form, domain: '' }).url).toBe(
      'https://{yourOktaDomain}/oauth2/default/v1/token',
    );
  });

  it('carries the method and encoding of the form beside the wire request', () => {
    expect(
      deriveTokenRequest({ ...form, clientSecret: 'a+b', encoding: 'form' }).clientAuthentication,
    ).toMatchObject({
      method: 'client_secret_basic',
      encoding: 'form',
      basic: { pair: 'Aladdin:a%2Bb' },
    });
    const post = deriveTokenRequest({ ...form, authMethod: 'client_secret_post' });
    expect(post.clientAuthentication).toEqual({ method: 'client_secret_post' });
    expect(new URLSearchParams(post.body).get('client_secret')).toBe('open sesame');
  });
});

describe('deriveTokenRequest: private_key_jwt', () => {
  const keyForm: FormState = {
    ...form,
    clientId: 'svc',
    clientSecret: '',
    tokenEndpointOverride: { url: ' http://127.0.0.1:4173/demo/token ', source: 'typed' },
    authMethod: 'private_key_jwt',
  };
  const signed = {
    header: { alg: 'RS256', kid: 'k', typ: 'JWT' },
    claims: {
      iss: 'svc',
      sub: 'svc',
      aud: 'http://127.0.0.1:4173/demo/token',
      iat: 100,
      exp: 400,
      jti: 'j',
    },
    jwt: 'a.b.c',
  } as const;

  it('uses the signed assertion while it names this client, endpoint (as sent) and lifetime', () => {
    const request = deriveTokenRequest(keyForm, signed);
    expect(request.clientAuthentication).toEqual({ method: 'private_key_jwt', assertion: signed });
    expect(request.body).toContain('client_assertion=a.b.c');
  });

  it('drops an assertion signed for other values instead of showing a stale one', () => {
    for (const changed of [
      { clientId: 'other' },
      { tokenEndpointOverride: { url: 'http://127.0.0.1:4173/demo/token/', source: 'typed' } },
      { assertionLifetime: 60 },
    ] as const) {
      const request = deriveTokenRequest({ ...keyForm, ...changed }, signed);
      expect(request.clientAuthentication).toEqual({ method: 'private_key_jwt', assertion: null });
    }
  });

  it('never carries an assertion whose iss or aud is empty, even one signed for those values', () => {
    const emptyIss = { ...signed, claims: { ...signed.claims, iss: '', sub: '' } };
    const request = deriveTokenRequest({ ...keyForm, clientId: '' }, emptyIss);
    expect(request.clientAuthentication).toEqual({ method: 'private_key_jwt', assertion: null });
    expect(request.body).not.toContain('client_assertion=');
    const emptyAud = { ...signed, claims: { ...signed.claims, aud: '' } };
    expect(
      deriveTokenRequest(
        { ...keyForm, tokenEndpointOverride: { url: ' ', source: 'typed' } },
        emptyAud,
      ).clientAuthentication,
    ).toEqual({ method: 'private_key_jwt', assertion: null });
  });
});

describe('isInitialFormState', () => {
  it('is true for the defaults, even as a copy', () => {
    expect(isInitialFormState({ ...initialFormState })).toBe(true);
  });

  it('is false as soon as any field differs', () => {
    expect(isInitialFormState({ ...initialFormState, clientSecret: 's' })).toBe(false);
    expect(isInitialFormState({ ...initialFormState, scope: '' })).toBe(false);
    expect(
      isInitialFormState({
        ...initialFormState,
        tokenEndpointOverride: { url: '', source: 'typed' },
      }),
    ).toBe(false);
    expect(isInitialFormState({ ...initialFormState, encoding: 'form' })).toBe(false);
  });
});
