import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JSONWebKeySet,
} from 'jose';
import { discoveryQuery, type DiscoveryResult, getJsonThroughProxy } from './discovery.ts';
import type { ProxyClientDeps } from './proxy-client.ts';
import { useProxyClientDeps } from './send-token-request.ts';

export type VerificationFailure =
  | 'alg-none'
  | 'unknown-kid'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'unsupported-alg'
  | 'malformed'
  | 'no-keys';

export type Verification =
  | { readonly ok: true; readonly message: 'Signature verified' }
  | { readonly ok: false; readonly code: VerificationFailure; readonly message: string };

function isKeySet(json: unknown): json is JSONWebKeySet {
  return (
    typeof json === 'object' &&
    json !== null &&
    Array.isArray((json as { keys?: unknown }).keys) &&
    (json as { keys: unknown[] }).keys.every((key) => typeof key === 'object' && key !== null)
  );
}

const fail = (code: VerificationFailure, message: string): Verification => ({
  ok: false,
  code,
  message,
});

/**
 * Verifies a JWT access token against an issuer's JWKS (RFC 9068 §4): the signature with the key
 * named by `kid`, then `exp`/`nbf` against `nowMs`, then `iss` when `expectedIssuer` is not empty.
 * `alg: none` is refused before anything else (RFC 9068 §2.1, RFC 8725 §3.1).
 *
 * Does NOT check `aud` or scopes (each API has its own; the page checks `aud` separately), and
 * does NOT fetch: the key set is given. Never throws: each failure is a precise sentence.
 */
export async function verifyWithKeySet(
  token: string,
  keySet: unknown,
  expectedIssuer: string,
  nowMs: number,
): Promise<Verification> {
  let alg: unknown;
  let kid: unknown;
  try {
    ({ alg, kid } = decodeProtectedHeader(token));
  } catch {
    return fail('malformed', 'Not verified: the token header is not readable JSON.');
  }
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none') {
    return fail(
      'alg-none',
      'Not verified: the header says alg "none" (an unsigned token). Never accept one (RFC 8725 §3.1).',
    );
  }
  if (!isKeySet(keySet)) {
    return fail(
      'no-keys',
      "Not verified: the issuer's jwks_uri did not return a JSON Web Key Set.",
    );
  }
  const issuer = expectedIssuer.trim();
  try {
    await jwtVerify(token, createLocalJWKSet(keySet), {
      currentDate: new Date(nowMs),
      ...(issuer === '' ? {} : { issuer }),
    });
    return { ok: true, message: 'Signature verified' };
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) {
      return fail(
        'unknown-kid',
        `Not verified: unknown kid. No key in the issuer's JWKS matches kid ${typeof kid === 'string' ? `"${kid}"` : '(none)'} with alg ${alg}: the token was signed by another server or with a key it has since rotated away.`,
      );
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return fail(
        'bad-signature',
        'Not verified: bad signature. The key named by kid does not confirm this signature: the token was altered or cut short.',
      );
    }
    if (error instanceof errors.JWTExpired) {
      return fail(
        'expired',
        'Signature valid, but the token has expired (exp is in the past): an API refuses it. Request a new one.',
      );
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === 'iss') {
        return fail(
          'wrong-issuer',
          `Signature valid, but from the wrong issuer: iss is not ${issuer}.`,
        );
      }
      if (error.claim === 'nbf') {
        return fail('not-yet-valid', 'Signature valid, but the token is not valid yet (nbf).');
      }
      return fail('malformed', `Not verified: the ${error.claim} claim is malformed.`);
    }
    if (error instanceof errors.JOSENotSupported || error instanceof errors.JOSEAlgNotAllowed) {
      return fail(
        'unsupported-alg',
        `Not verified: the algorithm ${alg} is not supported by this browser check.`,
      );
    }
    if (error instanceof errors.JWKSMultipleMatchingKeys) {
      return fail(
        'unknown-kid',
        'Not verified: the token names no kid and the JWKS holds several keys for its algorithm.',
      );
    }
    return fail('malformed', 'Not verified: the token is not a well-formed signed JWT.');
  }
}

/**
 * Finds the issuer's JWKS (discovery, then `jwks_uri`, both through the proxy) and verifies the
 * token with it. Never throws.
 */
export async function verifyAgainstIssuer(
  token: string,
  issuer: string,
  deps: ProxyClientDeps,
  discover: () => Promise<DiscoveryResult>,
  nowMs: number,
): Promise<Verification> {
  const discovery = await discover();
  if (discovery.kind === 'failed') {
    return fail('no-keys', `Not verified: the issuer's keys were not found. ${discovery.reason}`);
  }
  const jwksUri = discovery.metadata.jwks_uri;
  if (jwksUri === undefined) {
    return fail('no-keys', 'Not verified: the issuer publishes no jwks_uri in its metadata.');
  }
  const keys = await getJsonThroughProxy(jwksUri, deps);
  if (!keys.ok) {
    return fail(
      'no-keys',
      `Not verified: the JWKS at ${jwksUri} could not be read (${keys.outcome}).`,
    );
  }
  return verifyWithKeySet(token, keys.json, issuer, nowMs);
}

/** The first part of every verification query's key; the token follows it. */
export const VERIFY_QUERY_KEY = ['verify'] as const;

/**
 * The verification of `token` against `issuer`'s keys, run once per token and issuer. `gcTime: 0`:
 * the token leaves the query cache as soon as no view shows it.
 */
export function useTokenVerification(token: string, issuer: string, enabled: boolean) {
  const deps = useProxyClientDeps();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...VERIFY_QUERY_KEY, token, issuer.trim()],
    queryFn: () =>
      verifyAgainstIssuer(
        token,
        issuer.trim(),
        deps,
        () => queryClient.fetchQuery(discoveryQuery(issuer, deps)),
        Date.now(),
      ),
    enabled: enabled && issuer.trim() !== '',
    gcTime: 0,
    staleTime: Infinity,
    retry: 0,
  });
}
