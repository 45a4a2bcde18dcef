import { clientAssertionFields } from './client-assertion.ts';
import type { ClientAuthDefinition } from './method.ts';
import { missingSignedAssertion } from './missing-credentials.ts';

/**
 * A client assertion signed with the client's private key (RFC 7523 §2.2, OIDC Core §9: what
 * Okta's org authorization server requires). The assertion replaces `client_id` and the secret;
 * nothing else identifies the client (RFC 7523 §3: its `sub` is the client ID), and no
 * Authorization header is sent (§2.3).
 */
export const privateKeyJwt: ClientAuthDefinition<'private_key_jwt'> = {
  method: 'private_key_jwt',
  words: { label: 'Private key JWT (private_key_jwt)', hint: 'a signed JWT instead of a secret' },
  urlValue: 'private_key_jwt',
  credential: 'private-key',
  signsAssertion: true,
  onTheWire: ({ clientAssertion }) => ({
    authentication: { method: 'private_key_jwt', assertion: clientAssertion ?? null },
    fieldsBeforeScope: [],
    fieldsAfterScope: clientAssertionFields(clientAssertion),
  }),
  missing: (input) =>
    missingSignedAssertion(input, null, 'Generate or paste a private key to sign the assertion'),
  sentIn: 'an assertion signed with the private key',
};
