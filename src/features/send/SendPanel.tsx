import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { dpopNonceOf, nonceChallengeOf } from '../../core/dpop/nonce-challenge.ts';
import { decodeDpopProof } from '../../core/dpop/proof.ts';
import { createPortal } from 'react-dom';
import type { SignedAssertion } from '../../core/client-auth/client-assertion.ts';
import { wayOf } from '../../core/client-auth/auth-ways.ts';
import type { PasteRemovals } from '../../core/credentials/paste-cleanup.ts';
import { diagnose } from '../../core/diagnosis/diagnose.ts';
import type { ScopesSupported } from '../../core/endpoint/discovery.ts';
import { CLIENT_AUTH, missingCredentials } from '../../core/client-auth/methods.ts';
import type { FormChange } from '../../core/request/request-form.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';
import { useSendTokenRequest } from '../../services/send-token-request.ts';
import { useSession } from '../../services/session.ts';
import { DemoPicker } from './DemoPicker.tsx';
import { demoServersOf } from './demo-servers.ts';
import { FindWhatWorks } from './FindWhatWorks.tsx';
import { NoProxyFallback } from './NoProxyFallback.tsx';
import { ReplayAssertion } from './ReplayAssertion.tsx';
import { evidenceFor } from './send-evidence.ts';
import { TokenResponseView } from './TokenResponseView.tsx';
import { useAttemptHistory } from './use-attempt-history.ts';
import { NonceRoundTrip, type NonceRetry } from './NonceRoundTrip.tsx';
import { useSignThenSend, type DpopSigner } from './use-sign-then-send.ts';
import type { ServerPresetId } from '../../core/server-presets/server-choice.ts';

/** What the page knows of an issued token besides itself. */
export interface IssuedToken {
  /** The answer's `token_type` (RFC 6749 §5.1): Bearer, or DPoP for a bound token. */
  readonly tokenType: string;
  /** The demo server's API, offered for the next call (`Use the demo API`). */
  readonly demoApiUrl: string | null;
}

interface SendPanelProps {
  readonly request: TokenRequest;
  /** Applies a way that worked (from `Find what this server accepts`). */
  readonly onFormChange: (change: FormChange) => void;
  /** Fills in the demo server and one of its clients (and settles `demo=1`). */
  readonly onUseDemo: (change: FormChange) => void;
  /** Shows an issued access token (the app passes the token inspector). */
  readonly renderToken: (token: string, issued: IssuedToken) => ReactNode;
  /**
   * `demo=1`: choose the demo server's first client as soon as the session says there is one, as
   * if `Use demo server` had been pressed (the caller clears it through `onUseDemo`).
   */
  readonly preselectDemo?: boolean;
  /** `Use demo server` pressed before the session arrived: the caller sets `preselectDemo`. */
  readonly onRequestDemo: () => void;
  /**
   * `Try it with the demo server`: once the demo is filled in (`preselectDemo` settled), send,
   * and say so through `onSentAfterDemo`.
   */
  readonly sendAfterDemo?: boolean;
  readonly onSentAfterDemo?: () => void;
  /** Where to show the answer instead of right after the button (guided mode's last step). */
  readonly answerSlot?: HTMLElement | null;
  /** Just before the answer (the Build tool's choice between the request and the answer). */
  readonly beforeAnswer?: ReactNode;
  /** Called when an answer (or a failure) arrives, before focus moves to it. */
  readonly onAnswer?: () => void;
  /**
   * The client assertion a send signed (methods that sign one sign a new one for every send: fresh
   * `jti` and `iat`), so the page shows the one that was sent.
   */
  readonly onAssertion?: (assertion: SignedAssertion | null) => void;
  /** What the credential fields removed from the last paste into them (line breaks). */
  readonly pasted?: PasteRemovals;
  /** The scopes discovery found listed for a token endpoint. */
  readonly scopesSupported?: ScopesSupported | null;
  /** Proof of possession (RFC 9449), while it is on: every send signs a new proof. */
  readonly dpop?: DpopSigner | null;
  /** The `Server` chosen in step 2: it names the vendor whose own error texts explain an answer. */
  readonly server?: ServerPresetId;
}

