import type { ClientAuthDefinition } from './method.ts';
import { missingSecretCredentials } from './missing-credentials.ts';

/** The secret in the `Authorization: Basic` header (RFC 6749 §2.3.1, RFC 7617): the Okta guide's way. */
export const clientSecretBasic: ClientAuthDefinition<'client_secret_basic'> = {
  method: 'client_secret_basic',
  words: { label: 'Basic header (client_secret_basic)', hint: 'as the Okta guide does' },
  urlValue: 'basic',
  credential: 'secret',
  signsAssertion: false,
  onTheWire: ({ encoding, basic }) => ({
    authentication: { method: 'client_secret_basic', encoding, basic },
    authorization: basic.headerValue,
    fieldsBeforeScope: [],
    fieldsAfterScope: [],
  }),
  missing: missingSecretCredentials,
  sentIn: 'Basic header',
};
