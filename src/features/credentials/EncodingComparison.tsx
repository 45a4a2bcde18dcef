import './encoding-comparison.css';
import {
  maskPairSecret,
  type BasicCredentials,
  type CredentialEncoding,
} from '../../core/credentials/credentials.ts';
import { describeEncodingDifference, formEncodingSegments } from './encoding-diff.ts';
import { ENCODING_WORDS } from '../../core/client-auth/choice-labels.ts';

interface EncodingComparisonProps {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Both encodings, from the request model. */
  readonly basicByEncoding: Readonly<Record<CredentialEncoding, BasicCredentials>>;
  readonly secretVisible: boolean;
}

function MarkedValue({ value, side }: { value: string; side: 'raw' | 'encoded' }) {
  return (
    <>
      {formEncodingSegments(value).map((segment, index) =>
        segment.changed ? (
          <mark
            key={index}
            title={`${segment.raw === ' ' ? 'space' : segment.raw} → ${segment.encoded}`}
          >
            {side === 'raw' ? (segment.raw === ' ' ? '␠' : segment.raw) : segment.encoded}
          </mark>
        ) : (
          segment.raw
        ),
      )}
    </>
  );
}

/** Only the masked secret part of a pair (the client ID is shown marked beside it). */
function maskedSecretOf(pair: string): string {
  return maskPairSecret(pair).slice(pair.indexOf(':') + 1);
}

/**
 * When the guide's raw encoding and RFC 6749 §2.3.1 differ, both side by side with the
 * characters that differ marked, and which servers expect which (CredentialsSection shows it only
 * then).
 */
export function EncodingComparison({
  clientId,
  clientSecret,
  basicByEncoding: { raw, form },
  secretVisible,
}: EncodingComparisonProps) {
  return (
    <div className="comparison" role="group" aria-labelledby="comparison-heading">
      <h3 id="comparison-heading">The two encodings differ for these credentials</h3>
      <p>{describeEncodingDifference(clientId, clientSecret, secretVisible).join(' ')}</p>
      <div className="comparison-grid">
        {(['raw', 'encoded'] as const).map((side) => (
          <div key={side}>
            <p className="label">
              {side === 'raw'
                ? `${ENCODING_WORDS.raw.label} (the guide)`
                : ENCODING_WORDS.form.label}
            </p>
            <p className="mono value">
              <MarkedValue value={clientId} side={side} />:
              {secretVisible ? (
                <MarkedValue value={clientSecret} side={side} />
              ) : (
                maskedSecretOf(side === 'raw' ? raw.pair : form.pair)
              )}
            </p>
            <p className="mono value small">{side === 'raw' ? raw.base64 : form.base64}</p>
          </div>
        ))}
      </div>
      {secretVisible ? null : (
        <p className="hint">Show the secret to see which of its characters differ.</p>
      )}
    </div>
  );
}
