import { describe, expect, it } from 'vitest';
import { localEdgeNetwork } from './edge-network.ts';

const resolver = (table: Record<string, string[]>) => async (hostname: string) => {
  const found = table[hostname];
  if (!found)
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return found;
};

describe('localEdgeNetwork', () => {
  it('allows public destinations only when no host is named', async () => {
    expect(await localEdgeNetwork(undefined, resolver({}))).toEqual({
      allow: ['public'],
      deny: [],
    });
    expect(await localEdgeNetwork('', resolver({}))).toEqual({ allow: ['public'], deny: [] });
  });

  it('adds the addresses of each host PROXY_ALLOWED_HOSTS names: literals as written, names as resolved', async () => {
    const network = await localEdgeNetwork(
      '127.0.0.1:9, [::1]:8080, keycloak.lan:8443, *.corp.example',
      resolver({ 'keycloak.lan': ['10.1.2.3', 'fd00::7'] }),
    );
    expect(network.allow).toEqual([
      'public',
      '127.0.0.1/32',
      '::1/128',
      '10.1.2.3/32',
      'fd00::7/128',
    ]);
  });

  it('stops the start when a named host does not resolve, saying which', async () => {
    await expect(localEdgeNetwork('auth.typo.lan', resolver({}))).rejects.toThrow(
      /PROXY_ALLOWED_HOSTS names auth\.typo\.lan, which does not resolve/,
    );
  });
});
