import '../../components/explanation.css';
import '../../components/facts.css';
import { useId } from 'react';
import { DiagnosisView } from '../../components/DiagnosisView.tsx';
import type { Cause } from '../../core/diagnosis/causes.ts';
import { explainApiAnswer } from '../../core/diagnosis/api-challenge.ts';
import { useCallApi, type ApiOutcome } from '../../services/call-api.ts';
import type { DpopKeyPair } from '../../services/dpop.ts';

interface ApiAnswerProps {
  readonly url: string;
  readonly token: string;
  readonly scheme: 'Bearer' | 'DPoP';
  readonly dpopKey: DpopKeyPair | null;
}

/** Response headers that explain an API's answer (RFC 6750 §3, RFC 9449 §7.1 and §9). */
const SHOWN_HEADERS = ['content-type', 'www-authenticate', 'dpop-nonce', 'cache-control'];

/** `Send API request`: the call through the playground's proxy, and what came back. */
export function ApiAnswer({ url, token, scheme, dpopKey }: ApiAnswerProps) {
  const call = useCallApi();
  const id = useId();
  const outcome = call.isPending ? undefined : call.data;
  return (
    <div className="api-answer">
      <button
        type="button"
        className="button"
        disabled={call.isPending}
        onClick={() => call.mutate({ url, token, scheme, dpopKey })}
      >
        Send API request
      </button>
      <section
        aria-labelledby={`${id}-heading`}
        aria-busy={call.isPending}
        data-submitted-at={call.submittedAt}
      >
        <h4 id={`${id}-heading`}>API response</h4>
        <div role="status">
          {call.isPending ? <p>Calling the API…</p> : null}
          {call.isIdle ? (
            <p className="hint">
              Sent through this playground&apos;s proxy as {scheme}
              {scheme === 'DPoP' ? ', with a new proof signed for the call' : ''}.
            </p>
          ) : null}
          {outcome ? <ApiOutcomeView outcome={outcome} /> : null}
        </div>
      </section>
    </div>
  );
}

/** Why the API refused the call, most likely first (nothing for a success). */
function ApiCauses({ causes }: { readonly causes: readonly Cause[] }) {
  const [first, ...others] = causes;
  return first === undefined ? null : (
    <DiagnosisView title="What it means:" diagnosis={{ causes: [first, ...others] }} />
  );
}

function ApiOutcomeView({ outcome }: { readonly outcome: ApiOutcome }) {
  const { result } = outcome;
  if (result.kind === 'proxy-error')
    return <p className="notice notice-error">Not answered by the API: {result.message}</p>;
  const { answer } = result;
  const headers = SHOWN_HEADERS.flatMap((name) => {
    const value = answer.headers.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  return (
    <>
      <p className="status-line">
        <span>
          HTTP status: <strong>{answer.status}</strong>
        </span>
        <span>Time: {Math.round(answer.elapsedMs)} ms</span>
      </p>
      {outcome.nonceRetried ? (
        <p className="hint">
          The API first asked for a nonce (401 with <code>use_dpop_nonce</code>); the page sent the
          call again with a proof carrying it. This is the second answer.
        </p>
      ) : null}
      {headers.length > 0 ? (
        <dl className="facts">
          {headers.map(([name, value]) => (
            <div className="fact" key={name}>
              <dt className="mono">{name}</dt>
              <dd className="mono">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <ApiCauses causes={explainApiAnswer(outcome.sent, answer)} />
      {answer.body === '' ? null : <pre className="api-body">{answer.body}</pre>}
    </>
  );
}
