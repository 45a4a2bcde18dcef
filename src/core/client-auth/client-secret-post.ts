import type { ClientAuthDefinition } from './method.ts';
import { missingSecretCredentials } from './missing-credentials.ts';

/**
 * `client_id` and `client_secret` in the form body (RFC 6749 §2.3.1), form-encoded as the body
 * requires whatever the Credential encoding choice (Appendix B).
 */
export const clientSecretPost: ClientAuthDefinition<'client_secret_post'> = {
  method: 'client_secret_post',
  words: {
    label: 'Request body (client_secret_post)',
    hint: 'client_id and client_secret in the form body',
  },
  urlValue: 'post',
  credential: 'secret',
  signsAssertion: false,
  // oidc-provider accepts client_secret_post from a client registered for client_secret_basic.
  demoClientMethod: 'client_secret_basic',
  onTheWire: ({ clientId, clientSecret }) => ({
    authentication: { method: 'client_secret_post' },
    fieldsBeforeScope: [
      ['client_id', clientId],
      ['client_secret', clientSecret],
    ],
    fieldsAfterScope: [],
  }),
  missing: missingSecretCredentials,
  sentIn: 'in the request body',
};
