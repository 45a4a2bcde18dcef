import type { PublicJwk } from '../core/client-auth/private-key.ts';
import { jwksOf } from '../core/client-auth/private-key.ts';
import { callProxy, type ProxyClientDeps } from './proxy-client.ts';

export type RegistrationOutcome =
  | { readonly kind: 'registered'; readonly clientId: string }
  | { readonly kind: 'refused'; readonly message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Registers a client that authenticates with this public key (RFC 7591 §2, §3.1) at the demo
 * server's registration endpoint, through the playground's proxy: the client credentials grant,
 * private_key_jwt, the key inline in `jwks`. Only the public key leaves the page.
 *
 * Never throws: a refusal (RFC 7591 §3.2.2 `invalid_client_metadata`, the proxy, no answer) is a
 * sentence for the page.
 */
export async function registerPublicKey(
  registrationEndpoint: string,
  publicJwk: PublicJwk,
  deps: ProxyClientDeps,
): Promise<RegistrationOutcome> {
  const metadata = {
    client_name: 'Client Credentials Playground key',
    grant_types: ['client_credentials'],
    response_types: [],
    token_endpoint_auth_method: 'private_key_jwt',
    token_endpoint_auth_signing_alg: publicJwk.alg,
    jwks: jwksOf(publicJwk),
  };
  const result = await callProxy(
    {
      method: 'POST',
      target: registrationEndpoint,
      headers: [
        ['accept', 'application/json'],
        ['content-type', 'application/json'],
      ],
      body: JSON.stringify(metadata),
    },
    deps,
  );
  if (result.kind === 'proxy-error') return { kind: 'refused', message: result.message };
  const { status, body } = result.answer;
  let json: unknown = null;
  try {
    json = JSON.parse(body);
  } catch {
    // Said below: not the JSON RFC 7591 §3.2 promises.
  }
  if (status === 201 && isRecord(json) && typeof json.client_id === 'string')
    return { kind: 'registered', clientId: json.client_id };
  if (isRecord(json) && typeof json.error === 'string') {
    const description =
      typeof json.error_description === 'string' ? `: ${json.error_description}` : '';
    return {
      kind: 'refused',
      message: `The demo server refused the registration (HTTP ${status}, ${json.error}${description}).`,
    };
  }
  return {
    kind: 'refused',
    message: `The demo server answered HTTP ${status} without a client ID: the registration did not happen.`,
  };
}
