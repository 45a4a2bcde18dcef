import { generateKeyPair, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import Provider, {
  errors,
  type ClientMetadata,
  type ErrorContext,
  type OidcContext,
  type ResourceServerInfo,
} from 'oidc-provider';
import type { DemoClient, DemoServerInfo } from '../../src/core/proxy/proxy-protocol.ts';
import { demoClients } from './clients.ts';
import {
  DEMO_ACCESS_TOKEN_TTL_SECONDS,
  DEMO_PATH_PREFIX,
  DEMO_AUDIENCE_RESOURCE,
  DEMO_RESOURCE,
  DEMO_SCOPES,
} from './constants.ts';
import { storeIssuedJwtAccessTokens, withJwtAccessTokenLookup } from './introspectable-jwt.ts';
import { createMemoryAdapterClass } from './memory-adapter.ts';
import { checkRegistration, explainScopeRefusal } from './registration-policy.ts';

export interface DemoAuthorizationServer {
  info: DemoServerInfo;
  /**
   * oidc-provider's request listener. It expects the mount prefix already removed from `req.url`
   * and the full path in `req.originalUrl` (how oidc-provider learns its mount path); see
   * server/node/route-prefix.ts.
   */
  callback: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** The public half of its signing key, as `/demo/jwks` serves it: what the demo API verifies with. */
  publicJwks: { keys: Record<string, unknown>[] };
  /**
   * The demo API's own credentials as a resource server, for the introspection endpoint only
   * (RFC 7662 §2.1). Never in `info`: the page and the session do not list this client.
   */
  resourceServer: { clientId: string; clientSecret: string; introspectionPath: string };
}

const generateRsaKeyPair = promisify(generateKeyPair);

/** A fresh RS256 signing key as a private JWK: tokens from an earlier run stop verifying, on purpose. */
async function createSigningKey(): Promise<Record<string, unknown>> {
  const { privateKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomBytes(8).toString('base64url'),
    use: 'sig',
    alg: 'RS256',
  };
}

/** Where oidc-provider serves dynamic client registration (RFC 7591 §3), below the issuer. */
const REGISTRATION_PATH = '/reg';

/** The demo API as a client of this server: it introspects tokens, and has no grant to get any. */
export const DEMO_API_CLIENT_ID = 'demo-api';

/** Signing algorithms accepted for client assertions (RFC 7518 §3.1): what the page can make. */
const CLIENT_AUTH_SIGNING_ALGS = ['HS256', 'RS256', 'ES256'];

/** DPoP proof algorithms (RFC 9449 §5.1): the two the page can make with Web Crypto. */
export const DPOP_SIGNING_ALGS = ['ES256', 'RS256'];

/** A demo client as oidc-provider registers it: a secret client with its method, or a key client with its public key. */
function clientMetadata(client: DemoClient): ClientMetadata {
  const common = {
    client_id: client.clientId,
    client_name: client.label,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: client.scope,
    ...(client.dpopBound ? { dpop_bound_access_tokens: true } : {}),
  };
  if (client.privateKeyJwk === undefined)
    return {
      ...common,
      client_secret: client.clientSecret,
      token_endpoint_auth_method: client.authMethod,
    };
  // Only the public members (RFC 7518 §6.3.1 / §6.2.1): the server never holds the private key.
  const { kty, kid, alg, n, e, crv, x, y } = client.privateKeyJwk;
  const publicJwk = Object.fromEntries(
    Object.entries({ kty, kid, alg, use: 'sig', n, e, crv, x, y }).filter(
      ([, value]) => value !== undefined,
    ),
  );
  return {
    ...common,
    token_endpoint_auth_method: 'private_key_jwt',
    token_endpoint_auth_signing_alg: alg,
    jwks: { keys: [publicJwk] },
  };
}

/** RFC 6749 §5.2: error_description is %x20-21 / %x23-5B / %x5D-7E (no `"` or a backslash). */
const toErrorDescription = (text: string) => text.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, ' ');

/**
 * oidc-provider answers every failed client authentication with the same
 * `invalid_client` / `client authentication failed` and keeps the reason (`error_detail`) to
 * itself, as a production server should. This demo exists to teach, so for requests that carried
 * a client assertion it appends the reason (oidc-provider's own words, e.g. "client assertion
 * tokens must only be used once"); the page explains it with the user's values
 * (src/core/assertion-error-help.ts). Secret requests keep the plain answer, as before.
 *
 * `grant.error` is emitted synchronously after the body is set and before it is sent.
 */
function explainClientAssertionFailures(ctx: ErrorContext, error: errors.OIDCProviderError) {
  const body = ctx.body;
  if (
    error.error !== 'invalid_client' ||
    ctx.oidc?.params?.client_assertion === undefined ||
    typeof error.error_detail !== 'string' ||
    typeof body !== 'object' ||
    body === null ||
    !('error_description' in body)
  )
    return;
  Object.assign(body, {
    error_description: toErrorDescription(`client authentication failed: ${error.error_detail}`),
  });
}

