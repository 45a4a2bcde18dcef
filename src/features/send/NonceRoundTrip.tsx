import type { TokenRequest } from '../../core/request/token-request.ts';
import type { UpstreamAnswer } from '../../services/send-token-request.ts';

/** A nonce round trip: the first answer, the nonce it gave, and the request sent again with it. */
export interface NonceRetry {
  readonly answer: UpstreamAnswer;
  readonly nonce: string;
  /** The nonce the refused proof carried (one the server no longer takes), if it carried one. */
  readonly refusedNonce: string | undefined;
  readonly retry: TokenRequest;
}

/** A nonce is an opaque value of the server's: shown shortened, it still tells one from another. */
function shortened(nonce: string): string {
  return nonce.length > 16 ? `${nonce.slice(0, 12)}…` : nonce;
}

/**
 * The nonce round trip of RFC 9449 §8, as it happened: the first request, refused with
 * `use_dpop_nonce` and a nonce, and the second, sent by the page with a new proof carrying it,
 * whose answer follows.
 */
export function NonceRoundTrip({ retry }: { readonly retry: NonceRetry }) {
  const { answer, nonce, refusedNonce } = retry;
  const parsed = answer.parsed;
  const description =
    parsed.kind === 'oauth-error' && parsed.error.error_description
      ? ` ("${parsed.error.error_description}")`
      : '';
  return (
    <ol className="round-trip" aria-label="DPoP nonce round trip">
      <li>
        <strong>First request:</strong>{' '}
        {refusedNonce === undefined ? (
          'a proof without a nonce.'
        ) : (
          <>
            a proof with the nonce <code>{shortened(refusedNonce)}</code>, which the server no
            longer takes.
          </>
        )}{' '}
        Answer: HTTP {answer.status} <code>use_dpop_nonce</code>
        {description} with <code>DPoP-Nonce: {shortened(nonce)}</code>. What it taught: this server
        wants proofs to repeat a nonce it chose, and this is the one to use now.
      </li>
      <li>
        <strong>Second request</strong>, sent by the page at once: the same request with a new proof
        (new <code>jti</code> and <code>iat</code>) carrying <code>nonce</code>. Its answer is
        below. Later proofs to this server carry the nonce too, until it gives a new one.
      </li>
    </ol>
  );
}
