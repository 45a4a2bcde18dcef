import { useId, useState } from 'react';
import { readPastedToken } from '../../core/token/read-pasted-token.ts';
import { describeNotAToken, describeRemovedWrappers } from './describe-pasted-token.ts';
import { TokenInspector } from './TokenInspector.tsx';

interface InspectToolProps {
  /** The issuer the Build tool's inputs point at, suggested as the expected issuer. */
  readonly suggestedIssuer: string;
}

/**
 * The "Inspect a token" tool: paste any access token and see what it says, whether its issuer
 * signed it, and how to call an API with it. Nothing is sent but the key lookups (GET, through
 * the proxy); the token itself never leaves the page.
 */
export function InspectTool({ suggestedIssuer }: InspectToolProps) {
  const [pasted, setPasted] = useState('');
  const id = useId();
  // People paste a header line, a curl argument or a whole token response: read it down to the token.
  const reading = readPastedToken(pasted);
  const removedWords = reading.kind === 'token' ? describeRemovedWrappers(reading.removed) : null;
  return (
    <div className="inspect-tool">
      <section aria-labelledby={`${id}-heading`} className="card">
        <h2 id={`${id}-heading`}>Inspect a token</h2>
        <div className="field">
          <label htmlFor={`${id}-token`} className="label">
            Access token
          </label>
          <textarea
            id={`${id}-token`}
            className="input mono token-input"
            rows={5}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            value={pasted}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setPasted(event.target.value)}
          />
          <p id={`${id}-hint`} className="hint">
            Paste a JWT or an opaque access token, an <code>Authorization: Bearer …</code> line, or
            a whole token response. It is decoded in this page and never sent: only the
            issuer&apos;s public keys are fetched, through the playground&apos;s proxy.
          </p>
        </div>
        {reading.kind === 'empty' ? (
          <p className="hint">Nothing to inspect yet.</p>
        ) : reading.kind === 'not-a-token' ? (
          <p className="notice notice-warning" role="status">
            {describeNotAToken(reading.reason)}
          </p>
        ) : (
          <>
            {removedWords ? <p className="notice notice-info">{removedWords}</p> : null}
            <TokenInspector token={reading.token} label="Token" suggestedIssuer={suggestedIssuer} />
          </>
        )}
      </section>
    </div>
  );
}