/**
 * oidc-provider hides two kinds of DPoP refusal behind a generic `error_description` and keeps
 * the reason in `error_detail`: a proof whose JWS does not verify (`invalid_dpop_proof` "invalid
 * DPoP key binding", with jose's words: bad signature, wrong `typ`, an `alg` it does not accept)
 * and the client's own binding (`invalid_grant` "grant request is invalid": "DPoP proof JWT not
 * provided", "DPoP proof JWT Replay detected"). As for client assertions above, this teaching
 * server appends the reason, so the page can say which check failed. Its other DPoP refusals
 * (htm, htu, iat, nonce) already say so.
 */
function explainDpopFailures(ctx: ErrorContext, error: errors.OIDCProviderError) {
  const body = ctx.body;
  const detail = error.error_detail;
  const hidden =
    error.error === 'invalid_dpop_proof' ||
    (error.error === 'invalid_grant' && typeof detail === 'string' && detail.startsWith('DPoP '));
  if (
    !hidden ||
    typeof detail !== 'string' ||
    typeof error.error_description !== 'string' ||
    typeof body !== 'object' ||
    body === null ||
    !('error_description' in body)
  )
    return;
  // jose quotes header names ("typ"); RFC 6749 §5.2 has no room for `"`, so they become `'`.
  const reason = detail.replaceAll('"', "'");
  Object.assign(body, {
    error_description: toErrorDescription(`${error.error_description}: ${reason}`),
  });
}

function requestedScopes(ctx: OidcContext): string[] {
  const scope = ctx.oidc.params?.scope;
  return typeof scope === 'string' ? scope.split(' ').filter((token) => token !== '') : [];
}

/**
 * The `audience` parameter of a token request, when it has a non-empty one. Read from the body:
 * oidc-provider's token endpoint keeps only the parameters of its grant types in `params`.
 */
function audienceParameter(ctx: OidcContext): string | undefined {
  const audience = ctx.oidc.body?.audience;
  return typeof audience === 'string' && audience !== '' ? audience : undefined;
}

/**
 * The demo API as a resource server (RFC 8707). Every client-credentials request gets it by
 * default (`defaultResource`), so a request without a `resource` parameter still gets a JWT access
 * token (RFC 9068: `typ: at+jwt`), RS256, one hour, `aud: api://playground`; naming the second
 * API (`resource` or `audience`) makes it the `aud`.
 *
 * Unknown scopes are refused with `invalid_scope` as Okta does (oidc-provider alone would
 * silently drop scopes the resource server does not list).
 */
function resourceServerInfo(ctx: OidcContext, resource: string): ResourceServerInfo {
  if (resource !== DEMO_RESOURCE && resource !== DEMO_AUDIENCE_RESOURCE) {
    throw new errors.InvalidTarget(
      `the resources of this demo server are ${DEMO_RESOURCE} and ${DEMO_AUDIENCE_RESOURCE}`,
    );
  }
  const scopes = requestedScopes(ctx);
  if (scopes.includes('openid')) {
    throw new errors.InvalidScope(
      'openid cannot be requested with client credentials: there is no user to identify.',
      'openid',
    );
  }
  const unknown = scopes.filter((scope) => !DEMO_SCOPES.includes(scope));
  if (unknown.length > 0) {
    throw new errors.InvalidScope(
      `One or more scopes are not configured for the authorization server resource: ${unknown.join(' ')}.`,
      unknown.join(' '),
    );
  }
  return {
    scope: DEMO_SCOPES.join(' '),
    audience: resource,
    accessTokenFormat: 'jwt',
    accessTokenTTL: DEMO_ACCESS_TOKEN_TTL_SECONDS,
    jwt: { sign: { alg: 'RS256' } },
  };
}

/**
 * Configures the built-in authorization server (the `oidc-provider` package, not an imitation)
 * for `origin` (e.g. `http://127.0.0.1:4173`): issuer `origin + /demo`, only the client
 * credentials grant, the clients of clients.ts, a signing key and cookie keys drawn per process.
 *
 * Client authentication: each secret client is registered with `client_secret_basic`, and
 * oidc-provider 8 accepts `client_secret_post` from the same client too (a secret-based client may
 * present its secret either way, one way per request; docs/decisions/012-demo-as-auth-methods.md).
 * The key client, and every client made by dynamic registration at `/demo/reg`, authenticates
 * with private_key_jwt (RS256 or ES256). oidc-provider accepts an assertion whose `aud` is the
 * issuer or the token endpoint URL, refuses a `jti` it has seen before (until that assertion
 * expires, plus 15 s of clock tolerance) and does not limit how far ahead `exp` may be
 * (docs/decisions/136-demo-server-private-key-jwt.md).
 *
 * Does NOT listen: mount `callback` under `/demo` on a server (server/node/route-prefix.ts).
 */
