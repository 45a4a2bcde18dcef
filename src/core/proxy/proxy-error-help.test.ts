import { describe, expect, it } from 'vitest';
import { explainProxyFailure, type ProxyFailureCode } from './proxy-error-help.ts';
import { PROXY_ERROR_CODES } from './proxy-protocol.ts';

const codes = [
  ...(Object.keys(PROXY_ERROR_CODES) as ProxyFailureCode[]),
  'proxy_unreachable',
  'unexpected_answer',
] as const;

describe('explainProxyFailure', () => {
  it.each(codes)('%s: a title in words, never the raw code', (code) => {
    const { title, explanation } = explainProxyFailure(code, 'The proxy said so.');
    // No snake_case code, no "(dns)" and the like.
    expect(title).not.toMatch(/[a-z]+_[a-z]+|\([a-z_]+\)|\bdns\b/);
    expect(explanation.meaning).toBe('The proxy said so.');
    expect(explanation.checks).toHaveLength(1);
  });

  it('no help holds an example domain a user could have typed', () => {
    for (const code of codes) {
      expect(explainProxyFailure(code, '').explanation.checks.join(' ')).not.toMatch(
        /e\.g\.|okta\.com/,
      );
    }
  });

  it('unknown_host is the Host-header guard, not a DNS failure', () => {
    const { title, explanation } = explainProxyFailure('unknown_host', '');
    expect(`${title} ${explanation.checks.join(' ')}`).toMatch(/DNS rebinding/);
    expect(`${title} ${explanation.checks.join(' ')}`).not.toMatch(/does not resolve/);
  });

  it("a body over the limit names the proxy's limit in KiB", () => {
    expect(explainProxyFailure('request_too_large', '').explanation.checks).toEqual([
      'A token request body may be at most 16 KiB: shorten the scope.',
    ]);
  });

  it('a DNS failure says the host name does not resolve', () => {
    expect(explainProxyFailure('dns', '').title).toBe(
      'No answer from the token endpoint: its host name does not resolve.',
    );
  });

  it('https to a plain port is not called a certificate problem', () => {
    const { title, explanation } = explainProxyFailure('tls_protocol', '');
    expect(`${title} ${explanation.checks.join(' ')}`).not.toMatch(/certificate/);
  });
});
