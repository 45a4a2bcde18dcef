import { createHash } from 'node:crypto';
import type { Adapter, AdapterPayload, Provider } from 'oidc-provider';

/**
 * oidc-provider stores an opaque access token under its value, but a JWT access token (RFC 9068)
 * is only signed and handed out: nothing is stored, so introspection (RFC 7662) answers
 * `active: false` for it and revocation (RFC 7009) finds nothing to revoke. The demo issues JWTs
 * and must show both, so this module stores each issued JWT's payload under its `jti` (where
 * revocation deletes it) and lets the store find it again by the JWT itself.
 *
 * The lookup needs the exact token: it keeps a SHA-256 of the JWT beside the payload and
 * compares it, so a forged JWT that merely names a stored `jti` finds nothing.
 */

/** The member of a stored payload that holds the SHA-256 of the JWT issued with it. */
const ISSUED_JWT_DIGEST = 'issuedJwtSha256';
const CLIENT_CREDENTIALS_MODEL = 'ClientCredentials';

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

interface IssuedJwtClaims {
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
}

/** The claims of a compact JWS this module needs, read without verifying it (the digest check follows). */
function claimsOfJwt(value: string): IssuedJwtClaims | null {
  const parts = value.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null) return null;
    const { jti, iat, exp } = claims as Record<string, unknown>;
    if (typeof jti !== 'string' || jti === '') return null;
    if (typeof iat !== 'number' || typeof exp !== 'number') return null;
    return { jti, iat, exp };
  } catch {
    return null;
  }
}

/**
 * The storage class with one change: for the client credentials model, a JWT issued by
 * `storeIssuedJwtAccessTokens` is found by its value. Everything else is the base class's.
 */
export function withJwtAccessTokenLookup(
  Base: new (model: string) => Adapter,
): new (model: string) => Adapter {
  return class JwtAccessTokenLookup extends Base {
    readonly #model: string;

    constructor(model: string) {
      super(model);
      this.#model = model;
    }

    override async find(id: string): Promise<AdapterPayload | undefined> {
      const claims = this.#model === CLIENT_CREDENTIALS_MODEL ? claimsOfJwt(id) : null;
      if (claims === null) return super.find(id);
      const stored = await super.find(claims.jti);
      return stored?.[ISSUED_JWT_DIGEST] === sha256(id) ? stored : undefined;
    }
  };
}

/** The parts of oidc-provider's token model this module reads (oidc-provider 8: lib/models). */
interface IssuedToken {
  readonly constructor: { readonly IN_PAYLOAD: readonly string[] };
}

function issuedClientCredentialsToken(ctx: unknown): { token: IssuedToken; value: string } | null {
  if (typeof ctx !== 'object' || ctx === null) return null;
  const { oidc, body } = ctx as { oidc?: { entities?: Record<string, unknown> }; body?: unknown };
  const token = oidc?.entities?.ClientCredentials as Partial<IssuedToken> | undefined;
  const value = (body as { access_token?: unknown } | undefined)?.access_token;
  if (typeof value !== 'string' || !Array.isArray(token?.constructor?.IN_PAYLOAD)) return null;
  return { token: token as IssuedToken, value };
}

/**
 * After each client credentials grant whose token is a JWT, stores what oidc-provider would have
 * stored for an opaque one (the model's payload members: `jti`, `exp`, `clientId`, `scope`, `aud`,
 * a DPoP `jkt`…) under the `jti`, for the token's lifetime. `grant.success` is emitted once the
 * answer's body is set and before it is sent, so the token is stored before the client has it.
 */
export function storeIssuedJwtAccessTokens(
  provider: Provider,
  Store: new (model: string) => Adapter,
): void {
  const store = new Store(CLIENT_CREDENTIALS_MODEL);
  provider.on('grant.success', (ctx: unknown) => {
    const issued = issuedClientCredentialsToken(ctx);
    // An opaque token is no JWT, and oidc-provider has stored it already.
    const claims = issued === null ? null : claimsOfJwt(issued.value);
    if (issued === null || claims === null) return;
    const payload: AdapterPayload = {};
    // Read by name: the instance keeps some members (e.g. `kind`) as getters.
    for (const name of issued.token.constructor.IN_PAYLOAD) {
      const member: unknown = (issued.token as unknown as Record<string, unknown>)[name];
      if (member !== undefined) payload[name] = member;
    }
    // The JWT format computes these while signing and leaves them off the instance.
    Object.assign(payload, claims, { [ISSUED_JWT_DIGEST]: sha256(issued.value) });
    const lifetime = claims.exp - Math.floor(Date.now() / 1000);
    if (lifetime > 0) void store.upsert(claims.jti, payload, lifetime);
  });
}
