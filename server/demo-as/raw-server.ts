import { createSign, generateKeyPair, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import OAuth2Server, {
  OAuthError,
  Request as OAuthRequest,
  Response as OAuthResponse,
  type Client,
  type ClientCredentialsModel,
  type Token,
} from '@node-oauth/oauth2-server';
import type { DemoClient, DemoServerInfo } from '../../src/core/proxy/proxy-protocol.ts';
import { demoSecretClients } from './clients.ts';
import {
  DEMO_ACCESS_TOKEN_TTL_SECONDS,
  DEMO_PATH_PREFIX,
  DEMO_RAW_PATH_PREFIX,
  DEMO_RESOURCE,
  DEMO_SCOPES,
} from './constants.ts';

export interface RawDemoAuthorizationServer {
  info: DemoServerInfo;
  /** A Node listener for requests whose `req.url` has the `/demo-raw` prefix removed. */
  callback: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/** A token request body is a few hundred bytes; anything this large is refused before parsing. */
const MAX_BODY_BYTES = 64 * 1024;

const generateRsaKeyPair = promisify(generateKeyPair);

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Node's headers as the library's Request takes them: one string each (`set-cookie` aside). */
function singleValuedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === 'string') headers[name] = value;
  return headers;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    pragma: 'no-cache',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** An RS256 JWT access token (RFC 9068), signed with node:crypto: no extra dependency. */
function signAccessToken(
  privateKey: KeyObject,
  kid: string,
  claims: Record<string, unknown>,
): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'at+jwt', kid })}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url');
  return `${input}.${signature}`;
}

/**
 * The second built-in authorization server, under `/demo-raw`: the `@node-oauth/oauth2-server`
 * package (not an imitation), with the same demo clients as `/demo`. It reads the Basic header
 * with the `basic-auth` package and does NOT form-decode the credentials (unlike oidc-provider and
 * RFC 6749 §2.3.1), so a special-character secret works raw here and form-encoded at `/demo`. It
 * refuses any client ID or secret outside VSCHAR (RFC 6749 Appendix A) in every method.
 *
 * Only the client credentials grant; access tokens are RS256 JWTs for the demo API, their key at
 * `/demo-raw/jwks` and the metadata at `/demo-raw/.well-known/oauth-authorization-server`
 * (RFC 8414). Does NOT listen: mount `callback` under `/demo-raw`.
 */
export async function createRawDemoAuthorizationServer(
  origin: string,
  // Other clients only in interoperability tests, which register each credential vector.
  clients: readonly DemoClient[] = demoSecretClients,
  pathPrefix: string = DEMO_RAW_PATH_PREFIX,
): Promise<RawDemoAuthorizationServer> {
  const issuer = `${origin}${pathPrefix}`;
  const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('base64url');
  const jwks = {
    keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }],
  };
  const info: DemoServerInfo = {
    issuer,
    tokenEndpoint: `${issuer}/token`,
    discoveryUrl: `${issuer}/.well-known/oauth-authorization-server`,
    jwksUri: `${issuer}/jwks`,
    clients,
    basicCredentials: 'raw',
  };
  const metadata = {
    issuer,
    token_endpoint: info.tokenEndpoint,
    jwks_uri: info.jwksUri,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: DEMO_SCOPES,
  };

  const model: ClientCredentialsModel = {
    async getClient(clientId: string, clientSecret: string) {
      const known = clients.find(
        (client) => client.clientId === clientId && client.clientSecret === clientSecret,
      );
      if (!known) return null;
      return {
        id: known.clientId,
        grants: ['client_credentials'],
        accessTokenLifetime: DEMO_ACCESS_TOKEN_TTL_SECONDS,
        allowedScopes: known.scope.split(' '),
      };
    },
    // Client credentials have no user: the client acts for itself.
    async getUserFromClient(client: Client) {
      return { id: client.id };
    },
    // Unknown scopes are refused with invalid_scope, as by Okta and /demo.
    async validateScope(_user, client: Client, scope?: string[]) {
      const requested = scope ?? [];
      const allowed = Array.isArray(client.allowedScopes) ? client.allowedScopes : [];
      if (requested.length === 0 || requested.some((s) => !allowed.includes(s))) return false;
      return requested;
    },
    async generateAccessToken(client: Client, _user, scope: string[]) {
      const now = Math.floor(Date.now() / 1000);
      return signAccessToken(privateKey, kid, {
        iss: issuer,
        sub: client.id,
        aud: DEMO_RESOURCE,
        client_id: client.id,
        iat: now,
        exp: now + DEMO_ACCESS_TOKEN_TTL_SECONDS,
        jti: randomUUID(),
        scope: scope.join(' '),
      });
    },
    // Required by the model's type, used only to authenticate API calls, which the demo has none of.
    async getAccessToken() {
      return null;
    },
    // Tokens are self-contained JWTs: nothing to store.
    async saveToken(token: Token, client: Client, user) {
      return { ...token, client, user };
    },
  };
  const server = new OAuth2Server({
    model,
    requireClientAuthentication: { client_credentials: true },
  });

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        sendJson(res, 413, { error: 'invalid_request', error_description: 'Body too large' });
      else res.destroy();
      return;
    }
    const form = new URLSearchParams(body);
    // @node-oauth/oauth2-server knows secrets only and would answer an assertion with a puzzling
    // "cannot retrieve client credentials". Say plainly which demo server takes one (RFC 6749
    // §5.2: invalid_client, 401, for an authentication method the server does not support).
    if (form.has('client_assertion') || form.has('client_assertion_type')) {
      sendJson(res, 401, {
        error: 'invalid_client',
        error_description: `This server (${pathPrefix}) accepts client secrets only (client_secret_basic, client_secret_post), not client assertions (private_key_jwt): send it to ${DEMO_PATH_PREFIX}.`,
      });
      return;
    }
    const request = new OAuthRequest({
      headers: singleValuedHeaders(req),
      method: req.method ?? 'GET',
      query: {},
      body: Object.fromEntries(form),
    });
    const response = new OAuthResponse();
    try {
      await server.token(request, response);
    } catch (error) {
      // The library fills `response` for errors past its first checks; the first ones (method,
      // content type) and anything unexpected are answered here.
      if (!response.body || !('error' in response.body)) {
        const oauth = error instanceof OAuthError;
        sendJson(res, oauth ? error.code : 500, {
          error: oauth ? error.name : 'server_error',
          error_description: oauth ? error.message : 'Unexpected error',
        });
        return;
      }
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers ?? {}))
      if (typeof value === 'string') headers[name.toLowerCase()] = value;
    sendJson(res, response.status ?? 200, response.body, headers);
  }

  return {
    info,
    async callback(req, res) {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/token') return token(req, res);
      if (req.method === 'GET' && path === '/jwks') return sendJson(res, 200, jwks);
      if (req.method === 'GET' && path === '/.well-known/oauth-authorization-server')
        return sendJson(res, 200, metadata);
      sendJson(res, 404, { error: 'not_found', error_description: `No ${path} here` });
    },
  };
}
