import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildTokenRequest } from '../../core/request/token-request.ts';
import { discoveryQuery, type DiscoveryResult } from '../../services/discovery.ts';
import TokenLife from './TokenLife.tsx';

const ISSUER = 'https://auth.example/oauth2/default';
const sent = buildTokenRequest({
  tokenEndpoint: `${ISSUER}/v1/token`,
  clientId: 'client-1',
  clientSecret: 'secret-1',
  scope: 'read',
  authMethod: 'client_secret_basic',
  encoding: 'raw',
});
const payload = btoa(JSON.stringify({ iss: ISSUER })).replace(/=+$/, '');
const token = `eyJhbGciOiJSUzI1NiJ9.${payload}.c2ln`;

/** The view as drawn with the discovery answer already in the cache (no request is made). */
function markup(discovery: DiscoveryResult): string {
  const client = new QueryClient();
  // The key the view asks discovery under (no documented metadata location: the page's default).
  const { queryKey } = discoveryQuery(ISSUER, {
    fetch: () => Promise.reject(new Error('no request in this test')),
    getSession: () => Promise.reject(new Error('no request in this test')),
  });
  client.setQueryData(queryKey, discovery);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <TokenLife token={token} sent={sent} expiresAtSeconds={null} />
    </QueryClientProvider>,
  );
}

const found = (metadata: Record<string, unknown>): DiscoveryResult => ({
  kind: 'found',
  metadata: { issuer: ISSUER, ...metadata },
  candidate: { url: `${ISSUER}/.well-known/oauth-authorization-server`, form: 'okta' },
  attempts: [],
});

const button = (html: string, name: string) =>
  new RegExp(`<button[^>]*>${name}</button>`).exec(html)?.[0] ?? '';

describe('TokenLife', () => {
  it('a region named Introspection with both buttons, for the endpoints the metadata lists', () => {
    const html = markup(
      found({
        introspection_endpoint: `${ISSUER}/v1/introspect`,
        revocation_endpoint: `${ISSUER}/v1/revoke`,
      }),
    );
    expect(html).toMatch(/<section aria-labelledby="([^"]+)"[^>]*><h3 id="\1">Introspection<\/h3>/);
    expect(html).toContain(`${ISSUER}/v1/introspect</span> (listed in the server’s metadata)`);
    expect(button(html, 'Check if active')).not.toContain('disabled');
    expect(button(html, 'Revoke this token')).not.toContain('disabled');
    expect(html).toContain('(client_secret_basic)');
    expect(html).not.toContain('secret-1');
  });

  it('an endpoint on another host is shown, never called', () => {
    const html = markup(found({ introspection_endpoint: 'https://elsewhere.example/introspect' }));
    expect(html).toContain('listed on another host than the token endpoint: not called');
    expect(button(html, 'Check if active')).toContain('disabled');
    // Metadata without a revocation endpoint: says so, and the button waits for nothing.
    expect(html).toContain('Revocation endpoint: none: the server’s metadata lists none');
    expect(button(html, 'Revoke this token')).toContain('disabled');
  });

  it('says nothing of an endpoint while the metadata is being looked up', () => {
    const client = new QueryClient();
    const html = renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <TokenLife token={token} sent={sent} expiresAtSeconds={null} />
      </QueryClientProvider>,
    );
    expect(html).toContain('Introspection endpoint: looking in the server’s metadata…');
    expect(button(html, 'Check if active')).toContain('disabled');
  });

  it("no metadata found: Okta's paths beside /v1/token, said to be Okta's", () => {
    const html = markup({ kind: 'failed', reason: 'not found', attempts: [] });
    expect(html).toContain(
      `${ISSUER}/v1/revoke</span> (Okta’s path beside /v1/token; the server’s metadata did not list it)`,
    );
  });
});
