import { decodeJwt } from '../../core/jwt-decode.ts';
import { explainProxyFailure } from '../../core/proxy-error-help.ts';
import type { DemoServerInfo } from '../../core/proxy-protocol.ts';
import {
  explainOktaApiError,
  explainTokenError,
  type Explanation,
  requestContextOf,
  type RequestContext,
} from '../../core/token-error-help.ts';
import { explainTokenSuccess } from '../../core/token-success-help.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import type {
  SendOutcome,
  UpstreamAnswer,
  useSendTokenRequest,
} from '../../services/send-token-request.ts';

interface TokenResponseViewProps {
  readonly mutation: ReturnType<typeof useSendTokenRequest>;
  /** The session's demo server, to recognise a request sent to it (no Okta advice then). */
  readonly demo: DemoServerInfo | null;
}

/** Response headers worth showing for a token request (RFC 6749 §5.1 no-store, §5.2 WWW-Authenticate). */
const SHOWN_HEADERS = [
  'content-type',
  'cache-control',
  'pragma',
  'www-authenticate',
  'location',
  'retry-after',
];

/** The `Token response` region: progress, the answer, and what it means. */
export function TokenResponseView({ mutation, demo }: TokenResponseViewProps) {
  return (
    <section aria-labelledby="response-heading" aria-busy={mutation.isPending} className="card">
      <h2 id="response-heading">Token response</h2>
      <div role="status" aria-live="polite">
        {mutation.isPending ? <p>Sending the token request…</p> : null}
        {mutation.isIdle ? <p className="hint">Nothing sent yet.</p> : null}
        {mutation.isError ? (
          <p className="notice notice-error">
            The request could not be completed: {mutation.error.message}
          </p>
        ) : null}
        {mutation.data && mutation.variables && !mutation.isPending ? (
          // Explained against the request that was sent, not the fields as they are now.
          <OutcomeSummary
            outcome={mutation.data}
            context={requestContextOf(mutation.variables, demo)}
          />
        ) : null}
      </div>
      {mutation.data?.kind === 'answer' && !mutation.isPending ? (
        <AnswerDetails answer={mutation.data.answer} />
      ) : null}
    </section>
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
  return (
    <div className={ok ? 'explanation explanation-ok' : 'explanation'}>
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

function OutcomeSummary({ outcome, context }: { outcome: SendOutcome; context: RequestContext }) {
  if (outcome.kind === 'not-sent') return <p className="notice notice-error">{outcome.message}</p>;
  if (outcome.kind === 'proxy-error') {
    const { title, explanation } = explainProxyFailure(outcome.code, outcome.message);
    return <ExplanationBlock title={title} explanation={explanation} />;
  }
  const { answer } = outcome;
  const { parsed } = answer;
  const statusLine = (
    <p className="status-line">
      <span>
        HTTP status: <strong>{answer.status}</strong>
      </span>
      <span>Time: {Math.round(answer.elapsedMs)} ms</span>
    </p>
  );
  switch (parsed.kind) {
    case 'token':
      return (
        <>
          {statusLine}
          <ExplanationBlock
            ok
            title="Success: an access token."
            explanation={explainTokenSuccess(parsed.token, context.scope, parsed.remarks)}
          />
        </>
      );
    case 'oauth-error':
      return (
        <>
          {statusLine}
          <p>
            Error <code>{parsed.error.error}</code>
            {parsed.error.error_description ? `: ${parsed.error.error_description}` : ''}
          </p>
          <ExplanationBlock
            title="What it means:"
            explanation={explainTokenError(parsed.error, context)}
          />
          {parsed.remarks.map((remark) => (
            <p key={remark} className="hint">
              {remark}
            </p>
          ))}
        </>
      );
    case 'okta-error':
      return (
        <>
          {statusLine}
          <ExplanationBlock
            title="What it means:"
            explanation={explainOktaApiError(parsed.error)}
          />
        </>
      );
    case 'unrecognized':
      return (
        <>
          {statusLine}
          <ExplanationBlock
            title="Not a token response."
            explanation={{ meaning: parsed.reason, checks: [] }}
          />
        </>
      );
  }
}

function AnswerDetails({ answer }: { answer: UpstreamAnswer }) {
  const { parsed } = answer;
  const headers = SHOWN_HEADERS.flatMap((name) => {
    const value = answer.headers.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  const json =
    'json' in parsed && parsed.json !== undefined ? JSON.stringify(parsed.json, null, 2) : null;
  const jwt = parsed.kind === 'token' ? decodeJwt(parsed.token.access_token) : null;

  return (
    <>
      {parsed.kind === 'token' ? (
        <OutputField
          id="access-token"
          label="Access token"
          value={parsed.token.access_token}
          actions={<CopyButton label="Copy access token" value={parsed.token.access_token} />}
        />
      ) : null}
      {jwt ? (
        <details>
          <summary>Decoded access token (not verified)</summary>
          {/* Focusable: a keyboard user must be able to scroll it sideways. */}
          <pre className="value value-multiline" tabIndex={0} aria-label="Decoded access token">
            {JSON.stringify(jwt, null, 2)}
          </pre>
        </details>
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
