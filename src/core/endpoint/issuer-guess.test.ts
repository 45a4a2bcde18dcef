import { describe, expect, it } from 'vitest';
import { guessIssuerFromTokenEndpoint } from './issuer-guess.ts';

describe('guessIssuerFromTokenEndpoint', () => {
  it('strips Okta /v1/token and oidc-provider /token', () => {
    expect(guessIssuerFromTokenEndpoint('https://dev-1.okta.com/oauth2/aus1/v1/token')).toBe(
      'https://dev-1.okta.com/oauth2/aus1',
    );
    expect(guessIssuerFromTokenEndpoint('http://127.0.0.1:4173/demo/token')).toBe(
      'http://127.0.0.1:4173/demo',
    );
  });
  it("gives Okta's org authorization server its issuer, the bare origin", () => {
    expect(guessIssuerFromTokenEndpoint('https://dev-1.okta.com/oauth2/v1/token')).toBe(
      'https://dev-1.okta.com',
    );
  });
  it('gives up on other shapes', () => {
    expect(guessIssuerFromTokenEndpoint('https://as.example/oauth/tokens')).toBeNull();
    expect(guessIssuerFromTokenEndpoint('not a url')).toBeNull();
    expect(guessIssuerFromTokenEndpoint('https://as.example/token?x=1')).toBeNull();
  });
});
