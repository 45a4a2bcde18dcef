import {
  encodeBasicCredentials,
  type BasicCredentials,
  type CredentialEncoding,
} from './credentials.ts';
import { formUrlEncodeBody } from './form-urlencode.ts';

/**
 * RFC 6749 §2.3.1 client authentication with a secret: in the Authorization header
 * (`client_secret_basic`, what the Okta guide does) or in the request body
 * (`client_secret_post`). §2.3: a request uses exactly one method, never both.
 */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post';

export interface TokenRequestInput {
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope: string;
  readonly authMethod: ClientAuthMethod;
  readonly encoding: CredentialEncoding;
}

export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

/** The one request model every view renders: the pair, Base64, header, curl and the proxy call. */
export interface TokenRequest {
  readonly method: 'POST';
  readonly url: string;
  /** In the order of the Okta guide's curl command, lower-case names as the guide writes them. */
  readonly headers: HeaderList;
  /** `application/x-www-form-urlencoded` (RFC 6749 §4.4.2, Appendix B). */
  readonly body: string;
  /** The Basic credentials in the chosen encoding (shown even in client_secret_post mode). */
  readonly basic: BasicCredentials;
  /** Both encodings, so a view can compare them (RFC 6749 §2.3.1 vs the guide's raw bytes). */
  readonly basicByEncoding: Readonly<Record<CredentialEncoding, BasicCredentials>>;
  readonly authMethod: ClientAuthMethod;
  /** What the model was built from: explanations of an answer refer back to it. */
  readonly input: TokenRequestInput;
}

/**
 * Builds the client credentials token request (RFC 6749 §4.4.2): `grant_type=client_credentials`
 * plus `scope` when given, with the headers of the Okta guide (`accept`, `authorization`,
 * `cache-control`, `content-type`).
 *
 * Does NOT validate inputs (see `checkCredentials`, `checkTokenEndpoint`, `checkScope`) and does
 * NOT send anything. With client_secret_post the credentials go in the body, each form-encoded
 * as the body requires, whatever the Basic `encoding` choice.
 */
export function buildTokenRequest(input: TokenRequestInput): TokenRequest {
  const basicByEncoding = {
    raw: encodeBasicCredentials(input, 'raw'),
    form: encodeBasicCredentials(input, 'form'),
  };
  const basic = basicByEncoding[input.encoding];
  const fields: Array<[string, string]> = [['grant_type', 'client_credentials']];
  if (input.authMethod === 'client_secret_post') {
    fields.push(['client_id', input.clientId], ['client_secret', input.clientSecret]);
  }
  if (input.scope !== '') fields.push(['scope', input.scope]);

  const headers: Array<[string, string]> = [['accept', 'application/json']];
  if (input.authMethod === 'client_secret_basic')
    headers.push(['authorization', basic.headerValue]);
  headers.push(
    ['cache-control', 'no-cache'],
    ['content-type', 'application/x-www-form-urlencoded'],
  );

  return {
    method: 'POST',
    url: input.tokenEndpoint.trim(),
    headers,
    body: formUrlEncodeBody(fields),
    basic,
    basicByEncoding,
    authMethod: input.authMethod,
    input,
  };
}
