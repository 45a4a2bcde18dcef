import { useId, useState } from 'react';
import {
  DEFAULT_ASSERTION_LIFETIME_SECONDS,
  MAX_ASSERTION_LIFETIME_SECONDS,
  type AssertionClaims,
  type AssertionHeader,
  type SignedAssertion,
} from '../../core/client-auth/client-assertion.ts';
import { JwtParts } from '../../components/JwtParts.tsx';
import { useTimePassed } from '../../components/use-time-passed.ts';
import { jwtMemberRows, MeaningTable } from '../../components/MeaningTable.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import { assertionOf } from '../../core/client-auth/methods.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';
import './client-assertion.css';
import { useSignedAssertion } from './use-signed-assertion.ts';

interface AssertionViewProps {
  /** The request model; its method signs a client assertion. */
  readonly request: TokenRequest;
  /** What to say instead of an assertion while there is none ("Enter a client ID"). */
  readonly missing: string | null;
  readonly onLifetimeChange: (seconds: number) => void;
  /** A new assertion signed for the request's inputs, or null when none can be signed. */
  readonly onAssertion: (assertion: SignedAssertion | null) => void;
}

const HEADER_MEANING: Record<keyof AssertionHeader, string> = {
  alg: 'The signature algorithm (RS256: RSA with SHA-256; ES256: ECDSA P-256 with SHA-256; HS256: HMAC with SHA-256 keyed by the client secret).',
  kid: 'Which of the client’s public keys verifies the signature; the server looks it up in the keys registered for the client (absent for a secret: the client has one).',
  typ: 'A JWT (RFC 7519 §5.1).',
};

const CLAIM_MEANING: Record<keyof AssertionClaims, string> = {
  iss: 'Issuer: the client itself, so its client ID (RFC 7523 §3; OIDC Core §9).',
  sub: 'Subject: also the client ID; the server identifies the client by it.',
  aud: 'Audience: the token endpoint, exactly as the request is sent; a server refuses an assertion meant for another URL.',
  iat: 'Issued at: when the page signed it.',
  exp: 'Expires: after this the server refuses it (Okta also refuses one valid for more than an hour).',
  jti: 'A random ID, new for every assertion: a server that remembers it refuses the same assertion twice.',
};

function localTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toLocaleTimeString();
}

/**
 * The client assertion the request carries (RFC 7523 §3): encoded, in its three coloured parts,
 * and decoded, each header member and claim explained; its lifetime, and when it expires. Loaded
 * only when a method that signs one is chosen.
 */
export function AssertionView(props: AssertionViewProps) {
  const { request, missing, onLifetimeChange, onAssertion } = props;
  const assertion = assertionOf(request.clientAuthentication);
  const lifetimeSeconds = request.input.assertionLifetime ?? DEFAULT_ASSERTION_LIFETIME_SECONDS;
  // Signs whenever what the assertion names changes; Sign a new assertion signs again.
  const { signNew } = useSignedAssertion(request, onAssertion);
  const legendId = useId();
  const lifetimeId = useId();
  const [minutesText, setMinutesText] = useState(String(lifetimeSeconds / 60));

  function changeMinutes(text: string) {
    setMinutesText(text);
    const minutes = Number(text);
    if (text.trim() !== '' && Number.isFinite(minutes) && minutes > 0)
      onLifetimeChange(Math.min(MAX_ASSERTION_LIFETIME_SECONDS, Math.round(minutes * 60)));
  }
  const minutes = Number(minutesText);
  const lifetimeNotice =
    minutesText.trim() === '' || !Number.isFinite(minutes) || minutes <= 0
      ? 'Enter a number of minutes above 0; the last valid lifetime is kept meanwhile.'
      : minutes * 60 > MAX_ASSERTION_LIFETIME_SECONDS
        ? 'At most 60 minutes: Okta refuses an assertion valid for longer than an hour, so the page signs for 60.'
        : null;

  return (
    <section className="assertion" aria-labelledby={`${legendId}-heading`}>
      <h3 id={`${legendId}-heading`}>Client assertion ({request.input.authMethod})</h3>
      <OutputField
        id="client-assertion"
        label="Client assertion"
        value={assertion?.jwt ?? ''}
        missing={assertion ? null : missing}
        copyable
        describedBy={legendId}
        actions={
          signNew ? (
            <button type="button" className="button button-small" onClick={signNew}>
              Sign a new assertion
            </button>
          ) : undefined
        }
      >
        {assertion ? <JwtParts jwt={assertion.jwt} /> : null}
      </OutputField>
      <p id={legendId} className="hint jwt-legend">
        Sent as <code>client_assertion</code>, beside{' '}
        <code>client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer</code>,
        in three parts: <span className="jwt-header">header</span>,{' '}
        <span className="jwt-payload">claims</span>,{' '}
        <span className="jwt-signature">signature</span>. No Authorization header (
        <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3">RFC 6749 §2.3</a>: one method
        per request).
      </p>
      {assertion ? <AssertionExpiryNote assertion={assertion} /> : null}
      {assertion ? (
        <>
          <MeaningTable
            caption="Header"
            rows={jwtMemberRows(Object.entries(assertion.header), HEADER_MEANING)}
          />
          <MeaningTable
            caption="Claims"
            rows={jwtMemberRows(Object.entries(assertion.claims), CLAIM_MEANING)}
          />
        </>
      ) : null}
      <div className="field">
        <label htmlFor={lifetimeId} className="label">
          Assertion lifetime (minutes)
        </label>
        <input
          id={lifetimeId}
          className="input assertion-lifetime"
          type="number"
          min={1}
          max={60}
          step={1}
          inputMode="numeric"
          value={minutesText}
          aria-describedby={`${lifetimeId}-hint`}
          onChange={(event) => changeMinutes(event.target.value)}
        />
        <p id={`${lifetimeId}-hint`} className={lifetimeNotice ? 'notice notice-warning' : 'hint'}>
          {lifetimeNotice ?? 'Five minutes by default; at most 60 (Okta refuses longer).'}
        </p>
      </div>
    </section>
  );
}

/**
 * "Expires at 14:05:12, single use": said beside the assertion and under the commands that carry
 * it, so nobody reuses a copied command and wonders why it stopped working.
 */
export function AssertionExpiryNote({ assertion }: { readonly assertion: SignedAssertion }) {
  const expired = useTimePassed(assertion.claims.exp);
  return (
    <p className={expired ? 'notice notice-warning' : 'notice notice-info'} role="note">
      {expired ? (
        <>
          This client assertion expired at {localTime(assertion.claims.exp)} (local time): a server
          refuses it now. Sign a new assertion before copying a command; Send signs one anyway.
        </>
      ) : (
        <>
          The client assertion in this request expires at {localTime(assertion.claims.exp)} (local
          time) and is single use: run a copied command once, before then. Send token request always
          signs a new one.
        </>
      )}
    </p>
  );
}
