import { describe, expect, it } from 'vitest';
import { missingCredentials } from './missing-credentials.ts';

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
