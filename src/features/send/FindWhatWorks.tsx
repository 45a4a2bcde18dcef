import { useState } from 'react';
import {
  AUTH_WAY_LABEL,
  requestForWay,
  settingsOfWay,
  type AuthWay,
} from '../../core/client-auth/auth-ways.ts';
import {
  authenticated,
  readAnswer,
  type Evidence,
  type WayOutcome,
} from '../../core/diagnosis/evidence.ts';
import { concludeProbes, planProbes, type Finding } from '../../core/diagnosis/find-what-works.ts';
import type { FormState } from '../../core/request/request-form.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';
import {
  sendTokenRequest,
  useProxyClientDeps,
  type UpstreamAnswer,
} from '../../services/send-token-request.ts';
import { DiagnosisView } from '../../components/DiagnosisView.tsx';

interface FindWhatWorksProps {
  /** The request that failed, as sent. */
  readonly sent: TokenRequest;
  /** The secret way it was sent (the page offers no search for a private_key_jwt client). */
  readonly sentWay: AuthWay;
  readonly answer: UpstreamAnswer;
  /**
   * What the page knows about the failed request (its answer, the attempts before it for the
   * same inputs, the server): the diagnosis of it orders the search and concludes it.
   */
  readonly evidence: Evidence;
  readonly onAttempt: (request: TokenRequest, answer: UpstreamAnswer) => void;
  readonly onApply: (change: Pick<FormState, 'authMethod' | 'encoding'>) => void;
}

interface ListedProbe extends WayOutcome {
  readonly way: AuthWay;
  /** What came back, in a few words: "200 token", "401 invalid_client", "no answer: …". */
  readonly summary: string;
}

function summaryOf(answer: UpstreamAnswer): string {
  const { parsed } = answer;
  switch (parsed.kind) {
    case 'token':
      return `${answer.status}: an access token`;
    case 'oauth-error':
      return `${answer.status} ${parsed.error.error}`;
    case 'okta-error':
      return `${answer.status} ${parsed.error.errorCode}`;
    case 'unrecognized':
      return `${answer.status}, not a token response`;
  }
}

/**
 * "Find what this server accepts": after a failed send, and only when asked (failed
 * attempts can count toward a lockout), tries the other ways of sending the same credentials in
 * the order core plans (at most two more requests), stops at the first token, lists every
 * attempt with its status, says what it learned and offers to apply the way that worked.
 */
export function FindWhatWorks(props: FindWhatWorksProps) {
  const { sent, sentWay, answer, evidence, onAttempt, onApply } = props;
  const firstSummary = summaryOf(answer);
  const deps = useProxyClientDeps();
  const plan = planProbes(evidence);
  const [probes, setProbes] = useState<readonly ListedProbe[]>([]);
  const [running, setRunning] = useState(false);
  const [finding, setFinding] = useState<Finding | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [applied, setApplied] = useState(false);

  async function run() {
    setRunning(true);
    const done: ListedProbe[] = [];
    for (const way of plan) {
      const request = requestForWay(sent, way);
      const outcome = await sendTokenRequest(request, deps);
      if (outcome.kind !== 'answer') {
        // The proxy, not the server, failed: what the server accepts stays unknown.
        setFailure(outcome.message);
        break;
      }
      const probe = { way, answer: readAnswer(outcome.answer), summary: summaryOf(outcome.answer) };
      done.push(probe);
      setProbes([...done]);
      onAttempt(request, outcome.answer);
      // A way the server authenticated answers the question: no more requests.
      if (authenticated(probe.answer)) break;
    }
    setFinding(concludeProbes({ ...evidence, attempts: [...evidence.attempts, ...done] }));
    setRunning(false);
  }

  const extra = plan.length;
  return (
    <section className="find-what-works" aria-labelledby="find-heading" aria-busy={running}>
      <h3 id="find-heading">Which way does this server accept?</h3>
      {finding === null && !running ? (
        <>
          <button
            type="button"
            className="button"
            onClick={() => void run()}
            aria-describedby="find-note"
          >
            Find what this server accepts
          </button>
          <p id="find-note" className="hint">
            {extra === 0
              ? 'Sends nothing more: every other way was already tried, or the answer already says.'
              : `Sends up to ${extra} more token request${extra === 1 ? '' : 's'} with these credentials (${plan.map((way) => `"${AUTH_WAY_LABEL[way]}"`).join(', then ')}), stopping at the first token. On a production server, failed attempts can count toward a lockout.`}
          </p>
        </>
      ) : null}
      {running || finding ? (
        <ol aria-label="Attempts" className="attempts">
          <li>
            {AUTH_WAY_LABEL[sentWay]}: {firstSummary}
          </li>
          {probes.map((probe) => (
            <li key={probe.way}>
              {AUTH_WAY_LABEL[probe.way]}: {probe.summary}
            </li>
          ))}
        </ol>
      ) : null}
      <div role="status">
        {running ? <p>Trying…</p> : null}
        {failure ? <p className="notice notice-error">Stopped: {failure}</p> : null}
        {finding ? (
          <DiagnosisView
            title="What the search learned:"
            diagnosis={finding.diagnosis}
            withEvidence={false}
          />
        ) : null}
      </div>
      {finding?.kind === 'found' && finding.way !== sentWay ? (
        <p>
          <button
            type="button"
            className="button"
            disabled={applied}
            onClick={() => {
              onApply(settingsOfWay(finding.way, sent.input.encoding));
              setApplied(true);
            }}
          >
            Use “{AUTH_WAY_LABEL[finding.way]}”
          </button>
          {applied ? <span className="hint"> Applied to the form above.</span> : null}
        </p>
      ) : null}
    </section>
  );
}
