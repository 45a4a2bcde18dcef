import type { Explanation } from '../../core/explanation.ts';
import type { TokenSuccess } from '../../core/token/token-response.ts';

/** `3600` → "3600 seconds (1 hour)": the raw figure as sent, and what it means for a person. */
function describeLifetime(seconds: number): string {
  const units: ReadonlyArray<readonly [number, string]> = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  const unit = units.find(([size]) => seconds >= size && seconds % size === 0);
  if (!unit) return `${seconds} seconds`;
  const count = seconds / unit[0];
  return `${seconds} seconds (${count} ${unit[1]}${count === 1 ? '' : 's'})`;
}

/**
 * Explains an RFC 6749 §5.1 success in one line: what kind of token, for how long, for which
 * scope, and how to use it. `requestedScope` is the scope the request asked for: §5.1 lets the
 * server leave `scope` out when it granted exactly that.
 *
 * Does NOT verify or decode the token (a JWT access token is only decoded for display elsewhere);
 * `checks` are the deviations from §5.1 the parser noticed (`remarks`).
 */
export function explainTokenSuccess(
  token: TokenSuccess,
  requestedScope: string,
  remarks: readonly string[],
  sentDpopProof = false,
): Explanation {
  // RFC 6749 §7.1 / RFC 6750: the type is case-insensitive, and Bearer is the usual one.
  const type = token.token_type.toLowerCase();
  const lifetime =
    token.expires_in !== undefined ? `, valid for ${describeLifetime(token.expires_in)}` : '';
  const scope = token.scope
    ? `, with the scope "${token.scope}"`
    : requestedScope !== ''
      ? ', with the scope you asked for (the server did not list it, RFC 6749 §5.1)'
      : '';
  // Another type is already a remark of the parser: no usage line to contradict it.
  const usage =
    type === 'dpop'
      ? ' It is bound to this page\'s DPoP key: send it to your API as "Authorization: DPoP <token>" with a new proof for each call, which carries the token\'s hash in ath; sent as Bearer it is refused (RFC 9449 §7.1).'
      : type !== 'bearer'
        ? ''
        : sentDpopProof
          ? ' The request carried a DPoP proof, yet the server issued a Bearer token: it did not bind the token to the key (it may not support DPoP, or not for this client; RFC 9449 §5). Send it to your API as "Authorization: Bearer <token>" (RFC 6750).'
          : ' Send it to your API as "Authorization: Bearer <token>" (RFC 6750).';
  return {
    meaning: `A ${token.token_type} token${lifetime}${scope}.${usage}`,
    checks: remarks,
  };
}
