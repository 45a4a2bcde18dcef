import { describe, expect, it } from 'vitest';
import { missingCredentials } from './methods.ts';

describe('missingCredentials', () => {
  it('names what is missing, in words', () => {
    expect(missingCredentials({ clientId: '', clientSecret: '' })).toBe(
      'Enter a client ID and secret',
    );
    expect(missingCredentials({ clientId: '', clientSecret: 's' })).toBe('Enter a client ID');
    expect(missingCredentials({ clientId: 'id', clientSecret: '' })).toBe('Enter a client secret');
  });

  it('is satisfied by any non-empty values, even white space (the checks warn about that)', () => {
    expect(missingCredentials({ clientId: 'id', clientSecret: 's' })).toBeNull();
    expect(missingCredentials({ clientId: ' ', clientSecret: ' ' })).toBeNull();
  });
});

describe('missingCredentials with private_key_jwt', () => {
  const assertion = {
    header: { alg: 'RS256', kid: 'k', typ: 'JWT' },
    claims: { iss: 'id', sub: 'id', aud: 'https://as.example/token', iat: 1, exp: 301, jti: 'j' },
    jwt: 'e30.e30.c2ln',
  } as const;
  it('asks for the client ID, then for a key, never for a secret', () => {
    const method = { authMethod: 'private_key_jwt', clientSecret: '' } as const;
    expect(missingCredentials({ ...method, clientId: '', clientAssertion: assertion })).toBe(
      "Enter a client ID (the assertion's iss and sub): nothing is signed until the assertion's claims are complete",
    );
    expect(
      missingCredentials({ ...method, clientId: ' ', tokenEndpoint: '', clientAssertion: null }),
    ).toBe(
      "Enter a client ID (the assertion's iss and sub) and an Okta domain or token endpoint (the assertion's aud): nothing is signed until the assertion's claims are complete",
    );
    expect(
      missingCredentials({
        ...method,
        clientId: 'svc',
        tokenEndpoint: 'https://{yourOktaDomain}/oauth2/default/v1/token',
        clientAssertion: null,
      }),
    ).toBe(
      "Enter an Okta domain or token endpoint (the assertion's aud): nothing is signed until the assertion's claims are complete",
    );
    expect(missingCredentials({ ...method, clientId: 'id', clientAssertion: null })).toBe(
      'Generate or paste a private key to sign the assertion',
    );
    expect(
      missingCredentials({ ...method, clientId: 'id', clientAssertion: assertion }),
    ).toBeNull();
  });
});
