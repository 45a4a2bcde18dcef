import type { ServerPreset } from './preset.ts';

/**
 * Any OAuth 2.0 server (RFC 6749 §4.4): no fixed endpoint form, so the token endpoint is typed
 * and the issuer guessed from it. Every method and both encodings are offered (RFC 6749 §2.3.1,
 * RFC 7523 §2.2), and the parameters other servers need: `audience` (a common extension, e.g.
 * Auth0's) and `resource` (RFC 8707 §2).
 */
export const generic: ServerPreset<'generic'> = {
  id: 'generic',
  fields: [],
  tokenEndpoint: () => '',
  issuer: () => null,
  metadataForm: 'rfc8414',
  authMethods: [
    'client_secret_basic',
    'client_secret_post',
    'client_secret_jwt',
    'private_key_jwt',
  ],
  encodings: ['raw', 'form'],
  defaultScope: '',
  audience: 'offered',
  resource: 'offered',
  note: 'Type the token endpoint; discovery can find it from the issuer.',
};
