import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { MeaningTable } from '../../components/MeaningTable.tsx';
import { CLIENT_AUTH } from '../../core/client-auth/methods.ts';
import type { Explanation } from '../../core/explanation.ts';
import { explainProxyFailure } from '../../core/proxy/proxy-error-help.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';
import {
  readIntrospectionAnswer,
  readRevocationAnswer,
  revokedJwtNote,
  type IntrospectionReading,
  type RevocationReading,
  type TokenLifeAction,
} from '../../core/token/introspection.ts';
import { buildTokenLifeRequest } from '../../core/token/token-life-request.ts';
import {
  issuerForTokenLife,
  tokenLifeEndpoints,
  type TokenLifeEndpoint,
} from '../../core/token/token-life-endpoints.ts';
import { discoveryQuery } from '../../services/discovery.ts';
import { callProxy } from '../../services/proxy-client.ts';
import { useProxyClientDeps } from '../../services/send-token-request.ts';

interface TokenLifeProps {
  /** The access token the token request returned. */
  readonly token: string;
  /** The token request as sent: the same client authentication is used again. */
  readonly sent: TokenRequest;
  /** When the token expires by the token response's `expires_in` (epoch seconds), if it said. */
  readonly expiresAtSeconds: number | null;
}

type Outcome<Reading> =
  | { readonly kind: 'read'; readonly reading: Reading }
  | { readonly kind: 'not-sent'; readonly explanation: Explanation };

const SOURCE_WORDS: Readonly<Record<TokenLifeEndpoint['source'], string>> = {
  metadata: 'listed in the server’s metadata',
  'okta-path': 'Okta’s path beside /v1/token; the server’s metadata did not list it',
  'other-origin':
    'listed on another host than the token endpoint: not called, so the client’s credentials go only where the token request went',
};

/** An endpoint the page calls: known, and on the token endpoint's origin. */
const callable = (endpoint: TokenLifeEndpoint | null): endpoint is TokenLifeEndpoint =>
  endpoint !== null && endpoint.source !== 'other-origin';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A JWS compact serialization (three base64url parts) verifies offline; an opaque token does not. */
const isJwt = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

/**
 * Under an issued token: `Check if active` (RFC 7662) and `Revoke this token` (RFC 7009), each
 * sent through the proxy with the token request's own client authentication (a new assertion,
 * addressed to the endpoint called, for the methods that sign one), to the endpoints the
 * server's metadata lists. Loaded lazily with the answer.
 */
export default function TokenLife({ token, sent, expiresAtSeconds }: TokenLifeProps) {
  const headingId = useId();
  const deps = useProxyClientDeps();
  const issuer = issuerForTokenLife(token, sent.url);
  const discovery = useQuery({ ...discoveryQuery(issuer ?? '', deps), enabled: issuer !== null });
  const metadata = discovery.data?.kind === 'found' ? discovery.data.metadata : null;
  const metadataState: MetadataState =
    issuer === null
      ? { kind: 'no-issuer' }
      : discovery.isPending
        ? { kind: 'looking' }
        : metadata
          ? { kind: 'found' }
          : { kind: 'not-found', issuer };
  // Nothing is said about an endpoint before the metadata has had its say.
  const endpoints =
    metadataState.kind === 'looking'
      ? { introspect: null, revoke: null }
      : tokenLifeEndpoints(sent.url, metadata);
  const [busy, setBusy] = useState<TokenLifeAction | null>(null);
  const [answers, setAnswers] = useState(0);
  const [introspection, setIntrospection] = useState<Outcome<IntrospectionReading> | null>(null);
  const [revocation, setRevocation] = useState<Outcome<RevocationReading> | null>(null);

  async function send(action: TokenLifeAction, endpoint: TokenLifeEndpoint) {
    let input = sent.input;
    if (CLIENT_AUTH[input.authMethod].signsAssertion) {
      // A new single-use assertion whose `aud` is the endpoint called (Okta requires it; RFC 7523 §3).
      const assertion = await import('../../services/sign-assertion.ts')
        .then(({ signAssertionFor }) => signAssertionFor({ ...input, tokenEndpoint: endpoint.url }))
        .catch(() => null);
      if (assertion === null)
        return {
          kind: 'not-sent' as const,
          explanation: {
            meaning: 'Not sent: the page could not sign a new client assertion.',
            checks: ['Check the private key or client secret the token request used.'],
          },
        };
      input = { ...input, clientAssertion: assertion };
    }
    const request = buildTokenLifeRequest(endpoint.url, token, input);
    const result = await callProxy(
      { method: 'POST', target: request.url, headers: request.headers, body: request.body },
      deps,
    );
    if (result.kind === 'proxy-error') {
      const { title, explanation } = explainProxyFailure(result.code, result.message);
      // The proxy's words name the token endpoint; here it was this endpoint.
      const endpointTitle = title.replace('the token endpoint', 'this endpoint');
      return {
        kind: 'not-sent' as const,
        explanation: {
          meaning: `${endpointTitle} ${explanation.meaning}`,
          checks: explanation.checks,
        },
      };
    }
    const context = {
      action,
      endpoint: endpoint.url,
      clientId: sent.input.clientId,
      authMethod: sent.input.authMethod,
      nowSeconds: nowSeconds(),
    };
    return {
      kind: 'read' as const,
      answer: result.answer,
      context,
    };
  }

  async function press(action: TokenLifeAction) {
    const endpoint = endpoints[action];
    if (!callable(endpoint) || busy !== null) return;
    setBusy(action);
    try {
      const sentOutcome = await send(action, endpoint);
      if (action === 'introspect')
        setIntrospection(
          sentOutcome.kind === 'read'
            ? {
                kind: 'read',
                reading: readIntrospectionAnswer(sentOutcome.answer, sentOutcome.context),
              }
            : sentOutcome,
        );
      else {
        const revocationOutcome: Outcome<RevocationReading> =
          sentOutcome.kind === 'read'
            ? {
                kind: 'read',
                reading: readRevocationAnswer(sentOutcome.answer, sentOutcome.context),
              }
            : sentOutcome;
        setRevocation(revocationOutcome);
        // What introspection said before an accepted revocation is out of date: check again.
        if (revocationOutcome.kind === 'read' && revocationOutcome.reading.kind === 'revoked')
          setIntrospection(null);
      }
    } finally {
      setBusy(null);
      setAnswers((count) => count + 1);
    }
  }

  const revoked = revocation?.kind === 'read' && revocation.reading.kind === 'revoked';
  const offlineNote =
    revoked && isJwt(token) ? revokedJwtNote(expiresAtSeconds, nowSeconds()) : null;

  return (
    <section
      aria-labelledby={headingId}
      aria-busy={busy !== null}
      // Changes with every answer: lets a test wait for the new one, never the previous one.
      data-answers={answers}
      className="token-life"
    >
      <h3 id={headingId}>Introspection</h3>
      <p className="hint">
        Ask the server whether this token is still active, or revoke it, with the same client
        authentication as the token request ({sent.input.authMethod}).
      </p>
      <EndpointLine
        name="Introspection endpoint"
        endpoint={endpoints.introspect}
        metadata={metadataState}
      />
      <EndpointLine
        name="Revocation endpoint"
        endpoint={endpoints.revoke}
        metadata={metadataState}
      />
      <div className="token-life-actions">
        <button
          type="button"
          className="button"
          disabled={busy !== null || !callable(endpoints.introspect)}
          onClick={() => void press('introspect')}
        >
          Check if active
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null || !callable(endpoints.revoke)}
          onClick={() => void press('revoke')}
        >
          Revoke this token
        </button>
      </div>
      <div role="status" aria-live="polite">
        {busy === 'introspect' ? <p>Asking the introspection endpoint…</p> : null}
        {busy === 'revoke' ? <p>Sending the revocation…</p> : null}
        {revocation ? <RevocationView outcome={revocation} /> : null}
        {introspection ? <IntrospectionView outcome={introspection} /> : null}
        {offlineNote ? <p className="notice notice-info">{offlineNote}</p> : null}
      </div>
    </section>
  );
}

