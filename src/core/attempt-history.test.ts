import { describe, expect, it } from 'vitest';
import { recordAttempt, waysTried, type AttemptHistory } from './attempt-history.ts';
import { localSecretRequest } from './test-support/token-requests.ts';

const request = localSecretRequest;

describe('the attempt history', () => {
  it('counts the ways tried for the same endpoint, credentials and scope, and the request itself', () => {
    let history: AttemptHistory = [];
    history = recordAttempt(history, request({ encoding: 'form' }), 'refused', 401);
    history = recordAttempt(
      history,
      request({ authMethod: 'client_secret_post', scope: 'other' }),
      'refused',
      400,
    );
    history = recordAttempt(
      history,
      request({ authMethod: 'client_secret_post', clientSecret: 'x' }),
      'refused',
      401,
    );
    expect([...waysTried(history, request())].sort()).toEqual(['basic-form', 'basic-raw']);
  });

  it('takes the two Basic encodings as one way when they send the same bytes', () => {
    expect([...waysTried([], request({ clientSecret: 'plain' }))].sort()).toEqual([
      'basic-form',
      'basic-raw',
    ]);
  });

  it('returns a new history and keeps at most 50 attempts', () => {
    const empty: AttemptHistory = [];
    const one = recordAttempt(empty, request(), 'token', 200);
    expect(empty).toEqual([]);
    expect(one).toEqual([{ request: request(), way: 'basic-raw', result: 'token', status: 200 }]);
    let many: AttemptHistory = [];
    for (let i = 0; i < 60; i++)
      many = recordAttempt(many, request({ scope: `s${i}` }), 'refused', 401);
    expect(many).toHaveLength(50);
    expect(many[0]?.request.input.scope).toBe('s10');
  });
});
