import { describe, expect, it } from 'vitest';
import { PROXY_HEADERS } from '../core/proxy/proxy-protocol.ts';
import type { PublicJwk } from '../core/client-auth/private-key.ts';
import type { ProxyClientDeps } from './proxy-client.ts';
import { registerPublicKey } from './register-client.ts';

const publicJwk: PublicJwk = {
  kty: 'EC',
  crv: 'P-256',
  x: 'x-value',
  y: 'y-value',
  kid: 'kid-1',
  alg: 'ES256',
  use: 'sig',
};

function deps(status: number, body: string, seen: Request[] = []): ProxyClientDeps {
  return {
    fetch: async (input, init) => {
      seen.push(new Request(new URL(String(input), 'http://page.test'), init));
      return new Response(body, { status });
    },
    getSession: async () => ({
      proxyToken: 'p'.repeat(43),
      proxyTokenExpiresIn: 600,
      demo: null,
    }),
  };
}

describe('registerPublicKey', () => {
  it('posts RFC 7591 metadata with only the public key, and reads the client_id', async () => {
    const seen: Request[] = [];
    const outcome = await registerPublicKey(
      'http://127.0.0.1:4173/demo/reg',
      publicJwk,
      deps(201, '{"client_id":"dyn-123","token_endpoint_auth_method":"private_key_jwt"}', seen),
    );
    expect(outcome).toEqual({ kind: 'registered', clientId: 'dyn-123' });
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.headers.get(PROXY_HEADERS.target)).toBe('http://127.0.0.1:4173/demo/reg');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(await request?.json()).toEqual({
      client_name: 'Client Credentials Playground key',
      grant_types: ['client_credentials'],
      response_types: [],
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'ES256',
      jwks: { keys: [publicJwk] },
    });
  });

  it('says why a registration was refused, in the server words', async () => {
    const outcome = await registerPublicKey(
      'http://127.0.0.1:4173/demo/reg',
      publicJwk,
      deps(
        400,
        '{"error":"invalid_client_metadata","error_description":"jwks_uri is not allowed"}',
      ),
    );
    expect(outcome).toEqual({
      kind: 'refused',
      message:
        'The demo server refused the registration (HTTP 400, invalid_client_metadata: jwks_uri is not allowed).',
    });
  });

  it('does not take an answer without a client ID for a registration', async () => {
    const outcome = await registerPublicKey('http://as.test/reg', publicJwk, deps(200, '<html>'));
    expect(outcome.kind).toBe('refused');
  });
});
