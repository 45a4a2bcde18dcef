import { describe, expect, it } from 'vitest';
import { requestForWay, type AuthWay } from '../client-auth/auth-ways.ts';
import type { AnswerReading, Evidence } from './evidence.ts';
import { concludeProbes, planProbes } from './find-what-works.ts';
import { localSecretRequest, refusedClientReading } from '../test-support/token-requests.ts';
import type { TokenRequest } from '../request/token-request.ts';

const request = localSecretRequest;

const refused = refusedClientReading;
const plainChallenge: AnswerReading = {
  kind: 'basic-challenge',
  status: 401,
  challenge: 'Basic realm="Users"',
};
const oauthError = (error: string, description = '', status = 400): AnswerReading => ({
  kind: 'oauth-error',
  status,
  error,
  description,
  challenge: '',
});
const token: AnswerReading = { kind: 'token', status: 200 };

/** The evidence of a failed request to a server the page knows nothing about. */
const evidenceOf = (
  sent: TokenRequest,
  answer: AnswerReading = refused,
  attempts: ReadonlyArray<readonly [AuthWay, AnswerReading]> = [],
): Evidence => ({
  request: sent,
  answer,
  attempts: attempts.map(([way, outcome]) => ({ way, answer: outcome })),
  server: { demos: [] },
  pasted: {},
});

describe('planProbes: which ways to try, in the order the diagnosis gives, at most two', () => {
  it('after raw Basic: the other encoding, then client_secret_post', () => {
    expect(planProbes(evidenceOf(request()))).toEqual(['basic-form', 'post']);
  });

  it('after form-encoded Basic: raw, then client_secret_post', () => {
    expect(planProbes(evidenceOf(request({ encoding: 'form' })))).toEqual(['basic-raw', 'post']);
  });

  it('after client_secret_post: the two Basic encodings', () => {
    expect(planProbes(evidenceOf(request({ authMethod: 'client_secret_post' })))).toEqual([
      'basic-raw',
      'basic-form',
    ]);
  });

  it('a plain-text 401 with WWW-Authenticate: Basic (a generic Basic reader) puts client_secret_post first', () => {
    expect(planProbes(evidenceOf(request(), plainChallenge))).toEqual(['post', 'basic-form']);
  });

  it('a ":" in the client ID puts client_secret_post first: a raw reader cannot read %3A either', () => {
    expect(planProbes(evidenceOf(request({ clientId: 'team:reports' })))).toEqual([
      'post',
      'basic-form',
    ]);
  });

  it('Okta-style credentials: the two encodings are the same bytes, so only client_secret_post is left', () => {
    expect(planProbes(evidenceOf(request({ clientSecret: 'abc-DEF_123' })))).toEqual(['post']);
  });

  it('leaves out what was already tried for the same inputs', () => {
    expect(planProbes(evidenceOf(request(), refused, [['basic-form', refused]]))).toEqual(['post']);
    expect(
      planProbes(
        evidenceOf(request(), refused, [
          ['basic-form', refused],
          ['post', refused],
        ]),
      ),
    ).toEqual([]);
  });

  it('plans nothing when the server refuses the characters the secret holds, in any way', () => {
    const refusal = oauthError('invalid_request', 'Invalid parameter: `client_secret`');
    expect(planProbes(evidenceOf(request({ clientSecret: '123£' }), refusal))).toEqual([]);
    const notEncoded = oauthError(
      'invalid_request',
      'client_id and client_secret in the authorization header are not properly encoded',
    );
    expect(planProbes(evidenceOf(request({ clientSecret: '123£' }), notEncoded))).toEqual([]);
  });

  it('plans nothing after an error that comes only after authentication: the way works', () => {
    expect(planProbes(evidenceOf(request(), oauthError('invalid_scope')))).toEqual([]);
  });

  it('plans nothing for private_key_jwt: a key client has no secret to send another way', () => {
    const key = request({ authMethod: 'private_key_jwt', clientSecret: '' });
    expect(planProbes(evidenceOf(key))).toEqual([]);
  });
});

describe('concludeProbes: the diagnosis of the failed request, with the probes as evidence', () => {
  it('form-encoded got a token: the server form-decodes as RFC 6749 §2.3.1 says', () => {
    const finding = concludeProbes(evidenceOf(request(), refused, [['basic-form', token]]));
    expect(finding).toMatchObject({ kind: 'found', way: 'basic-form' });
    expect(finding.diagnosis.causes[0].summary).toContain(
      'form-decodes Basic credentials, as RFC 6749 §2.3.1 says',
    );
  });

  it('raw got a token after form-encoded failed: the server takes the raw bytes', () => {
    const sent = request({ encoding: 'form' });
    const finding = concludeProbes(evidenceOf(sent, refused, [['basic-raw', token]]));
    expect(finding).toMatchObject({ kind: 'found', way: 'basic-raw' });
    expect(finding.diagnosis.causes[0].summary).toContain('takes the raw bytes');
  });

  it('a way answered invalid_scope: it authenticated, and the scope is what remains', () => {
    const finding = concludeProbes(
      evidenceOf(request(), refused, [['basic-form', oauthError('invalid_scope')]]),
    );
    expect(finding).toMatchObject({ kind: 'found', way: 'basic-form' });
    expect(finding.diagnosis.causes.map((cause) => cause.id)).toEqual([
      'basic-encoding',
      'scope-not-allowed',
    ]);
    for (const cause of finding.diagnosis.causes)
      expect(cause.summary).not.toMatch(/secret is|ID or secret/);
  });

  it('only the body worked: a ":" in the client ID, or a secret cut at ":" by a generic reader', () => {
    const colonId = request({ clientId: 'my:client' });
    const byId = concludeProbes(
      evidenceOf(colonId, refused, [
        ['basic-form', refused],
        ['post', token],
      ]),
    );
    expect(byId).toMatchObject({ kind: 'found', way: 'post' });
    expect(byId.diagnosis.causes[0].id).toBe('colon-in-client-id');
    const colonSecret = request({ clientSecret: 'pa:ss:word' });
    const bySecret = concludeProbes(evidenceOf(colonSecret, plainChallenge, [['post', token]]));
    expect(bySecret.diagnosis.causes[0].id).toBe('secret-cut-at-colon');
  });

  it('every way refused: the credentials, not the way', () => {
    const finding = concludeProbes(
      evidenceOf(request(), refused, [
        ['basic-form', refused],
        ['post', refused],
      ]),
    );
    expect(finding.kind).toBe('nothing');
    expect(finding.diagnosis.causes[0].id).toBe('wrong-credentials');
    expect(finding.diagnosis.causes[0].summary).toContain('the way is not the problem');
  });

  it('the probe that got a token is found even when the answer before it was unclear', () => {
    const sent = requestForWay(request(), 'basic-raw');
    expect(concludeProbes(evidenceOf(sent, refused, [['post', token]])).kind).toBe('found');
  });
});
