import type { AnswerReading } from '../diagnosis/evidence.ts';
import { buildTokenRequest, type TokenRequestInput } from '../request/token-request.ts';

/**
 * A client_secret_basic request to a local server whose secret (`a+b`) differs between the raw
 * and the RFC 6749 form-encoded Basic credentials: the ways to send it are all distinct. Tests of
 * attempts and of finding what a server accepts start from it.
 */
export const localSecretRequest = (overrides: Partial<TokenRequestInput> = {}) =>
  buildTokenRequest({
    tokenEndpoint: 'http://127.0.0.1:9000/token',
    clientId: 'my-client',
    clientSecret: 'a+b',
    scope: 'customScope',
    authMethod: 'client_secret_basic',
    encoding: 'raw',
    ...overrides,
  });

/** The reading of a `401 invalid_client` answer with nothing more said: the client was refused. */
export const refusedClientReading: AnswerReading = {
  kind: 'oauth-error',
  status: 401,
  error: 'invalid_client',
  description: '',
  challenge: '',
};
