import { describe, expect, it } from 'vitest';
import { attemptsFor, recordAttempt, type AttemptHistory } from './attempt-history.ts';
import type { AnswerReading } from '../../core/diagnosis/evidence.ts';
import {
  localSecretRequest,
  refusedClientReading,
} from '../../core/test-support/token-requests.ts';

const request = localSecretRequest;
const refused = refusedClientReading;
const token: AnswerReading = { kind: 'token', status: 200 };

describe('the attempt history', () => {
  it('gives the earlier attempts for the same endpoint, credentials and scope, not the request itself', () => {
    const sent = request();
    let history: AttemptHistory = [];
    history = recordAttempt(history, request({ encoding: 'form' }), refused);
    history = recordAttempt(
      history,
      request({ authMethod: 'client_secret_post', scope: 'other' }),
      refused,
    );
    history = recordAttempt(
      history,
      request({ authMethod: 'client_secret_post', clientSecret: 'x' }),
      refused,
    );
    history = recordAttempt(history, sent, refused);
    expect(attemptsFor(history, sent)).toEqual([{ way: 'basic-form', answer: refused }]);
  });

  it('returns a new history and keeps at most 50 attempts', () => {
    const empty: AttemptHistory = [];
    const one = recordAttempt(empty, request(), token);
    expect(empty).toEqual([]);
    expect(one).toEqual([{ request: request(), way: 'basic-raw', answer: token }]);
    let many: AttemptHistory = [];
    for (let i = 0; i < 60; i++) many = recordAttempt(many, request({ scope: `s${i}` }), refused);
    expect(many).toHaveLength(50);
    expect(many[0]?.request.input.scope).toBe('s10');
  });
});
