import {
  EmbeddedJWK,
  calculateJwkThumbprint,
  decodeProtectedHeader,
  jwtVerify,
  type JWK,
  type JWTPayload,
} from 'jose';
import { accessTokenHash } from '../../src/core/dpop/ath.ts';
import { dpopHtu } from '../../src/core/dpop/htu.ts';
import {
  DEMO_API_DPOP_ALGS,
  DPOP_PROOF_MAX_AGE_SECONDS,
  DPOP_PROOF_MAX_FUTURE_SECONDS,
} from './constants.ts';

/**
 * Why a proof is refused, and which RFC 9449 §7.1 error that is: a proof that fails a check of
 * §4.3 is `invalid_dpop_proof`; a proof that is fine but does not match the token is the token's
 * problem only when the token is not bound (handled by the caller).
 */
export interface ProofRefusal {
  readonly ok: false;
  readonly reason: string;
}

export type ProofCheck = { readonly ok: true } | ProofRefusal;

export interface ProofExpectations {
  /** The request's method (`htm`, RFC 9449 §4.3 item 8). */
  readonly method: string;
  /** The URL the request was received at (`htu`, §4.3 item 9). */
  readonly url: string;
  /** The access token the proof must name (`ath`, §4.3 item 10), and its `cnf.jkt` (§6.1). */
  readonly accessToken: string;
  readonly boundThumbprint: string;
  readonly nowSeconds: number;
}

const refuse = (reason: string): ProofRefusal => ({ ok: false, reason });

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

/**
 * The checks of RFC 9449 §4.3 on one DPoP proof at a resource server (§7.1), in the order a
 * reader would fix them: its form, its signature by the key it carries, `htm`, `htu`, `iat`,
 * `ath`, and the key against the token's `cnf.jkt`. Each refusal says which claim and both values.
 *
 * Does NOT check `jti` reuse (the caller remembers accepted proofs, so a refused one does not
 * use up its `jti`) and does NOT ask for a nonce (docs/decisions/301-demo-api-proof-window.md).
 */
export async function checkDpopProof(
  proof: string,
  expected: ProofExpectations,
): Promise<ProofCheck & { readonly jti?: string; readonly iat?: number }> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(proof);
  } catch {
    return refuse('The DPoP header is not a JWT (three base64url parts separated by dots).');
  }
  if (header.typ !== 'dpop+jwt')
    return refuse(
      `The proof's typ header is ${header.typ === undefined ? 'missing' : String(header.typ)}; a DPoP proof has typ dpop+jwt.`,
    );
  if (typeof header.alg !== 'string' || !DEMO_API_DPOP_ALGS.includes(header.alg))
    return refuse(
      `The proof is signed with ${String(header.alg)}; this API verifies ${DEMO_API_DPOP_ALGS.join(' and ')}.`,
    );
  const jwk: JWK | undefined = header.jwk;
  if (jwk === undefined) return refuse('The proof has no jwk header: the public key is missing.');
  if (PRIVATE_MEMBERS.some((member) => member in jwk))
    return refuse(
      'The jwk header of the proof holds a private key member: a proof carries the public key only. Make a new key pair; this one is no longer private.',
    );
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(proof, EmbeddedJWK, {
      algorithms: [...DEMO_API_DPOP_ALGS],
      typ: 'dpop+jwt',
    }));
  } catch {
    return refuse("The proof's signature does not verify with the key in its own jwk header.");
  }
  const { jti, htm, htu, iat, ath } = claims;
  if (typeof jti !== 'string' || jti === '') return refuse('The proof has no jti claim.');
  if (htm !== expected.method)
    return refuse(
      `The proof's htm is ${String(htm)}, but this request is a ${expected.method}: sign a proof for each method.`,
    );
  const receivedAt = dpopHtu(expected.url);
  const claimed = typeof htu === 'string' ? dpopHtu(htu) : null;
  if (claimed === null || claimed !== receivedAt)
    return refuse(
      `The proof's htu is ${String(htu)}, but this request was received at ${String(receivedAt)} (compared without query and fragment).`,
    );
  if (typeof iat !== 'number') return refuse('The proof has no iat claim.');
  const age = expected.nowSeconds - iat;
  if (age > DPOP_PROOF_MAX_AGE_SECONDS)
    return refuse(
      `The proof was made ${age} s ago (iat ${iat}); this API accepts proofs up to ${DPOP_PROOF_MAX_AGE_SECONDS} s old: sign a new one for each call, or check the clock of the machine that signs.`,
    );
  if (-age > DPOP_PROOF_MAX_FUTURE_SECONDS)
    return refuse(
      `The proof's iat ${iat} is ${-age} s ahead of this server's clock (at most ${DPOP_PROOF_MAX_FUTURE_SECONDS} s allowed): the clock of the machine that signs is fast.`,
    );
  if (ath === undefined)
    return refuse(
      'The proof has no ath claim: at an API a proof names the access token it goes with, ath = base64url(SHA-256(token)).',
    );
  const hash = await accessTokenHash(expected.accessToken);
  if (ath !== hash)
    return refuse(
      `The proof's ath is ${String(ath)}, but the SHA-256 of the access token sent is ${hash}: the proof was made for another token.`,
    );
  const thumbprint = await calculateJwkThumbprint(jwk);
  if (thumbprint !== expected.boundThumbprint)
    return refuse(
      `The proof is signed by a key whose thumbprint is ${thumbprint}, but the token is bound to ${expected.boundThumbprint} (cnf.jkt): sign with the key the token was issued for.`,
    );
  return { ok: true, jti, iat };
}
