import { describe, expect, it } from 'vitest';
import { demoSelection, keepsOwnKey } from './demo-selection.ts';

const endpoint = 'http://127.0.0.1:4173/demo/token';
const secretClient = {
  label: 'Basic client',
  clientId: 'demo-client',
  clientSecret: 's3cr3t',
  scope: 'api:read',
  authMethod: 'client_secret_basic',
} as const;
const keyClient = {
  label: 'Key client',
  clientId: 'demo-key-client',
  clientSecret: '',
  scope: 'api:read api:write',
  authMethod: 'private_key_jwt',
  privateKeyJwk: { kty: 'EC', kid: 'k1', alg: 'ES256', crv: 'P-256', x: 'X', y: 'Y', d: 'D' },
} as const;

describe('demoSelection', () => {
  it('fills in the endpoint, ID, scope and secret of a secret client and keeps a secret method', () => {
    expect(demoSelection(endpoint, secretClient, 'client_secret_post')).toEqual({
      tokenEndpointOverride: { url: endpoint, source: 'demo' },
      clientId: 'demo-client',
      scope: 'api:read',
      authMethod: 'client_secret_post',
      clientSecret: 's3cr3t',
    });
  });

  it('turns private_key_jwt back to client_secret_basic for a secret client', () => {
    expect(demoSelection(endpoint, secretClient, 'private_key_jwt')).toMatchObject({
      authMethod: 'client_secret_basic',
      clientSecret: 's3cr3t',
    });
  });

  it('chooses private_key_jwt with the published key for a key client, and clears the secret', () => {
    const change = demoSelection(endpoint, keyClient, 'client_secret_basic');
    expect(change).toMatchObject({
      authMethod: 'private_key_jwt',
      clientId: 'demo-key-client',
      clientSecret: '',
      scope: 'api:read api:write',
    });
    expect(JSON.parse(change.privateKey ?? '')).toEqual(keyClient.privateKeyJwk);
  });

  it('keeps a key the reader generated or pasted, and replaces only an empty field or the published key', () => {
    const own = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMG\n-----END PRIVATE KEY-----';
    expect(keepsOwnKey(keyClient, own)).toBe(true);
    expect(demoSelection(endpoint, keyClient, 'private_key_jwt', own)).not.toHaveProperty(
      'privateKey',
    );
    const published = JSON.stringify(keyClient.privateKeyJwk, null, 2);
    for (const replaceable of [undefined, '', '  ', published]) {
      expect(keepsOwnKey(keyClient, replaceable)).toBe(false);
      expect(demoSelection(endpoint, keyClient, 'private_key_jwt', replaceable).privateKey).toBe(
        published,
      );
    }
    // A secret client has no key to put there: nothing to keep or replace.
    expect(keepsOwnKey(secretClient, own)).toBe(false);
  });
});
