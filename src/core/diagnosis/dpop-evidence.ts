import { readJwt, type JwtReading } from '../encoding/jws.ts';
import type { HeaderList } from '../request/token-request.ts';

/*
 * What a request carried about DPoP (RFC 9449), read from the request as sent: its `DPoP` proof
 * and, at an API, the access token of `Authorization: DPoP|Bearer`. Decoding only (base64url and
 * JSON, RFC 7515 §7.1): nothing here verifies a signature or computes a hash, so the words built
 * on it say what the request carried, never that a signature is right.
 */

/** The value of a header of the request as sent, by name in any case (RFC 9110 §5.1). */
export function headerOf(headers: HeaderList, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find(([each]) => each.toLowerCase() === wanted)?.[1];
}

/** The `DPoP` proof a request carried, decoded, or `null` for none, `undefined` for an unreadable one. */
export function dpopProofOf(headers: HeaderList): JwtReading | null | undefined {
  const proof = headerOf(headers, 'dpop');
  return proof === undefined ? null : readJwt(proof);
}

/** A claim as text for a sentence: strings as they are, anything else as JSON, `missing` when absent. */
export function claimText(value: unknown): string {
  if (value === undefined) return 'missing';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Epoch seconds as an ISO 8601 time, for a reader comparing clocks. */
export const isoTime = (seconds: number) => new Date(seconds * 1000).toISOString();

/**
 * The proof's `iat` against the server's clock (the answer's `Date`, RFC 9110 §6.6.1) and the
 * page's (when it sent), in words; `undefined` when the proof has no numeric `iat`.
 */
export function proofTimeInWords(
  iat: unknown,
  answerHeaders: Headers | undefined,
  sentAtMs: number | undefined,
): { readonly words: string; readonly skewSeconds?: number } | undefined {
  if (typeof iat !== 'number') return undefined;
  const date = Date.parse(answerHeaders?.get('date') ?? '');
  const own =
    sentAtMs === undefined
      ? ''
      : ` The page sent it at ${isoTime(Math.floor(sentAtMs / 1000))} by this machine's clock.`;
  if (Number.isNaN(date))
    return {
      words: `The proof's iat is ${iat} (${isoTime(iat)}).${own} The answer has no Date header, so the server's clock is unknown.`,
    };
  const serverNow = Math.floor(date / 1000);
  const skew = iat - serverNow;
  const relation =
    Math.abs(skew) <= 5
      ? 'the two agree within a few seconds'
      : `the proof is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} the server's clock`;
  return {
    words: `The proof's iat is ${iat} (${isoTime(iat)}); the answer's Date says ${isoTime(serverNow)}: ${relation}.${own}`,
    skewSeconds: skew,
  };
}
