import { describe, expect, it } from 'vitest';
import { PROXY_HEADERS } from '../core/proxy/proxy-protocol.ts';
import { discoverIssuer } from './discovery.ts';
import type { ProxyClientDeps } from './proxy-client.ts';

const issuer = 'https://dev-1.okta.com/oauth2/default';

/** Plays the proxy: answers each target URL from a table, 404 for the rest; records the GETs. */
function fakeProxy(documents: Readonly<Record<string, unknown>>) {
  const targets: string[] = [];
  const deps: ProxyClientDeps = {
    fetch: async (_input, init) => {
      const target = new Headers(init?.headers).get(PROXY_HEADERS.target) ?? '';
      targets.push(`${init?.method ?? 'GET'} ${target}`);
      return Object.hasOwn(documents, target)
        ? new Response(JSON.stringify(documents[target]), { status: 200 })
        : new Response('not found', { status: 404 });
    },
    getSession: async () => ({ proxyToken: 'T'.repeat(43), proxyTokenExpiresIn: 600, demo: null }),
  };
  return { deps, targets };
}

describe('discoverIssuer', () => {
  it("tries RFC 8414 §3.1 first, then Okta's appended form, with GET through the proxy", async () => {
    const okta = `${issuer}/.well-known/oauth-authorization-server`;
    const { deps, targets } = fakeProxy({
      [okta]: { issuer, token_endpoint: `${issuer}/v1/token` },
    });
    const result = await discoverIssuer(issuer, deps);
    expect(targets).toEqual([
      'GET https://dev-1.okta.com/.well-known/oauth-authorization-server/oauth2/default',
      `GET ${okta}`,
    ]);
    expect(result.kind === 'found' && result.candidate.form).toBe('okta');
    expect(result.kind === 'found' && result.metadata.token_endpoint).toBe(
      'https://dev-1.okta.com/oauth2/default/v1/token',
    );
  });

  it('skips a document for another issuer (RFC 8414 §3.3) and says so when nothing fits', async () => {
    const { deps } = fakeProxy({
      [`${issuer}/.well-known/openid-configuration`]: { issuer: 'https://evil.example' },
    });
    const result = await discoverIssuer(issuer, deps);
    expect(result.kind).toBe('failed');
    expect(result.attempts.map((attempt) => attempt.outcome)).toEqual([
      'HTTP 404',
      'HTTP 404',
      'The metadata names the issuer "https://evil.example", not "https://dev-1.okta.com/oauth2/default": RFC 8414 §3.3 forbids using it.',
    ]);
  });

  it('fetches nothing for an issuer that is not a URL', async () => {
    const { deps, targets } = fakeProxy({});
    const result = await discoverIssuer('dev-1.okta.com', deps);
    expect(result).toEqual({
      kind: 'failed',
      reason: 'The issuer is not a URL: enter it as https://…',
      attempts: [],
    });
    expect(targets).toEqual([]);
  });
});
