import { describe, expect, it } from 'vitest';
import { choiceOptions, ENCODING_WORDS } from './choice-labels.ts';
import { AUTH_METHOD_OPTIONS } from './methods.ts';

// The radios' accessible names are a contract (README "Contracts"): docs sites and tests find
// the choices by these exact words.
describe('the words of the Client authentication and Credential encoding choices', () => {
  it('lists the methods in the page order with their contracted names', () => {
    expect(AUTH_METHOD_OPTIONS.map(({ value, label }) => [value, label])).toEqual([
      ['client_secret_basic', 'Basic header (client_secret_basic)'],
      ['client_secret_post', 'Request body (client_secret_post)'],
      ['client_secret_jwt', 'Secret-signed JWT (client_secret_jwt)'],
      ['private_key_jwt', 'Private key JWT (private_key_jwt)'],
    ]);
  });

  it('lists the encodings, the guide first', () => {
    expect(choiceOptions(ENCODING_WORDS).map(({ value, label }) => [value, label])).toEqual([
      ['raw', 'Raw UTF-8'],
      ['form', 'RFC 6749 form-encoded first'],
    ]);
  });

  it('keeps each hint with its option', () => {
    expect(choiceOptions(ENCODING_WORDS)[1]).toEqual({
      value: 'form',
      label: 'RFC 6749 form-encoded first',
      hint: '§2.3.1: each part form-urlencoded, then Basic',
    });
  });
});