export async function createDemoAuthorizationServer(
  origin: string,
  // Other clients only in interoperability tests, which register each credential vector.
  clients: readonly DemoClient[] = demoClients,
  pathPrefix: string = DEMO_PATH_PREFIX,
): Promise<DemoAuthorizationServer> {
  const issuer = `${origin}${pathPrefix}`;
  const signingKey = await createSigningKey();
  const Store = withJwtAccessTokenLookup(createMemoryAdapterClass());
  // Drawn per process and never shown: only the in-process demo API presents it.
  const resourceServerSecret = randomBytes(32).toString('base64url');
  const provider = new Provider(issuer, {
    adapter: Store,
    clients: [
      ...clients.map(clientMetadata),
      {
        client_id: DEMO_API_CLIENT_ID,
        client_name: 'Demo API (resource server)',
        client_secret: resourceServerSecret,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: [],
        response_types: [],
        redirect_uris: [],
      },
    ],
    clientAuthMethods: [
      'client_secret_basic',
      'client_secret_post',
      'client_secret_jwt',
      'private_key_jwt',
    ],
    // What a registered client gets without asking (RFC 7591 §2 lets the server choose): the only
    // grant here, and authentication by its key. The static clients above state all of these.
    clientDefaults: {
      grant_types: ['client_credentials'],
      response_types: [],
      token_endpoint_auth_method: 'private_key_jwt',
    },
    enabledJWA: {
      clientAuthSigningAlgValues: CLIENT_AUTH_SIGNING_ALGS,
      dPoPSigningAlgValues: DPOP_SIGNING_ALGS,
    },
    // `software_id` (RFC 7591 §2) is accepted and stored; its validator is the hook oidc-provider
    // offers to check a registration as a whole (it runs once per registration, with the request).
    extraClientMetadata: {
      properties: ['software_id'],
      validator: (ctx, _key, _value, metadata) => {
        if (ctx?.oidc.body) checkRegistration(ctx.oidc.body, metadata);
      },
    },
    // Token requests carrying a foreign Origin are refused, as by Okta; the proxy never sends one.
    clientBasedCORS: () => false,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [signingKey] },
    responseTypes: ['none'],
    scopes: [...DEMO_SCOPES],
    features: {
      clientCredentials: { enabled: true },
      // RFC 9449. Every proof must carry a nonce this server issued (§8), so every DPoP token
      // request shows the round trip: 400 use_dpop_nonce with a DPoP-Nonce header, then the retry
      // (docs/decisions/300-demo-dpop-nonce-always.md). A proof's jti is accepted once.
      dPoP: { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true },
      devInteractions: { enabled: false },
      // RFC 7662 and RFC 7009 for the issued JWTs (introspectable-jwt.ts stores them). Any client of
      // this server may introspect any of its tokens, as a resource server would; only the client
      // a token was issued to may revoke it (oidc-provider's rule).
      introspection: { enabled: true, allowedPolicy: async () => true },
      revocation: { enabled: true },
      // Only the token endpoint matters here; these would advertise endpoints the demo never serves.
      userinfo: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      // RFC 7591 without an initial access token (a local demo), limited by checkRegistration;
      // no registration access token either: nothing to read back, update or delete.
      registration: {
        enabled: true,
        initialAccessToken: false,
        issueRegistrationAccessToken: false,
      },
      resourceIndicators: {
        enabled: true,
        // Without `resource`, an `audience` parameter names the resource (as Auth0's does).
        defaultResource: (ctx) => audienceParameter(ctx) ?? DEMO_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: resourceServerInfo,
      },
    },
    // The HTML error page of the (unused) authorization endpoint: plain JSON, and no start-up notice.
    renderError: (ctx, out) => {
      ctx.type = 'json';
      ctx.body = out;
    },
    ttl: {
      ClientCredentials: (_ctx, token) =>
        token.resourceServer?.accessTokenTTL ?? DEMO_ACCESS_TOKEN_TTL_SECONDS,
    },
  });

  // Without a listener Koa prints every request error with its stack trace: a client that hangs up
  // mid-upload would fill the log with "Error: Parse Error" traces. One line, the error's kind only
  // (never its message: it could quote the request).
  provider.app.on('error', (error) => {
    const code = (error as Error & { code?: unknown }).code;
    console.error(
      `demo server: a request failed (${typeof code === 'string' ? code : error.name})`,
    );
  });

  storeIssuedJwtAccessTokens(provider, Store);
  provider.on('grant.error', explainClientAssertionFailures);
  provider.on('grant.error', explainDpopFailures);
  provider.on('registration_create.error', explainScopeRefusal);

  return {
    info: {
      issuer,
      tokenEndpoint: `${issuer}/token`,
      discoveryUrl: `${issuer}/.well-known/openid-configuration`,
      jwksUri: `${issuer}/jwks`,
      registrationEndpoint: `${issuer}${REGISTRATION_PATH}`,
      clients,
      basicCredentials: 'form-decoded',
    },
    callback: provider.callback(),
    resourceServer: {
      clientId: DEMO_API_CLIENT_ID,
      clientSecret: resourceServerSecret,
      introspectionPath: `${pathPrefix}/token/introspection`,
    },
    publicJwks: {
      keys: [
        Object.fromEntries(
          ['kty', 'kid', 'use', 'alg', 'n', 'e'].map((member) => [member, signingKey[member]]),
        ),
      ],
    },
  };
}
