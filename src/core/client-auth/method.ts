import type { ChoiceWords } from './choice-labels.ts';
import type { SignedAssertion } from './client-assertion.ts';
import type { BasicCredentials, CredentialEncoding } from '../credentials/credentials.ts';

/**
 * RFC 6749 §2.3 client authentication, as OAuth 2.0 servers name it in `token_endpoint_auth_method`
 * (RFC 7591 §2): a secret in the Authorization header (`client_secret_basic`, what the Okta guide
 * does) or in the request body (`client_secret_post`), or a JWT the client signs (RFC 7523 §2.2)
 * with its secret (`client_secret_jwt`) or its private key (`private_key_jwt`). A request uses
 * exactly one method, never two.
 */
export type ClientAuthMethod =
  'client_secret_basic' | 'client_secret_post' | 'client_secret_jwt' | 'private_key_jwt';

/**
 * How a request authenticates the client, beside the wire request that carries it: one value per
 * method, discriminated by `method`, holding what that method needs to explain or redo the request.
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
       * A client assertion (RFC 7523 §2.2), signed with the secret or the private key. It is signed asynchronously (Web Crypto) and valid for
       * a short time, so the page signs it outside this model and the sender signs a new one just
       * before sending; the request model stays synchronous and pure. `null` until one is signed:
       * the body then has no `client_assertion` and the views say what is missing.
       */
      readonly method: 'client_secret_jwt' | 'private_key_jwt';
      readonly assertion: SignedAssertion | null;
    };

/** What the client proves itself with: the client secret of step 1, or a private key. */
export type ClientCredential = 'secret' | 'private-key';

/** What a method is made from: the form's credential fields, and the pair both encodings give. */
export interface MethodInput {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly encoding: CredentialEncoding;
  /** The Basic credentials in `encoding` (computed for every method: the views show them). */
  readonly basic: BasicCredentials;
  /** The last client assertion signed for these inputs, for the methods that sign one. */
  readonly clientAssertion?: SignedAssertion | null;
}

/** What a method adds to the token request (RFC 6749 §2.3): a header value and body fields. */
export interface OnTheWire {
  readonly authentication: ClientAuthentication;
  /** The `Authorization` header's value, when the method sends one. */
  readonly authorization?: string;
  /** Body fields before `scope` (client_secret_post's pair, where RFC 6749's examples put it). */
  readonly fieldsBeforeScope: ReadonlyArray<readonly [string, string]>;
  /** Body fields after `scope` (RFC 7523 §2.2's `client_assertion_type` and `client_assertion`). */
  readonly fieldsAfterScope: ReadonlyArray<readonly [string, string]>;
}

/** What the client's credential fields hold, for saying what is missing. */
export interface CredentialsInput {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clientAssertion?: SignedAssertion | null;
  /** The token endpoint, which a client assertion names as its `aud`. Undefined: not checked. */
  readonly tokenEndpoint?: string;
}

/**
 * Everything the page knows about one client authentication method, in one place: its words, its
 * `auth=` URL value, its credential, what it puts on the wire, what is missing,
 * whether it signs an assertion, which demo client accepts it, and where the answer view says it was sent.
 * The methods are a `Record` over `ClientAuthMethod` (methods.ts): a new method does not compile
 * until it has each of these.
 */
export interface ClientAuthDefinition<M extends ClientAuthMethod> {
  readonly method: M;
  /** The option's words in the `Client authentication` choice (its accessible name). */
  readonly words: ChoiceWords;
  /** The value of the `auth=` URL parameter (README, Contracts). */
  readonly urlValue: string;
  readonly credential: ClientCredential;
  /**
   * Whether it sends a client assertion (RFC 7523 §2.2) signed with its `credential`, instead of
   * the secret itself. The signer (services/sign-assertion.ts, loaded when first needed) knows how
   * each credential signs.
   */
  readonly signsAssertion: boolean;
  /**
   * The `token_endpoint_auth_method` a demo client must be registered with to accept this method,
   * when it is not the method itself (oidc-provider takes client_secret_post from a client
   * registered for client_secret_basic).
   */
  readonly demoClientMethod?: ClientAuthMethod;
  /** What the request carries for this method. */
  readonly onTheWire: (input: MethodInput) => OnTheWire;
  /** What the user still has to do before the outputs mean anything, or null. */
  readonly missing: (input: CredentialsInput) => string | null;
  /** Where the credential travels, as the answer view names what was sent ("Basic header"). */
  readonly sentIn: string;
}
