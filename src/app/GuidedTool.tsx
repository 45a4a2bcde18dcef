import './guided.css';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { suggestIssuer } from './issuer.ts';
import { CLIENT_AUTH, missingCredentials } from '../core/client-auth/methods.ts';
import { WALKTHROUGH_STEPS as STEPS, problemsUpTo, type StepProblem } from './guided-steps.ts';
import { curlBash } from '../core/snippets/curl-bash.ts';
import { describeCurlBashQuoting } from '../core/snippets/curl-bash-target.ts';
import { OutputField } from '../components/OutputField.tsx';
import { ENCODING_WORDS } from '../core/client-auth/choice-labels.ts';
import { CredentialsSection } from '../features/credentials/CredentialsSection.tsx';
import { EndpointSection } from '../features/endpoint/EndpointSection.tsx';
import {
  CredentialsStringOutput,
  EncodedOutputs,
} from '../features/request-preview/BasicOutputs.tsx';
import { LazySender } from './LazySender.tsx';
import {
  credentialsSectionProps,
  endpointSectionProps,
  serverOfEndpoint,
} from './section-props.ts';
import { useInUse } from './use-in-use.ts';
import { usePasteRemovals } from './use-paste-removals.ts';
import type { ToolContext } from './tools.tsx';

const LAST = STEPS.length - 1;
const SEND_STEP = STEPS.indexOf('Send it');

/** The sending step submits on Enter; the submission itself never leaves the page. */
function stayOnPage(event: FormEvent) {
  event.preventDefault();
}

/**
 * Focus that never scrolls the page framing this one: inside an embed, `focus()` would scroll the
 * documentation page to the frame's element, away from what its reader was reading.
 */
function focusInFrame(element: HTMLElement | null | undefined) {
  element?.focus({ preventScroll: window.parent !== window });
}

interface GuidedToolProps extends ToolContext {
  /** Ends the walkthrough: the tool takes its place, with every value kept. */
  readonly onFinish: () => void;
}

/**
 * Guided mode: the same form state as the tool, shown as the guide's numbered walkthrough, one
 * step at a time, each live with the reader's values. Every step stays mounted (only hidden), so
 * going back and forth keeps what the steps show. As in the tool, the sender and the field checks
 * load once the walkthrough is in use (or at once for `demo=1`), not with the first paint: the
 * reader is still on step 1 by then.
 */
