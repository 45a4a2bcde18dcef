import { DEMO_PRIVATE_JWK } from '../../src/core/client-auth/demo-private-key.ts';
import type { DemoClient } from '../../src/core/proxy/proxy-protocol.ts';

/**
 * The demo clients that authenticate with a secret (client_secret_basic / client_secret_post):
 * the ones both demo servers (`/demo` and `/demo-raw`) register.
 *
 * These credentials are public on purpose. They only work against the demo server of a running
 * playground, which issues tokens for nothing but its own made-up API (`api://playground`).
 */
export const demoSecretClients: readonly DemoClient[] = [
  {
    label: 'Okta-style client',
    // Okta client IDs are 20 characters starting with "0oa"; Okta secrets are 40 of [A-Za-z0-9_-],
    // so raw and RFC 6749 §2.3.1 form-encoded credentials are the same bytes.
    clientId: '0oademoclient0000001',
    clientSecret: 'JqtZd-uMfsckPmGRqH1hCyAQusCwo_16Dm0KTxVT',
    scope: 'customScope read:reports',
    authMethod: 'client_secret_basic',
  },
  {
    label: 'Client whose secret needs form-encoding',
    // `+`, `/`, `:`, `%2B`, `&` and spaces: oidc-provider form-decodes Basic credentials
    // (RFC 6749 §2.3.1), so the raw secret arrives as "s3cr3t /:+& with space" and fails with
    // 401 invalid_client, while the form-encoded one works. "%2B" (not a bare "%") keeps the raw
    // form decodable, so the failure is invalid_client rather than a 400 about the encoding.
    clientId: 'demo-special',
    clientSecret: 's3cr3t+/:%2B& with space',
    scope: 'customScope',
    authMethod: 'client_secret_basic',
  },
];

/**
 * The demo client that authenticates with private_key_jwt (RFC 7523 §2.2): it signs an assertion
 * with the published key of src/core/demo-private-key.ts (public on purpose, like the secrets
 * above), and the demo server holds the public half. `clientSecret` is empty: it has none.
 */
export const demoKeyClient: DemoClient = {
  label: 'Client that signs with a private key',
  clientId: 'demo-private-key-jwt',
  clientSecret: '',
  scope: 'customScope read:reports',
  authMethod: 'private_key_jwt',
  privateKeyJwk: DEMO_PRIVATE_JWK,
};

/**
 * The demo client that authenticates with client_secret_jwt (RFC 7523 §2.2, OIDC Core §9): it
 * signs its assertion with HMAC SHA-256 keyed by this secret (RFC 7518 §3.2 wants a key of at least
 * 256 bits: 40 characters of 6 bits each), which therefore never travels. oidc-provider refuses it
 * the secret itself, so it is not one of the secret clients `/demo-raw` serves.
 */
export const demoSecretJwtClient: DemoClient = {
  label: 'Client that signs with its secret',
  clientId: 'demo-client-secret-jwt',
  clientSecret: 'hs256-Zq8vN3tLw5xR2cKp9mYb7sFd4gHj6uEaTn1W',
  scope: 'customScope read:reports',
  authMethod: 'client_secret_jwt',
};

/**
 * The demo client whose access tokens are DPoP-bound (RFC 9449 §5.2, `dpop_bound_access_tokens`):
 * it authenticates with its secret in the Basic header like the Okta-style client, and its token
 * requests must also carry a DPoP proof (the demo server requires a nonce in it, RFC 9449 §8), as
 * an Okta app with "Require Demonstrating Proof of Possession (DPoP) header in token requests".
 * Only under `/demo`: the raw server of `/demo-raw` knows nothing of DPoP.
 */
export const demoDpopClient: DemoClient = {
  label: 'Client whose tokens are bound to a key (DPoP)',
  clientId: 'demo-dpop',
  clientSecret: 'dpop-7Kq2Vx9LmT4rWc8NbZ3hYf6PsJd5Ga1EuXo0',
  scope: 'customScope read:reports',
  authMethod: 'client_secret_basic',
  dpopBound: true,
};

/**
 * The clients of the demo server under `/demo`: the one list it registers, the README documents
 * and `/api/session` hands to the page. The Okta-style secret client stays first: pages that pick
 * the first client (`demo=1`) keep the guide's Basic header; the DPoP client comes last, so a
 * picker that takes the first client of a method still gets one without DPoP.
 */
export const demoClients: readonly DemoClient[] = [
  ...demoSecretClients,
  demoSecretJwtClient,
  demoKeyClient,
  demoDpopClient,
];
