import '../../components/facts.css';
import '../../components/explanation.css';
import './response.css';
import { lazy, type ReactNode, type RefObject } from 'react';
import { changesSinceSent } from '../../core/request/answer-freshness.ts';
import type { Diagnosis } from '../../core/diagnosis/causes.ts';
import type { Explanation } from '../../core/explanation.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';
import { explainTokenSuccess } from './token-success-help.ts';
import { LazyPart } from '../../components/LazyPart.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import type {
  SendOutcome,
  UpstreamAnswer,
  useSendTokenRequest,
} from '../../services/send-token-request.ts';
import { ENCODING_WORDS } from '../../core/client-auth/choice-labels.ts';
import type { ClientAuthentication } from '../../core/client-auth/method.ts';
import { assertionOf, CLIENT_AUTH } from '../../core/client-auth/methods.ts';
import { decodeDpopProof } from '../../core/dpop/proof.ts';
import { DiagnosisView } from '../../components/DiagnosisView.tsx';
import { foldCitations } from '../../components/fold-citations.ts';
import { WhyDisclosure } from '../../components/WhyDisclosure.tsx';

interface TokenResponseViewProps {
  readonly mutation: ReturnType<typeof useSendTokenRequest>;
  /** The diagnosis of an answer to the request sent (null when nothing was sent). */
  readonly diagnose: (sent: TokenRequest, outcome: SendOutcome) => Diagnosis | null;
  /** Shown under a failed answer: the "Find what this server accepts" action. */
  readonly afterFailure?: ReactNode;
  /** The request the form describes now, to say when the answer no longer matches it. */
  readonly current: TokenRequest;
  /** Focused after each send (the heading is not in the Tab order: `tabIndex={-1}`). */
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  /** Shows an issued access token (the app passes the token inspector, loaded lazily). */
  readonly renderToken: (token: string, tokenType: string) => ReactNode;
  /** What the page sent before this answer for the same press (the DPoP nonce round trip). */
  readonly earlierAttempts?: ReactNode;
}

// Introspection and revocation load with the first token, not with the page.
const TokenLife = lazy(() => import('./TokenLife.tsx'));

/** Response headers worth showing for a token request (RFC 6749 §5.1 no-store, §5.2 WWW-Authenticate). */
const SHOWN_HEADERS = [
  'content-type',
  'cache-control',
  'pragma',
  'www-authenticate',
  'location',
  'retry-after',
];

/** The `Token response` region: progress, the answer, what it means, and what it answers. */
export function TokenResponseView({
  mutation,
  diagnose,
  current,
  headingRef,
  afterFailure,
  renderToken,
  earlierAttempts,
}: TokenResponseViewProps) {
  const sent = mutation.isPending ? undefined : mutation.variables;
  const outcome = mutation.isPending ? undefined : mutation.data;
  const changed = sent && outcome ? changesSinceSent(sent, current) : [];
  return (
    <section
      aria-labelledby="response-heading"
      aria-busy={mutation.isPending}
      // Changes with every send: lets a test wait for the new answer, never the previous one.
      data-submitted-at={mutation.submittedAt}
      className={changed.length > 0 ? 'card response response-stale' : 'card response'}
    >
      <h2 id="response-heading" tabIndex={-1} ref={headingRef}>
        Token response
      </h2>
      <div role="status">
        {changed.length > 0 ? (
          <p className="notice notice-warning stale-note">
            <strong>Out of date:</strong> {changed.join(', ')} changed since this answer. Send the
            request again to see the answer for the form as it is now.
          </p>
        ) : null}
      </div>
      <div role="status" aria-live="polite">
        {mutation.isPending ? <p>Sending the token request…</p> : null}
        {mutation.isIdle ? <p className="hint">Nothing sent yet.</p> : null}
        {outcome ? earlierAttempts : null}
        {mutation.isError ? (
          <p className="notice notice-error">
            The request could not be completed: {mutation.error.message}
          </p>
        ) : null}
        {outcome && sent ? (
          // Explained against the request that was sent, not the fields as they are now.
          <OutcomeSummary outcome={outcome} sent={sent} diagnosis={diagnose(sent, outcome)} />
        ) : null}
      </div>
      {sent && outcome && outcome.kind !== 'not-sent' ? <SentRequest request={sent} /> : null}
      {outcome?.kind === 'answer' && outcome.answer.parsed.kind !== 'token' ? afterFailure : null}
      {outcome?.kind === 'answer' ? (
        <AnswerDetails answer={outcome.answer} sent={sent} renderToken={renderToken} />
      ) : null}
    </section>
  );
}

/**
 * How the request authenticated, without the secret: the method, where it sent the credential,
 * the encoding when the method has one, and the assertion's `jti` and `kid` when it carried one.
 */
function describeAuthentication(authentication: ClientAuthentication): string {
  const assertion = assertionOf(authentication);
  const details = [
    CLIENT_AUTH[authentication.method].sentIn,
    'encoding' in authentication ? ENCODING_WORDS[authentication.encoding].label : null,
    assertion ? `assertion jti ${assertion.claims.jti}` : null,
    assertion?.header.kid === undefined ? null : `kid ${assertion.header.kid}`,
  ];
  return `${authentication.method} (${details.filter((detail) => detail !== null).join(', ')})`;
}

/** The DPoP proof a request carried, by what tells one from another: its `jti` and nonce. */
function describeProof(proof: string): string {
  const decoded = decodeDpopProof(proof);
  if (decoded === null) return 'a DPoP header that is not a readable proof';
  const { jti, nonce } = decoded.claims;
  return `DPoP proof (${decoded.header.alg}, jti ${jti}, ${nonce === undefined ? 'no nonce' : `nonce ${nonce}`})`;
}