export function GuidedTool(props: GuidedToolProps) {
  const { form, dispatch, request, preselectDemo, onUseDemo, requestDemo, onFinish } = props;
  const [step, setStep] = useState(0);
  // The step whose `Next` was pressed while something it needs was missing: it then lists what.
  const [blockedAt, setBlockedAt] = useState<number | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const { inUse, markInUse } = useInUse(preselectDemo);
  const { pasted, onPaste } = usePasteRemovals();
  const [secretVisible, setSecretVisible] = useState(false);
  const [answerSlot, setAnswerSlot] = useState<HTMLElement | null>(null);
  const headings = useRef<Array<HTMLHeadingElement | null>>([]);

  const missing = missingCredentials(request.input);
  const curl = curlBash(request);
  // `demo=1` (or Use demo server) filled the client in: the steps say so instead of sending the
  // reader to an Okta org.
  const usesDemo = preselectDemo || form.tokenEndpointOverride?.source === 'demo';
  const problems = blockedAt === step ? problemsUpTo(step, form, request.url) : [];
  const encodingsDiffer = request.basicByEncoding.raw.pair !== request.basicByEncoding.form.pair;

  /** Moves to a step and takes keyboard focus to its heading, where reading continues. */
  function goTo(next: number) {
    markInUse();
    flushSync(() => {
      setStep(next);
      setBlockedAt(null);
    });
    focusInFrame(headings.current[next]);
  }

  /** `Next`: on to the next step, or, when this one lacks something, a summary of what. */
  function goNext() {
    if (problemsUpTo(step, form, request.url).length === 0) {
      goTo(step + 1);
      return;
    }
    markInUse();
    flushSync(() => setBlockedAt(step));
    focusInFrame(summary.current);
  }

  /** The walkthrough ends in the tool, on its selected tab: where the keyboard user is now. */
  function finish() {
    flushSync(onFinish);
    focusInFrame(document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]'));
  }

  /** A summary's link: to the step of the field, and into the field. */
  function goToField(problem: StepProblem) {
    // On this step the summary stays, following what is still missing.
    if (problem.step !== step) goTo(problem.step);
    focusInFrame(document.getElementById(problem.fieldId));
  }

  function stepSection(index: number, content: ReactNode) {
    return (
      <section
        key={STEPS[index]}
        aria-labelledby={`guided-step-${index}`}
        className={index === LAST ? 'guided-step guided-step-answer' : 'guided-step'}
        // Every step keeps its place in the stack (guided.css): only the current one is shown.
        inert={index !== step}
      >
        <h2
          id={`guided-step-${index}`}
          tabIndex={-1}
          ref={(element) => {
            headings.current[index] = element;
          }}
        >
          <span className="guided-step-number">
            Step {index + 1} of {STEPS.length}:
          </span>{' '}
          {STEPS[index]}
        </h2>
        {index === step && problems.length > 0 ? (
          <div
            className="error-summary"
            role="alert"
            aria-labelledby="guided-problem-heading"
            tabIndex={-1}
            ref={summary}
          >
            <h3 id="guided-problem-heading">There is a problem</h3>
            <ul>
              {problems.map((problem) => (
                <li key={problem.fieldId}>
                  <a
                    href={`#${problem.fieldId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      goToField(problem);
                    }}
                  >
                    {problem.step === step ? '' : `Step ${problem.step + 1}: `}
                    {problem.message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {content}
      </section>
    );
  }

  return (
    <div className="guided" onFocus={markInUse} onPointerOver={markInUse}>
      <nav aria-label="Guide steps">
        <ol className="guided-progress">
          {STEPS.map((title, index) => (
            <li key={title}>
              <button
                type="button"
                className="guided-progress-step"
                aria-current={index === step ? 'step' : undefined}
                onClick={() => goTo(index)}
              >
                <span className="guided-progress-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="guided-progress-title">{title}</span>
              </button>
            </li>
          ))}
        </ol>
        <progress
          className="guided-progress-bar"
          aria-label="Progress through the guide"
          value={step + 1}
          max={STEPS.length}
        />
      </nav>

      <div className="guided-steps">
        {stepSection(
          0,
          <>
            {usesDemo ? (
              <p>
                {form.clientId === ''
                  ? 'The demo server built into this playground is filling in one of its clients: '
                  : 'These are the ID and secret of a client of the demo server built into this playground: '}
                a real OAuth 2.0 server, so no Okta org is needed. With your own org, you would
                paste your API Services app's client ID and secret here instead.
              </p>
            ) : (
              <>
                <p>
                  In the Okta Admin Console, open <strong>Applications › Applications</strong> and
                  your API Services app integration. On its <strong>General</strong> tab,{' '}
                  <strong>Client Credentials</strong> shows the client ID, and{' '}
                  <strong>Client Secrets</strong> the secret (the copy icon beside each copies it).
                  Paste them here: they stay in this page.
                </p>
                <p className="hint">
                  No Okta org? In step 5, <em>Use demo server</em> fills in a client of the
                  authorization server built into this playground.
                </p>
              </>
            )}
            <CredentialsSection
              {...credentialsSectionProps(form, request, dispatch)}
              secretVisible={secretVisible}
              onSecretVisibleChange={setSecretVisible}
              pasted={pasted}
              onPaste={onPaste}
              inUse={inUse}
              wrapEncodingChoice={(choice) => (
                // The guide's raw bytes are the default; the choice matters only where the two
                // encodings differ (RFC 6749 §2.3.1), and is open then.
                <details
                  className="guided-encoding"
                  open={encodingsDiffer || form.encoding !== 'raw'}
                >
                  <summary>
                    Credential encoding: {ENCODING_WORDS[form.encoding].label} (
                    {ENCODING_WORDS[form.encoding].hint})
                  </summary>
                  {choice}
                </details>
              )}
            />
            {CLIENT_AUTH[form.authMethod].signsAssertion ? (
              // The walkthrough follows the guide's Basic header; client assertions are the tool's.
              <p className="notice notice-info" role="note">
                This walkthrough follows the Okta guide, which sends the client secret in a Basic
                header. For {CLIENT_AUTH[form.authMethod].words.label}, press Guided to return to
                the tool, where the page signs the client assertion and shows it; or choose{' '}
                {CLIENT_AUTH.client_secret_basic.words.label} above.
              </p>
            ) : null}
          </>,
        )}
        {stepSection(
          1,
          <>
            <p>
              Basic authentication sends one string: the client ID, a colon, and the secret (
              <code>clientid:clientsecret</code>,{' '}
              <a href="https://www.rfc-editor.org/rfc/rfc7617#section-2">RFC 7617 §2</a>). That is
              why a client ID may not contain a colon.
            </p>
            <CredentialsStringOutput
              request={request}
              secretVisible={secretVisible}
              showSecretWhere="(step 1)"
            />
          </>,
        )}
        {stepSection(
          2,
          <>
            <p>
              The guide sends you to a Base64 site; this page encodes the string's UTF-8 bytes
              itself. The result goes after <code>Basic</code> in the <code>Authorization</code>{' '}
              header.
            </p>
            <EncodedOutputs request={request} />
          </>,
        )}
        {stepSection(
          3,
          <>
            <p>
              The request is a POST to{' '}
              {usesDemo ? "the demo server's" : "your authorization server's"} token endpoint with{' '}
              <code>grant_type=client_credentials</code> and the scope your client may ask for (
              <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2">RFC 6749 §4.4.2</a>).
            </p>
            <EndpointSection
              {...endpointSectionProps(form, request, dispatch, props.preset)}
              inUse={inUse}
            />
            <OutputField
              id="curl-command"
              label="curl command"
              value={curl}
              missing={missing}
              multiline
              hint={describeCurlBashQuoting(request)}
              copyable
            />
          </>,
        )}
        {stepSection(
          SEND_STEP,
          <>
            <p>
              {usesDemo
                ? 'The demo server is chosen: press Send token request, and the answer appears in the next step.'
                : 'Run the curl command in a terminal, or send the same request from here. The answer appears in the next step.'}
            </p>
            {/* Its own form: Enter in a field of another step never sends the request. */}
            <form onSubmit={stayOnPage} noValidate>
              <LazySender
                wanted={inUse}
                request={request}
                pasted={pasted}
                suggestedIssuer={suggestIssuer(form, props.preset)}
                server={serverOfEndpoint(form)}
                onFormChange={dispatch}
                onUseDemo={onUseDemo}
                preselectDemo={preselectDemo}
                onRequestDemo={() => requestDemo(false)}
                answerSlot={answerSlot}
                onAnswer={() => flushSync(() => setStep(LAST))}
                dpop={form.dpop ? props.dpop : null}
              />
            </form>
          </>,
        )}
        {stepSection(
          LAST,
          <>
            <p>
              A success is JSON with an <code>access_token</code>, its <code>token_type</code>{' '}
              (Bearer), <code>expires_in</code> seconds and the granted <code>scope</code> (
              <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>); a
              failure names an <code>error</code> (
              <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">§5.2</a>), explained
              below with your values.
            </p>
            <div ref={setAnswerSlot} />
          </>,
        )}
      </div>

      <div className="guided-nav">
        <button
          type="button"
          className="button"
          disabled={step === 0}
          onClick={() => goTo(step - 1)}
        >
          Back
        </button>
        {step < LAST ? (
          <button type="button" className="button button-primary" onClick={goNext}>
            Next: {STEPS[step + 1]}
          </button>
        ) : (
          <button type="button" className="button button-primary" onClick={finish}>
            Finish: back to the tool
          </button>
        )}
      </div>
    </div>
  );
}
