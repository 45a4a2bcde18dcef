import { describe, expect, it } from 'vitest';
import { TargetForbiddenError } from './errors.ts';
import { classifyUpstreamError } from './network-error.ts';

const target = new URL('https://auth.example.com/oauth2/default/v1/token?secret=1');
const wrapped = (code: string) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error('socket'), { code }) });
const classify = (error: unknown, timedOut = false) =>
  classifyUpstreamError(error, target, timedOut, 15_000);

describe('classifyUpstreamError', () => {
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'connection_refused'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls_protocol'],
    ['ERR_SSL_PACKET_LENGTH_TOO_LONG', 'tls_protocol'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['ECONNRESET', 'network'],
    ['EHOSTUNREACH', 'network'],
    ['PROXY_TARGET_FORBIDDEN', 'target_forbidden'],
  ])('%s (wrapped by fetch) is %s', (code, expected) => {
    expect(classify(wrapped(code)).code).toBe(expected);
    // In words: never the system's code in the message the page shows.
    expect(classify(wrapped(code)).message).not.toContain(code);
    expect(classify(Object.assign(new Error('x'), { code })).code).toBe(expected);
  });

  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'its certificate is self-signed'],
    ['CERT_HAS_EXPIRED', 'its certificate has expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'its certificate is issued for another name'],
    ['CERT_REVOKED', 'its certificate is not trusted, expired or issued for another name'],
  ])('%s is explained in words', (code, words) => {
    expect(classify(wrapped(code)).message).toBe(
      `The TLS handshake with auth.example.com failed: ${words}.`,
    );
  });

  it('prefers the proxy deadline over what the aborted call reported', () => {
    expect(classify(wrapped('ECONNRESET'), true).code).toBe('timeout');
    expect(classify(new DOMException('aborted', 'TimeoutError')).code).toBe('timeout');
  });

  it('maps TargetForbiddenError', () => {
    expect(classify(new TargetForbiddenError('not vetted')).code).toBe('target_forbidden');
  });

  it('names the host, not the path or query', () => {
    const { message } = classify(wrapped('ECONNREFUSED'));
    expect(message).toContain('auth.example.com');
    expect(message).not.toContain('secret');
    expect(message).not.toContain('/oauth2');
  });

  it('says when the answer was not HTTP, or was cut off', () => {
    const garbage = Object.assign(new Error('Expected HTTP/'), { name: 'HTTPParserError' });
    expect(classify(garbage)).toEqual({
      code: 'network',
      message:
        'auth.example.com answered with something that is not HTTP/1.1: is an HTTP server listening on that port?',
    });
    expect(classify(wrapped('UND_ERR_SOCKET')).message).toBe(
      'auth.example.com closed the connection before its answer was complete.',
    );
  });

  it('falls back to network for anything else', () => {
    expect(classify('weird').code).toBe('network');
    expect(classify(new Error('no code')).code).toBe('network');
  });

  it("says what workerd's opaque refusal may mean (the local edge's network allows public addresses only)", () => {
    const refused = classify(new Error('internal error; reference = mqmfqrnj5c2srk4i7uhitph6'));
    expect(refused.code).toBe('network');
    expect(refused.message).toMatch(
      /^auth\.example\.com could not be reached, and the runtime gives no reason\. This host reaches public addresses only/,
    );
  });
});
