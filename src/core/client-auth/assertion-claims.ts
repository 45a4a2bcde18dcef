import { bytesToBase64Url } from '../encoding/base64url.ts';
import {
  clampAssertionLifetime,
  type JwsAlgorithm,
  type AssertionClaims,
  type AssertionHeader,
  type AssertionInput,
} from './client-assertion.ts';

// Apart from client-assertion.ts, which the first screen loads (the request model refers to it):
// making a new assertion is needed only once Private key JWT is chosen.

/** The time and the randomness, injected so tests can fix them. */
export interface AssertionSources {
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** `length` cryptographically random bytes. */
  readonly randomBytes: (length: number) => Uint8Array;
}

export const browserAssertionSources: AssertionSources = {
  now: () => Date.now(),
  randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
};

/** 128 bits: collisions are out of reach however many assertions a server remembers. */
const JTI_BYTES = 16;

/**
 * The claims of a new client assertion (RFC 7523 §3): `iss` = `sub` = the client ID, `aud` = the
 * token endpoint exactly as sent, `iat` now, `exp` after the (clamped) lifetime, a random `jti`.
 *
 * Does NOT sign (see the signer in services) and does NOT check the client ID or URL.
 */
export function buildAssertionClaims(
  input: AssertionInput,
  sources: AssertionSources = browserAssertionSources,
): AssertionClaims {
  const iat = Math.floor(sources.now() / 1000);
  return {
    iss: input.clientId,
    sub: input.clientId,
    aud: input.tokenEndpoint,
    iat,
    exp: iat + clampAssertionLifetime(input.lifetimeSeconds),
    jti: bytesToBase64Url(sources.randomBytes(JTI_BYTES)),
  };
}

/** The JOSE header of an assertion: `kid` only when the key has one (a shared secret has not). */
export function assertionHeader(alg: JwsAlgorithm, kid?: string): AssertionHeader {
  return kid === undefined ? { alg, typ: 'JWT' } : { alg, kid, typ: 'JWT' };
}