/**
 * What this answer answers, without the secret: method, URL, client, authentication, scope, the
 * parameters beyond RFC 6749 §4.4.2 (audience, resource, others) when there are any, and the DPoP
 * proof when it carried one.
 */
function SentRequest({ request }: { request: TokenRequest }) {
  const { input, clientAuthentication } = request;
  const authentication = describeAuthentication(clientAuthentication);
  return (
    <dl className="facts sent-request" aria-label="Request sent">
      <div className="fact">
        <dt>Request</dt>
        <dd className="mono">
          {request.method} {request.url}
        </dd>
      </div>
      <div className="fact">
        <dt>Client ID</dt>
        <dd className="mono">{input.clientId}</dd>
      </div>
      <div className="fact">
        <dt>Authentication</dt>
        <dd>{authentication}</dd>
      </div>
      <div className="fact">
        <dt>Scope</dt>
        <dd className="mono">{input.scope === '' ? '(none)' : input.scope}</dd>
      </div>
      {input.extraFields && input.extraFields.length > 0 ? (
        <div className="fact">
          <dt>Other parameters</dt>
          <dd className="mono">
            {input.extraFields.map(([name, value]) => `${name}=${value}`).join(' ')}
          </dd>
        </div>
      ) : null}
      {input.dpopProof ? (
        <div className="fact">
          <dt>Proof of possession</dt>
          <dd>{describeProof(input.dpopProof)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function ExplanationBlock({
  title,
  explanation,
  ok,
}: {
  title: string;
  explanation: Explanation;
  ok?: boolean;
}) {
  // Plain words first; the spec references fold under "Why".
  const meaning = foldCitations(explanation.meaning);
  const checks = explanation.checks.map(foldCitations);
  return (
    <div className={ok ? 'explanation explanation-ok' : 'explanation'}>
      <p>
        <strong>{title}</strong> {meaning.plain}
      </p>
      {checks.length > 0 ? (
        <ul>
          {checks.map((check) => (
            <li key={check.plain}>{check.plain}</li>
          ))}
        </ul>
      ) : null}
      <WhyDisclosure citations={[meaning, ...checks].flatMap((folded) => folded.citations)} />
    </div>
  );
}

function OutcomeSummary({
  outcome,
  sent,
  diagnosis,
}: {
  outcome: SendOutcome;
  sent: TokenRequest;
  diagnosis: Diagnosis | null;
}) {
  if (outcome.kind === 'not-sent') return <p className="notice notice-error">{outcome.message}</p>;
  if (outcome.kind === 'proxy-error')
    return diagnosis ? <DiagnosisView title="What it means:" diagnosis={diagnosis} /> : null;
  const { answer } = outcome;
  const { parsed } = answer;
  return (
    <>
      <p className="status-line">
        <span>
          HTTP status: <strong>{answer.status}</strong>
        </span>
        <span>Time: {Math.round(answer.elapsedMs)} ms</span>
      </p>
      {parsed.kind === 'token' ? (
        <ExplanationBlock
          ok
          title="Success: an access token."
          explanation={explainTokenSuccess(
            parsed.token,
            sent.input.scope,
            parsed.remarks,
            Boolean(sent.input.dpopProof),
          )}
        />
      ) : (
        <>
          {parsed.kind === 'oauth-error' ? (
            <p>
              Error <code>{parsed.error.error}</code>
              {parsed.error.error_description ? `: ${parsed.error.error_description}` : ''}
            </p>
          ) : (
            <p>
              <strong>Not a token response.</strong>{' '}
              {parsed.kind === 'okta-error'
                ? `Okta answered with an API error (${parsed.error.errorCode}): ${parsed.error.errorSummary}`
                : parsed.reason}
            </p>
          )}
          {diagnosis ? <DiagnosisView title="What it means:" diagnosis={diagnosis} /> : null}
          {parsed.kind === 'oauth-error'
            ? parsed.remarks.map((remark) => (
                <p key={remark} className="hint">
                  {remark}
                </p>
              ))
            : null}
        </>
      )}
    </>
  );
}

function AnswerDetails({
  answer,
  sent,
  renderToken,
}: {
  answer: UpstreamAnswer;
  /** The request this answers (absent while a new one is being sent). */
  sent: TokenRequest | undefined;
  renderToken: (token: string, tokenType: string) => ReactNode;
}) {
  const { parsed } = answer;
  const headers = SHOWN_HEADERS.flatMap((name) => {
    const value = answer.headers.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  const json =
    'json' in parsed && parsed.json !== undefined ? JSON.stringify(parsed.json, null, 2) : null;

  return (
    <>
      {parsed.kind === 'token'
        ? renderToken(parsed.token.access_token, parsed.token.token_type)
        : null}
      {parsed.kind === 'token' && sent ? (
        <LazyPart name="Introspection" loading={<p>Loading introspection…</p>}>
          <TokenLife
            // A new token starts with nothing checked.
            key={parsed.token.access_token}
            token={parsed.token.access_token}
            sent={sent}
            expiresAtSeconds={
              parsed.token.expires_in === undefined
                ? null
                : Math.floor(answer.sentAt / 1000) + parsed.token.expires_in
            }
          />
        </LazyPart>
      ) : null}
      {headers.length > 0 ? (
        <dl className="facts" aria-label="Response headers">
          {headers.map(([name, value]) => (
            <div key={name} className="fact">
              <dt>{name}</dt>
              <dd className="mono">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <OutputField
        id="response-body"
        label={json !== null ? 'Response body (JSON)' : 'Response body (as received)'}
        value={json ?? (answer.body === '' ? '(empty)' : answer.body)}
        multiline
      />
    </>
  );
}