/**
 * Step 4: send the request through the playground's proxy, or try the built-in demo server first.
 * Composes the demo picker, signing before sending, the attempts the advice reads, the replay of
 * an assertion and the fallback without a proxy.
 */
export function SendPanel(props: SendPanelProps) {
  const { request, onFormChange, onUseDemo, renderToken } = props;
  const { preselectDemo = false, answerSlot = null, beforeAnswer, onAnswer, onAssertion } = props;
  const { pasted = {}, scopesSupported = null, server } = props;
  const { onRequestDemo, sendAfterDemo = false, onSentAfterDemo, dpop = null } = props;
  const session = useSession();
  const send = useSendTokenRequest();
  const { history, remember } = useAttemptHistory();
  const { signing, signingFailed, sendNow } = useSignThenSend(sendExactly, onAssertion, dpop);
  // The last nonce round trip (RFC 9449 §8): the refusal and the request the page sent again with
  // the nonce; shown while that second one is the request answered.
  const [nonceRetry, setNonceRetry] = useState<NonceRetry | null>(null);
  // Set between a nonce challenge and the sending of its answer (signing takes a moment).
  const challenged = useRef<Omit<NonceRetry, 'retry'> | null>(null);
  const panelId = useId();
  const responseHeading = useRef<HTMLHeadingElement>(null);
  const sendButton = useRef<HTMLButtonElement>(null);
  // Ctrl+Enter (⌘+Enter) sends from any field of the form, a multi-line one too, as in other
  // request tools: it presses the send button, which does nothing while it is disabled.
  useEffect(() => {
    const form = sendButton.current?.form;
    if (!form) return;
    function sendOnControlEnter(event: KeyboardEvent) {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      sendButton.current?.click();
    }
    form.addEventListener('keydown', sendOnControlEnter);
    return () => form.removeEventListener('keydown', sendOnControlEnter);
  }, []);
  const demos = demoServersOf(session.data);
  const missing = missingCredentials(request.input);
  const sent = send.isPending ? undefined : send.variables;
  const outcome = send.isPending ? undefined : send.data;
  const sentWay = sent ? wayOf(sent) : null;
  const context = { history, demos, scopesSupported, pasted, server };

  function sendExactly(toSend: TokenRequest) {
    const answersChallenge = challenged.current;
    challenged.current = null;
    if (answersChallenge !== null) setNonceRetry({ ...answersChallenge, retry: toSend });
    send.mutate(toSend, {
      onSuccess: (result, attempt) => {
        if (result.kind !== 'answer') return;
        remember(attempt, result.answer);
        if (dpop === null) return;
        const nonce = dpopNonceOf(result.answer);
        if (nonce !== null) dpop.rememberNonce(attempt.url, nonce);
        // One answer to the challenge: a second one would be a server that never accepts.
        const challenge = nonceChallengeOf(result.answer, result.answer.parsed);
        if (challenge === null || answersChallenge !== null) return;
        challenged.current = {
          answer: result.answer,
          nonce: challenge,
          refusedNonce: decodeDpopProof(attempt.input.dpopProof ?? '')?.claims.nonce,
        };
        void sendNow(attempt, challenge);
      },
      // The button was disabled while sending, which drops focus to <body>: take it to
      // the answer, so keyboard and screen reader users land where the result is.
      onSettled: () => {
        onAnswer?.();
        // Inside an embed, a focus that scrolled would scroll the documentation page too.
        responseHeading.current?.focus({ preventScroll: window.parent !== window });
      },
    });
  }

  // The press of `Try it with the demo server` sends once the demo setup is in the form (after
  // `onUseDemo`) and complete (a key method has signed its first assertion), or gives up where
  // the session names no demo server.
  const sessionHasNoDemo = session.data !== undefined && demos.length === 0;
  const readyToSendDemo =
    sendAfterDemo && !preselectDemo && session.data !== undefined && missing === null;
  useEffect(() => {
    if (!readyToSendDemo && !(sendAfterDemo && sessionHasNoDemo)) return;
    onSentAfterDemo?.();
    if (readyToSendDemo) void sendNow(request);
  });

  // The failed request with every attempt recorded since for the same inputs.
  const sentEvidence = sent && outcome ? evidenceFor(sent, outcome, context) : null;
  const answer = (
    <TokenResponseView
      mutation={send}
      diagnose={(sentRequest, result) => {
        const evidence = evidenceFor(sentRequest, result, context);
        return evidence ? diagnose(evidence) : null;
      }}
      current={request}
      headingRef={responseHeading}
      afterFailure={
        // A key client has no secret to send another way: no search for one.
        sent && sentWay !== null && outcome?.kind === 'answer' && sentEvidence ? (
          <FindWhatWorks
            // A new search for each new answer.
            key={send.submittedAt}
            sent={sent}
            sentWay={sentWay}
            answer={outcome.answer}
            evidence={sentEvidence}
            onAttempt={remember}
            onApply={onFormChange}
          />
        ) : null
      }
      renderToken={(token, tokenType) =>
        renderToken(token, {
          tokenType,
          demoApiUrl: demos.find((demo) => demo.apiUrl !== undefined)?.apiUrl ?? null,
        })
      }
      earlierAttempts={
        nonceRetry !== null && sent === nonceRetry.retry ? (
          <NonceRoundTrip retry={nonceRetry} />
        ) : null
      }
    />
  );

  return (
    <>
      <section aria-labelledby="send-heading" className="card">
        <h2 id="send-heading">3. Send it</h2>
        <p className="hint">
          Sent through this playground's proxy, which passes on only the accept, authorization,
          content-type and DPoP headers and logs no credentials (a browser cannot send it itself:
          token endpoints allow no CORS, and Okta refuses a browser Origin).
        </p>
        <DemoPicker
          demos={demos}
          sessionLoaded={session.data !== undefined}
          sessionError={session.isError ? session.error.message : undefined}
          authMethod={request.input.authMethod}
          privateKey={request.input.privateKey}
          onUseDemo={onUseDemo}
          dpop={dpop !== null}
          preselectDemo={preselectDemo}
          onRequestDemo={onRequestDemo}
        />
        {signingFailed === 'assertion' ? (
          <p className="notice notice-error" role="alert">
            Not sent: the page could not sign a new client assertion with{' '}
            {CLIENT_AUTH[request.input.authMethod].credential === 'private-key'
              ? 'this private key. Check the key above, or generate a new one.'
              : 'this client secret. Check the secret above.'}
          </p>
        ) : null}
        {signingFailed === 'dpop' ? (
          <p className="notice notice-error" role="alert">
            Not sent: the page could not sign a DPoP proof (its key pair is not ready, or this
            browser refused to sign). Make a new DPoP key pair in step 1, or turn DPoP off.
          </p>
        ) : null}
        <ReplayAssertion sent={sent} disabled={send.isPending} onReplay={sendExactly} />
        {session.isError ? (
          <NoProxyFallback id={`${panelId}-curl`} request={request} missing={missing} />
        ) : null}
      </section>
      {/* Its own bar after the step, so that on a narrow screen it can stay in view over the form. */}
      <div className="card send-bar">
        {/* The form's one submit button: Enter in any field presses it (when it is enabled). */}
        <button
          ref={sendButton}
          type="submit"
          className="button button-primary"
          disabled={send.isPending || signing || !session.data || missing !== null}
          aria-describedby={missing ? `${panelId}-send-missing` : undefined}
          onClick={() => void sendNow(request)}
        >
          Send token request
        </button>
        {missing ? (
          <p id={`${panelId}-send-missing`} className="hint">
            {missing} to send the request.
          </p>
        ) : null}
      </div>
      {beforeAnswer}
      {answerSlot ? createPortal(answer, answerSlot) : answer}
    </>
  );
}
