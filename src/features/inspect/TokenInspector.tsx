import '../../components/explanation.css';
import './inspector.css';
import { JwtParts } from '../../components/JwtParts.tsx';
import { MeaningTable } from '../../components/MeaningTable.tsx';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { type ReactNode, useEffect, useId, useState } from 'react';
import {
  checkClaims,
  describeRelative,
  type ExpectedClaims,
  explainClaim,
  explainHeaderParameter,
  explainUnreadableToken,
  splitJws,
  TIME_CLAIMS,
} from './token-claims.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useTokenVerification } from '../../services/verify-token.ts';
import { describeKeyBinding, keyBindingOf } from '../../core/dpop/binding.ts';
import type { DpopKeyPair } from '../../services/dpop.ts';
import { NextCall } from './NextCall.tsx';

interface TokenInspectorProps {
  readonly token: string;
  /** The accessible name of the token's output: `Access token` under a token response. */
  readonly label: string;
  /** The issuer the token should come from, as far as the page knows; editable here. */
  readonly suggestedIssuer: string;
  /** The `token_type` of the answer that issued it, when it came from a token response. */
  readonly tokenType?: string | null;
  /** The page's DPoP key pair (RFC 9449), to compare with `cnf.jkt` and to sign the next call's proof. */
  readonly dpopKey?: DpopKeyPair | null;
  /** The demo server's API, offered for the next call. */
  readonly demoApiUrl?: string | null;
}

/** The clock, ticking once a second, for "expires in 59 min". */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

interface Decoded {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
}

/** The header and claims as the token states them (not verified: that is below). */
function decode(token: string): Decoded | null {
  try {
    return { header: decodeProtectedHeader(token), payload: decodeJwt(token) };
  } catch {
    return null;
  }
}

/** "expires in 59 min", kept current. Only this text re-renders each second, not the tables. */
function RelativeTime({ epoch, kind }: { epoch: number; kind: 'expiry' | 'moment' }) {
  const now = useNow();
  return <>{describeRelative(epoch, now, kind)}</>;
}

