import { assertionOf } from '../../core/client-auth/methods.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';

interface ReplayAssertionProps {
  /** The request last sent, with the assertion it carried. */
  readonly sent: TokenRequest | undefined;
  readonly disabled: boolean;
  /** Sends `sent` as it is: the same assertion, not a new one. */
  readonly onReplay: (request: TokenRequest) => void;
}

/**
 * `Send the same assertion again`, after a send that carried a client assertion. RFC 7523 §3 item 7: a server may
 * refuse a jti it has seen. Seeing it refused teaches why the page signs a new assertion for every
 * request.
 */
export function ReplayAssertion({ sent, disabled, onReplay }: ReplayAssertionProps) {
  if (!sent || !assertionOf(sent.clientAuthentication)) return null;
  return (
    <p className="hint">
      Every send signs a new assertion.{' '}
      <button
        type="button"
        className="button button-small"
        disabled={disabled}
        onClick={() => onReplay(sent)}
      >
        Send the same assertion again
      </button>{' '}
      to see a server refuse a replayed one.
    </p>
  );
}
