// The slice of oidc-provider 8's API this project uses (the package ships no types; this keeps
// the configuration checked without adding @types/oidc-provider).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface OidcContext {
    oidc: {
      params?: Record<string, unknown>;
      /** The parsed request body (JSON for the registration endpoint). */
      body?: Record<string, unknown>;
    };
  }

  /** What oidc-provider hands the `*.error` listeners: the context, its body already set. */
  export interface ErrorContext {
    body: unknown;
    oidc?: { params?: Record<string, unknown>; body?: Record<string, unknown> };
  }

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg?: string; kid?: string } };
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    grant_types?: string[];
    response_types?: string[];
    redirect_uris?: string[];
    token_endpoint_auth_method?: string;
    token_endpoint_auth_signing_alg?: string;
    jwks?: { keys: Record<string, unknown>[] };
    scope?: string;
    client_name?: string;
    /** RFC 9449 §5.2: the client's token requests must carry a DPoP proof. */
    dpop_bound_access_tokens?: boolean;
  }

  export type AdapterPayload = Record<string, unknown>;

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface ClientCredentialsToken {
    resourceServer?: { accessTokenTTL?: number };
  }

  export interface Configuration {
    adapter?: new (model: string) => Adapter;
    clients?: ClientMetadata[];
    clientAuthMethods?: string[];
    /** Metadata a client gets when it does not say (registration and static clients alike). */
    clientDefaults?: Partial<ClientMetadata>;
    enabledJWA?: { clientAuthSigningAlgValues?: string[]; dPoPSigningAlgValues?: string[] };
    extraClientMetadata?: {
      properties?: string[];
      /** `ctx` is only present while a registration request is processed. */
      validator?: (
        ctx: OidcContext | undefined,
        key: string,
        value: unknown,
        metadata: Record<string, unknown>,
      ) => void;
    };
    clientBasedCORS?: (ctx: OidcContext, origin: string, client: unknown) => boolean;
    cookies?: { keys?: string[] };
    features?: {
      clientCredentials?: { enabled: boolean };
      dPoP?: {
        enabled: boolean;
        /** 32 bytes: the HMAC key of the server-provided nonces (RFC 9449 §8). */
        nonceSecret?: Buffer;
        requireNonce?: (ctx: OidcContext) => boolean;
        allowReplay?: boolean;
      };
      devInteractions?: { enabled: boolean };
      introspection?: {
        enabled: boolean;
        /** Whether `client` may learn about `token` (RFC 7662 §4); false answers `active: false`. */
        allowedPolicy?: (ctx: OidcContext, client: unknown, token: unknown) => Promise<boolean>;
      };
      revocation?: { enabled: boolean };
      userinfo?: { enabled: boolean };
      pushedAuthorizationRequests?: { enabled: boolean };
      rpInitiatedLogout?: { enabled: boolean };
      registration?: {
        enabled: boolean;
        initialAccessToken?: boolean | string;
        issueRegistrationAccessToken?: boolean;
      };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource?: (
          ctx: OidcContext,
          client: unknown,
          oneOf?: string[],
        ) => string | string[] | undefined | Promise<string | string[] | undefined>;
        useGrantedResource?: (ctx: OidcContext, model: unknown) => boolean | Promise<boolean>;
        getResourceServerInfo?: (
          ctx: OidcContext,
          resourceIndicator: string,
          client: unknown,
        ) => ResourceServerInfo | Promise<ResourceServerInfo>;
      };
    };
    jwks?: { keys: Record<string, unknown>[] };
    responseTypes?: string[];
    scopes?: string[];
    claims?: Record<string, string[] | null>;
    ttl?: {
      ClientCredentials?: (
        ctx: OidcContext,
        token: ClientCredentialsToken,
        client: unknown,
      ) => number;
    };
    renderError?: (
      ctx: { type: string; body: unknown },
      out: Record<string, string>,
      error: Error,
    ) => void | Promise<void>;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    /** The Koa application under the provider (Koa prints a stack trace for an error nobody listens to). */
    readonly app: { on(event: 'error', listener: (error: Error) => void): unknown };
    on(event: 'server_error', listener: (ctx: unknown, error: Error) => void): this;
    on(
      event: 'grant.error' | 'registration_create.error',
      listener: (ctx: ErrorContext, error: errors.OIDCProviderError) => void,
    ): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export namespace errors {
    class OIDCProviderError extends Error {
      readonly status: number;
      readonly error: string;
      error_description?: string;
      /** The precise reason, which oidc-provider keeps out of the response. */
      readonly error_detail?: unknown;
    }
    class InvalidScope extends OIDCProviderError {
      constructor(description: string, scope: string, detail?: string);
    }
    class InvalidTarget extends OIDCProviderError {
      constructor(description?: string, detail?: string);
    }
    class InvalidClientMetadata extends OIDCProviderError {
      constructor(description: string, detail?: string);
    }
  }

  export default Provider;
}
