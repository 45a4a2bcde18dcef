import { describe, expect, it } from 'vitest';
import { localSecretRequest } from '../../core/test-support/token-requests.ts';
import { evidenceFor, type SendContext } from './send-evidence.ts';

const context: SendContext = {
  history: [],
  demos: [],
  scopesSupported: { tokenEndpoint: 'http://127.0.0.1:9000/token', scopes: ['customScope'] },
  pasted: {},
};

describe('evidenceFor', () => {
  it('has no evidence when the page sent nothing', () => {
    const outcome = { kind: 'not-sent', message: 'Not sent: no token endpoint' } as const;
    expect(evidenceFor(localSecretRequest(), outcome, context)).toBeNull();
  });

  it('reads a proxy refusal as a proxy failure, with the scopes discovery found for this endpoint', () => {
    const outcome = {
      kind: 'proxy-error',
      status: 400,
      code: 'invalid_target',
      message: 'Not a URL',
    } as const;
    expect(evidenceFor(localSecretRequest(), outcome, context)).toMatchObject({
      answer: { kind: 'proxy-failure', code: 'invalid_target', message: 'Not a URL' },
      attempts: [],
      server: { demos: [], scopesSupported: ['customScope'] },
      pasted: {},
    });
  });

  it('leaves out the scopes discovery found for another endpoint', () => {
    const outcome = {
      kind: 'proxy-error',
      status: 0,
      code: 'proxy_unreachable',
      message: 'x',
    } as const;
    const elsewhere = localSecretRequest({ tokenEndpoint: 'http://127.0.0.1:9001/token' });
    expect(evidenceFor(elsewhere, outcome, context)?.server).toEqual({ demos: [] });
  });
});
