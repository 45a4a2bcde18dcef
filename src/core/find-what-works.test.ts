import { describe, expect, it } from 'vitest';
import { recordAttempt, waysTried } from './attempt-history.ts';
import type { ServerSignal } from './answer-signals.ts';
import { requestForWay, type AuthWay } from './auth-ways.ts';
import { concludeProbes, planProbes, type Probe } from './find-what-works.ts';
import { localSecretRequest } from './test-support/token-requests.ts';

const request = localSecretRequest;
const plan = (sent = request(), signal: ServerSignal = 'none', before: AuthWay[] = []) =>
  planProbes(
    sent,
    signal,
    waysTried(
      before.reduce(
        (history, way) => recordAttempt(history, requestForWay(sent, way), 'refused', 401),
        [] as ReturnType<typeof recordAttempt>,
      ),
      sent,
    ),
  );
const probe = (way: AuthWay, gotToken: boolean, signal: ServerSignal = 'none'): Probe => ({
  way,
  status: gotToken ? 200 : 401,
  gotToken,
  signal,
});

describe('planProbes: which ways to try, in order, at most two', () => {
  it('after raw Basic: the other encoding, then client_secret_post', () => {
    expect(plan()).toEqual(['basic-form', 'post']);
  });

  it('after form-encoded Basic: raw, then client_secret_post', () => {
    expect(plan(request({ encoding: 'form' }))).toEqual(['basic-raw', 'post']);
  });

  it('after client_secret_post: the two Basic encodings', () => {
    expect(plan(request({ authMethod: 'client_secret_post' }))).toEqual([
      'basic-raw',
      'basic-form',
    ]);
  });

  it('a plain-text 401 with WWW-Authenticate: Basic (a generic Basic reader) puts client_secret_post first', () => {
    expect(plan(request(), 'plain-basic-challenge')).toEqual(['post', 'basic-form']);
  });

  it('Okta-style credentials: the two encodings are the same bytes, so only client_secret_post is left', () => {
    expect(plan(request({ clientSecret: 'abc-DEF_123' }))).toEqual(['post']);
  });

  it('leaves out what was already tried for the same inputs', () => {
    expect(plan(request(), 'none', ['basic-form'])).toEqual(['post']);
    expect(plan(request(), 'none', ['basic-form', 'post'])).toEqual([]);
  });

  it('plans nothing when the server refuses non-VSCHAR characters and the credentials hold some', () => {
    expect(plan(request({ clientSecret: '123£' }), 'refuses-non-vschar')).toEqual([]);
    // oidc-provider says "not properly encoded" for such characters too: no encoding helps.
    expect(plan(request({ clientSecret: '123£' }), 'form-decodes')).toEqual([]);
    // The same refusal for ASCII credentials says nothing about the characters: try the others.
    expect(plan(request(), 'refuses-non-vschar')).toEqual(['basic-form', 'post']);
  });
});

describe('concludeProbes: what the search learned, in words', () => {
  it('form-encoded worked: the server form-decodes as RFC 6749 §2.3.1 says', () => {
    const finding = concludeProbes(request(), [
      probe('basic-raw', false, 'form-decodes'),
      probe('basic-form', true),
    ]);
    expect(finding).toMatchObject({ kind: 'found', way: 'basic-form' });
    expect(finding.learned).toContain('form-decodes Basic credentials, as RFC 6749 §2.3.1 says');
    expect(finding.learned).toContain('"not properly encoded"');
  });

  it('raw worked after form failed: the server takes the raw bytes', () => {
    const finding = concludeProbes(request({ encoding: 'form' }), [
      probe('basic-form', false),
      probe('basic-raw', true),
    ]);
    expect(finding).toMatchObject({ kind: 'found', way: 'basic-raw' });
    expect(finding.learned).toContain('takes the raw bytes');
  });

  it('only client_secret_post worked: says so, and why for a ":" in the client ID or secret', () => {
    const colonId = concludeProbes(request({ clientId: 'my:client' }), [
      probe('basic-raw', false),
      probe('basic-form', false),
      probe('post', true),
    ]);
    expect(colonId).toMatchObject({ kind: 'found', way: 'post' });
    expect(colonId.learned).toContain('Only client_secret_post works for these credentials');
    expect(colonId.learned).toContain('A ":" in the client ID');
    const colonSecret = concludeProbes(request({ clientSecret: 'pa:ss:word' }), [
      probe('basic-raw', false, 'plain-basic-challenge'),
      probe('post', true),
    ]);
    expect(colonSecret.learned).toContain('cuts the secret at its second ":"');
  });

  it('nothing worked and the server refuses non-VSCHAR: no method can carry this secret', () => {
    const finding = concludeProbes(request({ clientSecret: '123£' }), [
      probe('basic-raw', false, 'refuses-non-vschar'),
    ]);
    expect(finding.kind).toBe('nothing');
    expect(finding.learned).toContain('No method can carry this secret');
    expect(finding.learned).toContain('Regenerate the secret');
  });

  it('nothing worked for non-VSCHAR credentials without a clear refusal: says what strict servers do', () => {
    const finding = concludeProbes(request({ clientSecret: 'über' }), [
      probe('basic-raw', false),
      probe('basic-form', false),
      probe('post', false),
    ]);
    expect(finding.learned).toContain('strict servers refuse however they are sent');
  });

  it('nothing worked otherwise: the credentials, not the encoding', () => {
    const finding = concludeProbes(request(), [
      probe('basic-raw', false),
      probe('basic-form', false),
      probe('post', false),
    ]);
    expect(finding.kind).toBe('nothing');
    expect(finding.learned).toContain('the way of sending is not the problem');
  });
});

describe('planProbes for private_key_jwt', () => {
  it('plans nothing: a key client has no secret to send another way', () => {
    expect(plan(request({ authMethod: 'private_key_jwt', clientSecret: '' }))).toEqual([]);
  });
});
