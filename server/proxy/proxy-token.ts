import { bytesToBase64 } from '../../src/core/encoding/base64.ts';
import { secretsEqual } from './constant-time.ts';

/** Unpadded base64url (RFC 4648 §5): safe in a header and in JSON without escaping. */
function base64url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A fresh random secret for signing proxy tokens: 256 bits from Web Crypto. What a host uses when
 * no secret is configured (the Node host: one per process, so a restart invalidates old tokens).
 */
export function randomProxyTokenSecret(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** A configured secret shorter than this is refused: an HMAC key must not be guessable. */
export const MIN_PROXY_TOKEN_SECRET_LENGTH = 32;
/** Ten minutes: long enough for a page to renew well before, short enough to age out a leak. */
export const DEFAULT_PROXY_TOKEN_LIFETIME_SECONDS = 600;
/** How far apart two instances' clocks may be before one refuses the other's fresh token. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 60;
/** Expected signatures remembered, so a busy page does not cost an HMAC per proxied call. */
const SIGNATURE_CACHE_SIZE = 256;

export interface IssuedProxyToken {
  readonly token: string;
  /** Seconds until it expires (relative, so the page's clock does not matter). */
  readonly expiresInSeconds: number;
}

export type ProxyTokenCheck =
  | { readonly valid: true }
  | { readonly valid: false; readonly reason: 'malformed' | 'expired' | 'not-ours' };

/** Issues and verifies the proxy tokens of one secret. */
export interface ProxyTokens {
  /** A token for pages served from `origin` (e.g. `https://docs.example`). */
  issue(origin: string): Promise<IssuedProxyToken>;
  /** Whether `token` was issued with this secret, for `origin`, and has not expired. */
  verify(token: string, origin: string): Promise<ProxyTokenCheck>;
}

export interface ProxyTokensOptions {
  /** The HMAC key (UTF-8 bytes of this string). Every instance of one site shares it. */
  secret: string;
  lifetimeSeconds?: number;
  clockSkewSeconds?: number;
  /** Milliseconds since the epoch (tests). Default `Date.now`. */
  now?: () => number;
}

/** `<expiry, Unix seconds>.<HMAC-SHA256, base64url>`: the expiry is readable, the MAC is 43 chars. */
const TOKEN_SHAPE = /^([1-9][0-9]{0,11})\.([A-Za-z0-9_-]{43})$/;

/**
 * Stateless proxy tokens: `expiry.HMAC-SHA256(secret, "proxy-token/v1\n" + origin + "\n" + expiry)`
 * (RFC 2104 through Web Crypto). Any instance holding the secret verifies a token without shared
 * storage, which is what lets many edge isolates serve one site. The origin is signed but not
 * carried: a token issued to one origin is worthless under another, and the token shows nothing
 * about where it came from.
 *
 * Verification recomputes the MAC and compares it in constant time (constant-time.ts); the expiry
 * is checked with `clockSkewSeconds` of tolerance either way, so an instance whose clock runs a
 * little behind or ahead still accepts a fresh token, while one from the far future (a stolen
 * signing key would be needed to make one) is refused.
 *
 * Does NOT revoke: a token stays valid until it expires; rotate the secret to end them all.
 */
export function createProxyTokens(options: ProxyTokensOptions): ProxyTokens {
  const lifetime = options.lifetimeSeconds ?? DEFAULT_PROXY_TOKEN_LIFETIME_SECONDS;
  const skew = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  const now = options.now ?? Date.now;
  const key = crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(options.secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  // Keyed by public data (origin and expiry), so the lookup itself reveals nothing secret.
  const signatures = new Map<string, string>();

  async function signatureFor(origin: string, expiry: number): Promise<string> {
    const message = `proxy-token/v1\n${origin}\n${expiry}`;
    const cached = signatures.get(message);
    if (cached !== undefined) return cached;
    const mac = await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(message));
    const signature = base64url(new Uint8Array(mac));
    if (signatures.size >= SIGNATURE_CACHE_SIZE) {
      const oldest = signatures.keys().next().value;
      if (oldest !== undefined) signatures.delete(oldest);
    }
    signatures.set(message, signature);
    return signature;
  }

  const nowSeconds = () => Math.floor(now() / 1000);

  return {
    async issue(origin) {
      const expiry = nowSeconds() + lifetime;
      return {
        token: `${expiry}.${await signatureFor(origin, expiry)}`,
        expiresInSeconds: lifetime,
      };
    },
    async verify(token, origin) {
      const match = TOKEN_SHAPE.exec(token);
      if (!match) return { valid: false, reason: 'malformed' };
      const expiry = Number(match[1]);
      const expected = await signatureFor(origin, expiry);
      if (!secretsEqual(match[2] ?? '', expected)) return { valid: false, reason: 'not-ours' };
      const current = nowSeconds();
      if (expiry + skew <= current || expiry > current + lifetime + skew) {
        return { valid: false, reason: 'expired' };
      }
      return { valid: true };
    },
  };
}
