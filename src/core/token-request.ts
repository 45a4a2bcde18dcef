import {
  encodeBasicCredentials,
  type BasicCredentials,
  type CredentialEncoding,
} from './credentials.ts';
import { CLIENT_ASSERTION_TYPE, type SignedAssertion } from './client-auth/client-assertion.ts';
import { formUrlEncodeBody } from './form-urlencode.ts';

/**
 * RFC 6749 §2.3 client authentication: a secret in the Authorization header
 * (`client_secret_basic`, what the Okta guide does) or in the request body
 * (`client_secret_post`), or a signed JWT (`private_key_jwt`, RFC 7523 §2.2). A request uses
 * exactly one method, never two.
 */
export type ClientAuthMethod = ClientAuthentication['method'];

/**
 * How the request authenticates the client, beside the wire request that carries it: one value
 * per RFC 6749 §2.3 method, discriminated by `method`, holding what that method needs to explain
 * or redo the request. Code that branches on `method` uses an exhaustive `switch`, so a new
 * member is a compile error wherever it needs handling.
 */
export type ClientAuthentication =
  | {
      /** Credentials in the `Authorization: Basic` header (RFC 7617), what the Okta guide does. */
      readonly method: 'client_secret_basic';
      readonly encoding: CredentialEncoding;
      /** The credentials as sent, in `encoding`. */
      readonly basic: BasicCredentials;
    }
  | {
      /** `client_id` and `client_secret` in the form body, always form-encoded (Appendix B). */
      readonly method: 'client_secret_post';
    }
  | {
      /**
       * A client assertion signed with the client's private key (RFC 7523 §2.2, what Okta's org
       * authorization server requires). It is signed asynchronously (Web Crypto) and valid for a
       * short time, so the page signs it outside this model and the sender signs a new one just
       * before sending; `buildTokenRequest` stays synchronous and pure. `null` until one is
       * signed: the body then has no `client_assertion` and the views say what is missing.
       */
      readonly method: 'private_key_jwt';
      readonly assertion: SignedAssertion | null;
    };

export interface TokenRequestInput {
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope: string;
  readonly authMethod: ClientAuthMethod;
  readonly encoding: CredentialEncoding;
  /** The signed client assertion for `private_key_jwt` (ignored by the secret methods). */
  readonly clientAssertion?: SignedAssertion | null;
}

export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

/**
 * The one request model every view renders (the pair, Base64, header, curl and the proxy call):
 * the wire request (`method`, `url`, `headers`, `body`) and, beside it, how the client
 * authenticates.
 */
export interface TokenRequest {
  readonly method: 'POST';
  readonly url: string;
  /** In the order of the Okta guide's curl command, lower-case names as the guide writes them. */
  readonly headers: HeaderList;
  /** `application/x-www-form-urlencoded` (RFC 6749 §4.4.2, Appendix B). */
  readonly body: string;
  readonly clientAuthentication: ClientAuthentication;
  /**
   * The Basic credentials in the chosen encoding, for the views: shown even in client_secret_post
   * mode (then they are not sent; `clientAuthentication` says what is).
   */
  readonly basic: BasicCredentials;
  /** Both encodings, so a view can compare them (RFC 6749 §2.3.1 vs the guide's raw bytes). */
  readonly basicByEncoding: Readonly<Record<CredentialEncoding, BasicCredentials>>;
  /** What the model was built from: explanations of an answer refer back to it. */
  readonly input: TokenRequestInput;
}

function clientAuthenticationOf(
  input: TokenRequestInput,
  basic: BasicCredentials,
): ClientAuthentication {
  switch (input.authMethod) {
    case 'client_secret_basic':
      return { method: 'client_secret_basic', encoding: input.encoding, basic };
    case 'client_secret_post':
      return { method: 'client_secret_post' };
    case 'private_key_jwt':
      return { method: 'private_key_jwt', assertion: input.clientAssertion ?? null };
  }
}

/**
 * Builds the client credentials token request (RFC 6749 §4.4.2): `grant_type=client_credentials`
 * plus `scope` when given, with the headers of the Okta guide (`accept`, `authorization`,
 * `cache-control`, `content-type`).
 *
 * Does NOT validate inputs (see `checkCredentials`, `checkTokenEndpoint`, `checkScope`) and does
 * NOT send anything. With client_secret_post the credentials go in the body, each form-encoded
 * as the body requires, whatever the Basic `encoding` choice. With private_key_jwt the body
 * carries `client_assertion_type` and `client_assertion` after `scope` and nothing else
 * identifies the client (RFC 7523 §3: the assertion's `sub` is the client ID).
 */
export function buildTokenRequest(input: TokenRequestInput): TokenRequest {
  const basicByEncoding = {
    raw: encodeBasicCredentials(input, 'raw'),
    form: encodeBasicCredentials(input, 'form'),
  };
  const basic = basicByEncoding[input.encoding];
  const clientAuthentication = clientAuthenticationOf(input, basic);
  const fields: Array<[string, string]> = [['grant_type', 'client_credentials']];
  const headers: Array<[string, string]> = [['accept', 'application/json']];
  switch (clientAuthentication.method) {
    case 'client_secret_basic':
      headers.push(['authorization', clientAuthentication.basic.headerValue]);
      break;
    case 'client_secret_post':
      fields.push(['client_id', input.clientId], ['client_secret', input.clientSecret]);
      break;
    case 'private_key_jwt':
      break;
  }
  if (input.scope !== '') fields.push(['scope', input.scope]);
  // RFC 7523 §2.2: the assertion replaces client_id and secret; no Authorization header (§2.3).
  if (clientAuthentication.method === 'private_key_jwt' && clientAuthentication.assertion) {
    fields.push(
      ['client_assertion_type', CLIENT_ASSERTION_TYPE],
      ['client_assertion', clientAuthentication.assertion.jwt],
    );
  }
  headers.push(
    ['cache-control', 'no-cache'],
    ['content-type', 'application/x-www-form-urlencoded'],
  );

  return {
    method: 'POST',
    url: input.tokenEndpoint.trim(),
    headers,
    body: formUrlEncodeBody(fields),
    clientAuthentication,
    basic,
    basicByEncoding,
    input,
  };
}