function formatValue(name: string, value: unknown): ReactNode {
  if (TIME_CLAIMS.includes(name) && typeof value === 'number') {
    const local = new Date(value * 1000).toLocaleString();
    return (
      <>
        {value} = {local} (
        <RelativeTime epoch={value} kind={name === 'exp' ? 'expiry' : 'moment'} />)
      </>
    );
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `iss`, `aud`, `exp`, `nbf` against the inputs and the clock, re-checked each second. */
function ClaimChecks({
  payload,
  expected,
}: {
  payload: Record<string, unknown>;
  expected: ExpectedClaims;
}) {
  const now = useNow();
  return (
    <ul className="claim-checks" aria-label="Claim checks">
      {checkClaims(payload, expected, now).map((check) => (
        <li key={check.claim} className={check.ok ? 'check-ok' : 'check-failed'}>
          <strong>{check.ok ? 'OK:' : 'Problem:'}</strong> {check.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * One access token, understood: its parts in colour, header and claims explained, times in local
 * time with a live countdown, `iss`/`aud` against what the user expects, the signature checked
 * against the issuer's published keys, and the call to make with it. Used by the "Inspect a token"
 * tool and under every token response.
 */
export function TokenInspector(props: TokenInspectorProps) {
  const { token, label, suggestedIssuer, tokenType = null, dpopKey = null } = props;
  const id = useId();
  const [editedIssuer, setEditedIssuer] = useState<string | null>(null);
  const [audience, setAudience] = useState('');
  const parts = splitJws(token);
  const decoded = parts ? decode(token) : null;
  const expectedIssuer = editedIssuer ?? suggestedIssuer;
  const tokenIssuer =
    decoded && typeof decoded.payload['iss'] === 'string' ? decoded.payload['iss'] : '';
  // Without an expected issuer, the token's own iss says where its keys are: the signature is
  // still checked, but only that this issuer signed it (the hint says so).
  const keysIssuer = expectedIssuer.trim() !== '' ? expectedIssuer : tokenIssuer;
  const verification = useTokenVerification(token, keysIssuer, decoded !== null);
  const expiresAt =
    decoded && typeof decoded.payload['exp'] === 'number' ? decoded.payload['exp'] : null;
  const legendId = `${id}-legend`;
  const binding = keyBindingOf(decoded?.payload ?? null, tokenType, dpopKey?.thumbprint ?? null);
  const bindingText = describeKeyBinding(binding);

  return (
    <div className="inspector">
      <OutputField
        id={`${id}-token`}
        label={label}
        value={token}
        describedBy={parts ? legendId : undefined}
        actions={<CopyButton label={`Copy ${label.toLowerCase()}`} value={token} />}
      >
        {parts ? <JwtParts jwt={token} /> : null}
      </OutputField>
      {parts ? (
        <p id={legendId} className="hint jwt-legend">
          In three parts, separated by dots: <span className="jwt-header">header</span>,{' '}
          <span className="jwt-payload">payload (the claims)</span>,{' '}
          <span className="jwt-signature">signature</span>.
        </p>
      ) : null}

      {decoded === null ? (
        <p className="explanation explanation-info">
          {parts
            ? 'This looks like a JWT, but its header or payload is not readable JSON: it is either cut short or not a JWT. '
            : ''}
          {explainUnreadableToken(token)}
        </p>
      ) : (
        <>
          <div className="field-grid">
            <TextField
              id={`${id}-issuer`}
              label="Expected issuer"
              value={expectedIssuer}
              inputMode="url"
              placeholder="https://{yourOktaDomain}/oauth2/default"
              onChange={setEditedIssuer}
              hint={
                expectedIssuer.trim() === ''
                  ? "Empty: the keys are fetched from the token's own iss, which proves only that this issuer signed it."
                  : "The keys are fetched from this issuer's metadata (jwks_uri) through the proxy."
              }
            />
            <TextField
              id={`${id}-audience`}
              label="Expected audience"
              value={audience}
              placeholder="api://default"
              onChange={setAudience}
              hint="Your API's audience, to check aud (Okta's default server: api://default)."
            />
          </div>
          <div role="status" aria-label="Signature" className="verification">
            {verification.isPending ? (
              keysIssuer.trim() === '' ? (
                <p className="notice notice-warning">
                  Not verified: the token names no issuer. Enter the expected issuer.
                </p>
              ) : (
                <p>Checking the signature against the issuer&apos;s keys…</p>
              )
            ) : verification.data?.ok ? (
              <p className="verified">
                <strong>{verification.data.message}</strong>
              </p>
            ) : (
              <p className="notice notice-error">
                {verification.data?.message ?? 'Not verified: the check could not run.'}
              </p>
            )}
          </div>
          <ClaimChecks payload={decoded.payload} expected={{ issuer: expectedIssuer, audience }} />
          {bindingText ? (
            <p className={`key-binding ${bindingText.ok ? 'verified' : 'notice notice-error'}`}>
              <strong>Key binding (DPoP):</strong> {bindingText.text}
            </p>
          ) : null}
          <MeaningTable
            caption="Header"
            rows={Object.entries(decoded.header).map(([name, value]) => ({
              name,
              value: formatValue(name, value),
              meaning: explainHeaderParameter(name),
            }))}
          />
          <MeaningTable
            caption="Claims"
            rows={Object.entries(decoded.payload).map(([name, value]) => ({
              name,
              value: formatValue(name, value),
              meaning: explainClaim(name),
            }))}
          />
        </>
      )}
      {decoded === null && bindingText ? (
        <p className="key-binding verified">
          <strong>Key binding (DPoP):</strong> {bindingText.text}
        </p>
      ) : null}
      <NextCall
        token={token}
        expiresAt={expiresAt}
        bound={binding.kind !== 'unbound'}
        dpopKey={dpopKey}
        demoApiUrl={props.demoApiUrl}
      />
    </div>
  );
}
