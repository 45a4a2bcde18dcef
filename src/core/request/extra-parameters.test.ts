import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  extraBodyFields,
  extraParameterPairs,
  isReservedParameterName,
} from './extra-parameters.ts';
import { extraParameterProblems, resourceProblems } from './extra-parameter-problems.ts';
import { deriveTokenRequest, initialFormState } from './request-form.ts';

const none = { audience: '', resources: '', extraParameters: '' };

describe('extra token request parameters', () => {
  it('audience, then each resource, then the pairs, as typed (trimmed)', () => {
    expect(
      extraBodyFields({
        audience: ' https://api.example.com ',
        resources: 'https://a.example/\n\n  api://b \r\n',
        extraParameters: 'organization=org_1\nprompt = x=y\n',
      }),
    ).toEqual([
      ['audience', 'https://api.example.com'],
      ['resource', 'https://a.example/'],
      ['resource', 'api://b'],
      ['organization', 'org_1'],
      ['prompt', 'x=y'],
    ]);
  });

  it('never sends the credentials, the grant or a client assertion as extra names', () => {
    const text = [
      'client_secret=leak',
      'CLIENT_ID=x',
      'client_assertion=x',
      'client_assertion_type=x',
      'grant_type=password',
      'scope=x',
      'no equals sign',
      '=value',
      'kept=1',
    ].join('\n');
    expect(extraParameterPairs(text)).toEqual([['kept', '1']]);
    expect(extraParameterProblems(text)).toEqual([
      'Line 1 is not sent: client_secret is not an extra parameter (the client credentials fields and Client authentication set it).',
      'Line 2 is not sent: CLIENT_ID is not an extra parameter (the client credentials fields and Client authentication set it).',
      'Line 3 is not sent: client_assertion is not an extra parameter (the signed client assertion sets it).',
      'Line 4 is not sent: client_assertion_type is not an extra parameter (the signed client assertion sets it).',
      'Line 5 is not sent: grant_type is not an extra parameter (the client credentials flow sets it).',
      'Line 6 is not sent: scope is not an extra parameter (use the Scope field).',
      'Line 7 is not sent: write it as name=value.',
      'Line 8 is not sent: it has no name before "=".',
    ]);
  });

  it('a request never carries a credential twice, whatever the extra field holds', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (extraParameters, audience) => {
        const request = deriveTokenRequest({
          ...initialFormState,
          clientId: 'id',
          clientSecret: 'secret',
          authMethod: 'client_secret_post',
          audience,
          extraParameters,
        });
        const names = [...new URLSearchParams(request.body).keys()];
        for (const name of ['grant_type', 'client_id', 'client_secret', 'scope', 'audience']) {
          expect(names.filter((n) => n === name).length).toBeLessThanOrEqual(1);
        }
        expect(names.some((n) => n.startsWith('client_assertion'))).toBe(false);
      }),
    );
  });

  it('are form-encoded in the body after scope (RFC 6749 Appendix B)', () => {
    const request = deriveTokenRequest({
      ...initialFormState,
      clientId: 'id',
      clientSecret: 'secret',
      audience: 'https://api.example.com/v1 & more',
      resources: 'api://playground',
      extraParameters: 'x+y=a b',
    });
    expect(request.body).toBe(
      'grant_type=client_credentials&scope=customScope&audience=https%3A%2F%2Fapi.example.com%2Fv1+%26+more&resource=api%3A%2F%2Fplayground&x%2By=a+b',
    );
  });

  it('none: the request of the Okta guide, unchanged', () => {
    expect(extraBodyFields(none)).toEqual([]);
    expect(isReservedParameterName('client_assertion_x')).toBe(true);
  });

  it('resource indicators must be absolute URIs without a fragment (RFC 8707 §2)', () => {
    expect(resourceProblems('https://a.example/\n/relative\nhttps://b.example/#frag')).toEqual([
      'Resource line 2 is not an absolute URI (RFC 8707 §2): write https://… or api://….',
      'Resource line 3 has a fragment (#…), which RFC 8707 §2 does not allow.',
    ]);
  });
});
