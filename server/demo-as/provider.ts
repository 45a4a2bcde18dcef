import { generateKeyPair, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import Provider, { errors, type OidcContext, type ResourceServerInfo } from 'oidc-provider';
import type { DemoClient, DemoServerInfo } from '../../src/core/proxy-protocol.ts';
import { demoClients } from './clients.ts';
import {
  DEMO_ACCESS_TOKEN_TTL_SECONDS,
  DEMO_PATH_PREFIX,
  DEMO_RESOURCE,
  DEMO_SCOPES,
} from './constants.ts';
import { createMemoryAdapterClass } from './memory-adapter.ts';

export interface DemoAuthorizationServer {
  info: DemoServerInfo;
  /**
   * oidc-provider's request listener. It expects the mount prefix already removed from `req.url`
   * and the full path in `req.originalUrl` (how oidc-provider learns its mount path); see
   * server/node/route-prefix.ts.
   */
  callback: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
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

function requestedScopes(ctx: OidcContext): string[] {
  const scope = ctx.oidc.params?.scope;
  return typeof scope === 'string' ? scope.split(' ').filter((token) => token !== '') : [];
}

/**
 * The demo API as a resource server (RFC 8707). Every client-credentials request gets it by
 * default (`defaultResource`), so a request without a `resource` parameter still gets a JWT access
 * token (RFC 9068: `typ: at+jwt`), RS256, one hour, `aud: api://playground`.
 *
 * Unknown scopes are refused with `invalid_scope` as Okta does (oidc-provider alone would
 * silently drop scopes the resource server does not list).
 */
function resourceServerInfo(ctx: OidcContext, resource: string): ResourceServerInfo {
  if (resource !== DEMO_RESOURCE) {
    throw new errors.InvalidTarget(`the only resource of this demo server is ${DEMO_RESOURCE}`);
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
    audience: DEMO_RESOURCE,
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
 * Client authentication: each client is registered with `client_secret_basic`, and oidc-provider
 * 8 accepts `client_secret_post` from the same client too (a secret-based client may present its
 * secret either way, one way per request; docs/decisions/012-demo-as-auth-methods.md).
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
  const provider = new Provider(issuer, {
    adapter: createMemoryAdapterClass(),
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      client_name: client.label,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: client.scope,
    })),
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    // Token requests carrying a foreign Origin are refused, as by Okta; the proxy never sends one.
    clientBasedCORS: () => false,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [await createSigningKey()] },
    responseTypes: ['none'],
    scopes: [...DEMO_SCOPES],
    features: {
      clientCredentials: { enabled: true },
      devInteractions: { enabled: false },
      introspection: { enabled: false },
      revocation: { enabled: false },
      // Only the token endpoint matters here; these would advertise endpoints the demo never serves.
      userinfo: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => DEMO_RESOURCE,
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

  return {
    info: {
      issuer,
      tokenEndpoint: `${issuer}/token`,
      discoveryUrl: `${issuer}/.well-known/openid-configuration`,
      jwksUri: `${issuer}/jwks`,
      clients,
      basicCredentials: 'form-decoded',
    },
    callback: provider.callback(),
  };
}
