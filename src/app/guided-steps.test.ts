import { describe, expect, it } from 'vitest';
import { initialFormState, type FormState } from '../core/request/request-form.ts';
import { problemsUpTo } from './guided-steps.ts';

const form = (change: Partial<FormState>): FormState => ({ ...initialFormState, ...change });
const fields = (step: number, state: FormState) =>
  problemsUpTo(step, state).map((problem) => `${problem.step}:${problem.fieldId}`);

describe('problemsUpTo', () => {
  it('names each missing credential at the first step, with the words of an error summary', () => {
    expect(problemsUpTo(0, initialFormState)).toEqual([
      { step: 0, fieldId: 'client-id', message: 'Enter a client ID' },
      { step: 0, fieldId: 'client-secret', message: 'Enter a client secret' },
    ]);
    expect(fields(0, form({ clientId: 'a' }))).toEqual(['0:client-secret']);
    expect(fields(0, form({ clientId: 'a', clientSecret: 'b' }))).toEqual([]);
  });

  it('keeps naming the credentials from the steps that only show them', () => {
    expect(fields(1, form({ clientSecret: 'b' }))).toEqual(['0:client-id']);
    expect(fields(2, form({ clientSecret: 'b' }))).toEqual(['0:client-id']);
  });

  it('asks for no secret from a method that signs with a key', () => {
    expect(fields(0, form({ authMethod: 'private_key_jwt', clientId: 'a' }))).toEqual([]);
  });

  it('asks for a server from the request step on, not before', () => {
    const credentials = { clientId: 'a', clientSecret: 'b' };
    expect(fields(2, form(credentials))).toEqual([]);
    expect(fields(3, form(credentials))).toEqual(['3:okta-domain']);
    expect(fields(4, form({ ...credentials, domain: '  ' }))).toEqual(['3:okta-domain']);
    expect(fields(3, form({ ...credentials, domain: 'dev-1.okta.com' }))).toEqual([]);
  });

  it('takes a token endpoint as the server, and names an emptied one', () => {
    const credentials = { clientId: 'a', clientSecret: 'b' };
    const demo = { url: 'http://127.0.0.1:4173/demo/token', source: 'demo' as const };
    expect(fields(4, form({ ...credentials, tokenEndpointOverride: demo }))).toEqual([]);
    const emptied = { url: ' ', source: 'typed' as const };
    expect(fields(3, form({ ...credentials, tokenEndpointOverride: emptied }))).toEqual([
      '3:token-endpoint',
    ]);
  });

  it('lists the earlier step first', () => {
    expect(fields(3, initialFormState)).toEqual([
      '0:client-id',
      '0:client-secret',
      '3:okta-domain',
    ]);
  });
});

describe('problemsUpTo with another server', () => {
  const entra = {
    ...initialFormState,
    clientId: 'id',
    clientSecret: 's',
    server: 'entra' as const,
  };
  it("asks for the server's fields while the endpoint holds a placeholder, not an Okta domain", () => {
    expect(
      problemsUpTo(3, entra, 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token'),
    ).toEqual([
      {
        step: 3,
        fieldId: 'server',
        message: "Fill in the server's fields (or use the demo server in step 5)",
      },
    ]);
    expect(problemsUpTo(3, entra, 'https://login.microsoftonline.com/t/oauth2/v2.0/token')).toEqual(
      [],
    );
    expect(problemsUpTo(3, { ...entra, server: 'generic' }, '')[0]?.fieldId).toBe('token-endpoint');
  });
});
