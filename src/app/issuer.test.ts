import { describe, expect, it } from 'vitest';
import { oktaIssuer, suggestIssuer } from './issuer.ts';
import { initialFormState, type FormState } from '../core/request/request-form.ts';

describe('oktaIssuer', () => {
  it('builds a custom authorization server issuer from a pasted domain', () => {
    expect(oktaIssuer(' https://dev-1.okta.com/ ', 'default')).toBe(
      'https://dev-1.okta.com/oauth2/default',
    );
  });
  it('is the org authorization server without an ID, and null without a domain', () => {
    expect(oktaIssuer('dev-1.okta.com', '')).toBe('https://dev-1.okta.com');
    expect(oktaIssuer('  ', 'default')).toBeNull();
  });
});

describe('suggestIssuer', () => {
  const form: FormState = {
    ...initialFormState,
    domain: 'dev-1.okta.com',
    authServerId: 'aus1',
    scope: '',
  };
  it('follows the Okta fields, or the overriding endpoint', () => {
    expect(suggestIssuer(form)).toBe('https://dev-1.okta.com/oauth2/aus1');
    expect(suggestIssuer({ ...form, domain: '' })).toBe('');
    expect(
      suggestIssuer({
        ...form,
        tokenEndpointOverride: { url: 'http://127.0.0.1:4173/demo/token', source: 'demo' },
      }),
    ).toBe('http://127.0.0.1:4173/demo');
    expect(
      suggestIssuer({
        ...form,
        tokenEndpointOverride: { url: 'https://x/oauth', source: 'typed' },
      }),
    ).toBe('');
  });
});
