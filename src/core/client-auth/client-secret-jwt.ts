import { clientAssertionFields } from './client-assertion.ts';
import type { ClientAuthDefinition } from './method.ts';
import { missingSecretCredentials, missingSignedAssertion } from './missing-credentials.ts';

/**
 * A client assertion signed with the client secret (RFC 7523 §2.2 with HMAC SHA-256, RFC 7518
 * §3.2; OIDC Core §9 `client_secret_jwt`, which Okta supports): the secret itself never travels,
 * only a short-lived JWT whose HS256 signature the server checks with the secret it holds. As
 * with private_key_jwt, the assertion replaces `client_id` and the secret, and no Authorization
 * header is sent.
 */
export const clientSecretJwt: ClientAuthDefinition<'client_secret_jwt'> = {
  method: 'client_secret_jwt',
  words: {
    label: 'Secret-signed JWT (client_secret_jwt)',
    hint: 'a JWT signed with the secret, which never travels',
  },
  urlValue: 'client_secret_jwt',
  credential: 'secret',
  signsAssertion: true,
  onTheWire: ({ clientAssertion }) => ({
    authentication: { method: 'client_secret_jwt', assertion: clientAssertion ?? null },
    fieldsBeforeScope: [],
    fieldsAfterScope: clientAssertionFields(clientAssertion),
  }),
  // The secret is what signs: without it, the same words as the methods that send it.
  missing: (input) =>
    missingSignedAssertion(input, missingSecretCredentials(input), 'Signing the client assertion…'),
  sentIn: 'an assertion signed with the secret',
};
