import { dpopHtu } from './htu.ts';
import type { DpopProofClaims, DpopProofHeader } from './proof.ts';

/** A DPoP proof the page signed (RFC 9449 §4.2): the JWT and what it says. */
export interface ShownDpopProof {
  readonly proof: string;
  readonly header: DpopProofHeader;
  readonly claims: DpopProofClaims;
}

/**
 * True when `shown` was signed for this request: its `htm` is the method and its `htu` the URL
 * without query and fragment (RFC 9449 §4.3 checks 8 and 9). Signing is asynchronous, so just
 * after an edit of the URL the last proof may name the old one: it is then not carried.
 */
export function proofFitsRequest(shown: ShownDpopProof, method: string, url: string): boolean {
  const htu = dpopHtu(url.trim());
  return htu !== null && shown.claims.htm === method && shown.claims.htu === htu;
}