/** What the page knows of the server's metadata, to say why an endpoint is unknown. */
type MetadataState =
  | { readonly kind: 'looking' | 'found' | 'no-issuer' }
  | { readonly kind: 'not-found'; readonly issuer: string };

const UNKNOWN_ENDPOINT: Readonly<Record<MetadataState['kind'], (issuer: string) => string>> = {
  looking: () => 'looking in the server’s metadata…',
  found: () =>
    'none: the server’s metadata lists none (RFC 8414 §2), so this server may not offer one.',
  'not-found': (issuer) =>
    `unknown: no metadata was found for the issuer ${issuer}; the server’s documentation says whether it has one.`,
  'no-issuer': () =>
    'unknown: neither the token nor the token endpoint says which server issued it, so there is no metadata to read.',
};

function EndpointLine({
  name,
  endpoint,
  metadata,
}: {
  name: string;
  endpoint: TokenLifeEndpoint | null;
  metadata: MetadataState;
}) {
  return (
    <p className="token-life-endpoint">
      {name}:{' '}
      {endpoint ? (
        <>
          <span className="mono">{endpoint.url}</span> ({SOURCE_WORDS[endpoint.source]})
        </>
      ) : (
        UNKNOWN_ENDPOINT[metadata.kind](metadata.kind === 'not-found' ? metadata.issuer : '')
      )}
    </p>
  );
}

function FailureView({ title, explanation }: { title: string; explanation: Explanation }) {
  return (
    <div className="notice notice-error">
      <p>
        <strong>{title}</strong> {explanation.meaning}
      </p>
      {explanation.checks.length > 0 ? (
        <ul>
          {explanation.checks.map((check) => (
            <li key={check}>{check}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function RevocationView({ outcome }: { outcome: Outcome<RevocationReading> }) {
  if (outcome.kind === 'not-sent')
    return <FailureView title="Revocation:" explanation={outcome.explanation} />;
  const { reading } = outcome;
  if (reading.kind === 'failed')
    return <FailureView title="Revocation refused:" explanation={reading.explanation} />;
  return (
    <p className="notice notice-ok">
      <strong>Revoked.</strong> {reading.meaning}
    </p>
  );
}

function IntrospectionView({ outcome }: { outcome: Outcome<IntrospectionReading> }) {
  if (outcome.kind === 'not-sent')
    return <FailureView title="Introspection:" explanation={outcome.explanation} />;
  const { reading } = outcome;
  if (reading.kind === 'failed')
    return <FailureView title="Introspection failed:" explanation={reading.explanation} />;
  if (reading.kind === 'inactive')
    return (
      <p className="notice notice-warning">
        <strong>active: false.</strong> {reading.meaning}
      </p>
    );
  return (
    <>
      <p className="notice notice-ok">
        <strong>active: true.</strong> The server says this token is active now.
      </p>
      {reading.notes.map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
      <MeaningTable
        caption="What the server says about this token"
        rows={reading.rows.map(({ claim, value, meaning }) => ({ name: claim, value, meaning }))}
      />
    </>
  );
}
