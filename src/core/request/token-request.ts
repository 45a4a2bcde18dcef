import {
  encodeBasicCredentials,
  type BasicCredentials,
  type CredentialEncoding,
} from '../credentials/credentials.ts';
import type { SignedAssertion } from '../client-auth/client-assertion.ts';
import type { ClientAuthentication, ClientAuthMethod } from '../client-auth/method.ts';
import { CLIENT_AUTH } from '../client-auth/methods.ts';
import { formUrlEncodeBody } from '../encoding/form-urlencode.ts';

export interface TokenRequestInput {
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope: string;
  readonly authMethod: ClientAuthMethod;
  readonly encoding: CredentialEncoding;
  /** The signed client assertion, for the methods that sign one (ignored by the others). */
  readonly clientAssertion?: SignedAssertion | null;
  /**
   * What the methods that sign an assertion sign with besides the secret: the private key as
   * pasted or generated (a secret like the client secret) and the assertion's lifetime in seconds.
   * Absent: no key, the default lifetime.
   */
  readonly privateKey?: string;
  readonly assertionLifetime?: number;
  /**
   * Body fields after `scope` that the server needs beyond RFC 6749 §4.4.2 (`audience`,
   * `resource`, other pairs: extra-parameters.ts), never the client's credentials. Absent: none.
   */
  readonly extraFields?: ReadonlyArray<readonly [string, string]>;
  /**
   * The DPoP proof (RFC 9449 §4) this request carries in its `DPoP` header: a JWT signed for this
   * method and URL. Absent or null: no proof of possession.
   */
  readonly dpopProof?: string | null;
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

/**
 * Builds the client credentials token request (RFC 6749 §4.4.2): `grant_type=client_credentials`
 * plus `scope` when given and the extra fields after it, with the headers of the Okta guide (`accept`, `authorization`,
 * `cache-control`, `content-type`).
 *
 * Does NOT validate inputs (see `checkCredentials`, `checkTokenEndpoint`, `checkScope`) and does
 * NOT send anything. What authenticates the client (a header, body fields) is the chosen method's
 * own (`CLIENT_AUTH` in client-auth/methods.ts).
 */
export function buildTokenRequest(input: TokenRequestInput): TokenRequest {
  const basicByEncoding = {
    raw: encodeBasicCredentials(input, 'raw'),
    form: encodeBasicCredentials(input, 'form'),
  };
  const basic = basicByEncoding[input.encoding];
  const wire = CLIENT_AUTH[input.authMethod].onTheWire({ ...input, basic });
  const headers: Array<[string, string]> = [['accept', 'application/json']];
  if (wire.authorization !== undefined) headers.push(['authorization', wire.authorization]);
  headers.push(
    ['cache-control', 'no-cache'],
    ['content-type', 'application/x-www-form-urlencoded'],
  );
  // RFC 9449 §4.1 names the header `DPoP`: written as the RFC writes it.
  if (input.dpopProof) headers.push(['DPoP', input.dpopProof]);
  const scope: Array<readonly [string, string]> =
    input.scope === '' ? [] : [['scope', input.scope]];

  return {
    method: 'POST',
    url: input.tokenEndpoint.trim(),
    headers,
    body: formUrlEncodeBody([
      ['grant_type', 'client_credentials'],
      ...wire.fieldsBeforeScope,
      ...scope,
      ...(input.extraFields ?? []),
      ...wire.fieldsAfterScope,
    ]),
    clientAuthentication: wire.authentication,
    basic,
    basicByEncoding,
    input,
  };
}
