import { lazy, startTransition, Suspense, useEffect, useState, type FormEvent } from 'react';
import type { TokenRequest } from '../core/token-request.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { CredentialsSection } from '../features/credentials/CredentialsSection.tsx';
import { EndpointSection } from '../features/endpoint/EndpointSection.tsx';
import { RequestPreview } from '../features/request-preview/RequestPreview.tsx';
import { SendPlaceholder } from '../features/send/SendPlaceholder.tsx';
import type { FormState } from '../core/request-form.ts';
import { initialFormState, isInitialFormState, type FormChange } from './form-state.ts';

// Sending needs TanStack Query and zod; the first screen does not (GUIDE §5 bundle facts).
const SendSection = lazy(() => import('./SendSection.tsx'));

/**
 * Without a sign of intent, the sender loads this long after the page is up, in idle time: late
 * enough that the first screen has the (phone) network and main thread to itself until it is
 * interactive, early enough to be ready before most people have typed a client ID and secret.
 * See docs/decisions/120.
 */
const SENDER_IDLE_DELAY_MS = 3000;

/** Runs `task` when the browser is idle, after `delayMs`; returns a cancel function. */
function whenIdleAfter(delayMs: number, task: () => void): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    // Safari has no requestIdleCallback: a plain timer task is the next best thing there.
    if ('requestIdleCallback' in window) idle = window.requestIdleCallback(task, { timeout: 2000 });
    else task();
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}

interface BuildToolProps {
  readonly form: FormState;
  readonly dispatch: (change: FormChange) => void;
  readonly request: TokenRequest;
}

/** The sending step submits on Enter; the submission itself never leaves the page. */
function stayOnPage(event: FormEvent) {
  event.preventDefault();
}

/**
 * The "Build a request" tool: the inputs, the outputs they drive (beside them from 1024 px,
 * right after the credentials below that), then sending and the answer. One `<form>`, so Enter in
 * any field presses its one submit button, `Send token request`.
 */
export function BuildTool({ form, dispatch, request }: BuildToolProps) {
  const [secretVisible, setSecretVisible] = useState(false);
  // Bumped by Reset: remounting the sender drops the last answer (it may hold an access token).
  const [resets, setResets] = useState(0);
  // The sender loads on the first focus or pointer in the form, or in idle time (see above).
  const [senderWanted, setSenderWanted] = useState(false);
  useEffect(() => {
    if (senderWanted) return;
    return whenIdleAfter(SENDER_IDLE_DELAY_MS, () => setSenderWanted(true));
  }, [senderWanted]);
  function wantSender() {
    // A transition: loading the sender never delays the keystroke or click that asked for it.
    if (!senderWanted) startTransition(() => setSenderWanted(true));
  }

  function reset() {
    dispatch(initialFormState);
    setSecretVisible(false);
    setResets((count) => count + 1);
  }

  return (
    <form
      className="workspace"
      onSubmit={stayOnPage}
      onFocus={wantSender}
      onPointerOver={wantSender}
      noValidate
    >
      <div className="toolbar">
        <p role="status" className="hint">
          {resets > 0 && isInitialFormState(form)
            ? 'Every field is back to its default: the client secret and the last answer are gone from this page.'
            : ''}
        </p>
        <button type="button" className="button button-small" onClick={reset}>
          Reset
        </button>
      </div>
      <CredentialsSection
        clientId={form.clientId}
        clientSecret={form.clientSecret}
        encoding={form.encoding}
        basicByEncoding={request.basicByEncoding}
        secretVisible={secretVisible}
        onChange={dispatch}
        onSecretVisibleChange={setSecretVisible}
      />
      <RequestPreview request={request} secretVisible={secretVisible} />
      <EndpointSection
        domain={form.domain}
        authServerId={form.authServerId}
        tokenEndpoint={request.input.tokenEndpoint}
        tokenEndpointSource={form.tokenEndpointOverride?.source ?? null}
        scope={form.scope}
        authMethod={form.authMethod}
        onChange={dispatch}
      />
      <ErrorBoundary
        fallback={
          <p className="card notice notice-error" role="alert">
            The part of the page that sends requests could not load (offline, or the playground was
            updated): reload the page. Everything else still works, including the curl command.
          </p>
        }
      >
        {senderWanted ? (
          <Suspense fallback={<SendPlaceholder request={request} />}>
            <SendSection key={resets} request={request} onUseDemo={dispatch} />
          </Suspense>
        ) : (
          <SendPlaceholder request={request} />
        )}
      </ErrorBoundary>
    </form>
  );
}
