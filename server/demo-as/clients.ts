import type { DemoClient } from '../../src/core/proxy-protocol.ts';

/**
 * The built-in demo authorization server's clients: the one list the server registers, the
 * README documents and `/api/session` hands to the page.
 *
 * These credentials are public on purpose. They only work against the demo server of a running
 * playground, which issues tokens for nothing but its own made-up API (`api://playground`).
 */
export const demoClients: readonly DemoClient[] = [
  {
    label: 'Okta-style client',
    // Okta client IDs are 20 characters starting with "0oa"; Okta secrets are 40 of [A-Za-z0-9_-],
    // so raw and RFC 6749 §2.3.1 form-encoded credentials are the same bytes.
    clientId: '0oademoclient0000001',
    clientSecret: 'JqtZd-uMfsckPmGRqH1hCyAQusCwo_16Dm0KTxVT',
    scope: 'customScope read:reports',
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
  },
];
