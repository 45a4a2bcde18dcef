import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { attemptsFor, recordAttempt, type AttemptHistory } from './attempt-history.ts';
import { wayOf } from '../../core/client-auth/auth-ways.ts';
import { diagnose } from '../../core/diagnosis/diagnose.ts';
import { readAnswer, type AnswerReading, type Evidence } from '../../core/diagnosis/evidence.ts';
import type { ScopesSupported } from '../../core/endpoint/discovery.ts';
import type { PasteRemovals } from '../../core/credentials/paste-cleanup.ts';
import { missingCredentials } from '../../core/client-auth/methods.ts';
import type { FormChange } from '../../core/request-form.ts';
import { curlBash } from '../../core/snippets/curl-bash.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import type { TokenRequest } from '../../core/token-request.ts';
import type { ClientAuthMethod } from '../../core/client-auth/method.ts';
import type { DemoClient, DemoServerInfo } from '../../core/proxy/proxy-protocol.ts';
import {
  useSendTokenRequest,
  type SendOutcome,
  type UpstreamAnswer,
} from '../../services/send-token-request.ts';
import { useSession } from '../../services/session.ts';
import { FindWhatWorks } from './FindWhatWorks.tsx';
import type { SignedAssertion } from '../../core/client-auth/client-assertion.ts';
import { assertionOf, CLIENT_AUTH } from '../../core/client-auth/methods.ts';
import { TokenResponseView } from './TokenResponseView.tsx';

interface SendPanelProps {
  readonly request: TokenRequest;
  /** Applies a way that worked (from `Find what this server accepts`). */
  readonly onFormChange: (change: FormChange) => void;
  /** Fills in the demo server and one of its clients (and settles `demo=1`). */
  readonly onUseDemo: (change: FormChange) => void;
  /** Shows an issued access token (the app passes the token inspector). */
  readonly renderToken: (token: string) => ReactNode;
  /**
   * `demo=1`: choose the demo server's first client as soon as the session says there is one, as
   * if `Use demo server` had been pressed (the caller clears it through `onUseDemo`).
   */
  readonly preselectDemo?: boolean;
  /** Where to show the answer instead of right after the button (guided mode's last step). */
  readonly answerSlot?: HTMLElement | null;
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
}

/** An outcome as the diagnosis reads it; null when nothing was sent. */
function readingOf(outcome: SendOutcome): AnswerReading | null {
  switch (outcome.kind) {
    case 'answer':
      return readAnswer(outcome.answer);
    case 'proxy-error':
      return { kind: 'proxy-failure', code: outcome.code, message: outcome.message };
    case 'not-sent':
      return null;
  }
}

/** How the `Demo server` choice names each server: how it reads Basic credentials, and what it is. */
function demoServerLabel(server: DemoServerInfo): string {
  const path = new URL(server.issuer).pathname;
  return server.basicCredentials === 'raw'
    ? `${path}: reads Basic credentials raw (@node-oauth/oauth2-server)`
    : `${path}: form-decodes Basic credentials, RFC 6749 (oidc-provider)`;
}

function demoSelection(
  tokenEndpoint: string,
  client: DemoClient,
  current: ClientAuthMethod,
): FormChange {
  const common = {
    tokenEndpointOverride: { url: tokenEndpoint, source: 'demo' },
    clientId: client.clientId,
    scope: client.scope,
  } as const;
  // The client's own method, unless the one chosen is another the same registration accepts (a
  // client_secret_basic client takes client_secret_post too): a choice the client allows stays.
  const authMethod =
    CLIENT_AUTH[current].demoClientMethod === client.authMethod ? current : client.authMethod;
  return {
    ...common,
    authMethod,
    clientSecret: client.clientSecret,
    // The key client signs with its published key (public on purpose, like the demo secrets).
    ...(client.privateKeyJwk ? { privateKey: JSON.stringify(client.privateKeyJwk, null, 2) } : {}),
  };
}

/** Step 4: send the request through the playground's proxy, or try the built-in demo server first. */
export function SendPanel(props: SendPanelProps) {
  const { request, onFormChange, onUseDemo, renderToken } = props;
  const { preselectDemo = false, answerSlot = null, onAnswer, onAssertion } = props;
  const { pasted = {}, scopesSupported = null } = props;
  const session = useSession();
  const send = useSendTokenRequest();
  const [demoIndex, setDemoIndex] = useState(0);
  const [serverIndex, setServerIndex] = useState(0);
  // Every attempt since the page was opened, in memory only (it holds secrets): advice and the
  // search never suggest a way already tried for the same inputs.
  const [history, setHistory] = useState<AttemptHistory>([]);
  const selectId = useId();
  const serverSelectId = useId();
  const responseHeading = useRef<HTMLHeadingElement>(null);
  const demos = [session.data?.demo, session.data?.demoRaw].filter(
    (server): server is DemoServerInfo => server !== null && server !== undefined,
  );
  const demo = demos[serverIndex] ?? demos[0] ?? null;
  const missing = missingCredentials(request.input);
  const clients: readonly DemoClient[] = demo?.clients ?? [];
  const sent = send.isPending ? undefined : send.variables;
  const outcome = send.isPending ? undefined : send.data;
  const sentWay = sent ? wayOf(sent) : null;
  // Signing the assertion takes a moment: the button waits for it as for the answer.
  const [signing, setSigning] = useState(false);
  const [signingFailed, setSigningFailed] = useState(false);

  function remember(attempt: TokenRequest, answer: UpstreamAnswer) {
    setHistory((before) => recordAttempt(before, attempt, readAnswer(answer)));
  }

  /** Everything the page knows about an answer to `sentRequest`: what every diagnosis reads. */
  function evidenceFor(sentRequest: TokenRequest, result: SendOutcome): Evidence | null {
    const answer = readingOf(result);
    if (answer === null) return null;
    return {
      request: sentRequest,
      answer,
      ...(result.kind === 'answer'
        ? { answerHeaders: result.answer.headers, sentAt: result.answer.sentAt }
        : {}),
      attempts: attemptsFor(history, sentRequest),
      server: {
        demos,
        ...(scopesSupported?.tokenEndpoint === sentRequest.url
          ? { scopesSupported: scopesSupported.scopes }
          : {}),
      },
      pasted,
    };
  }

  function sendExactly(toSend: TokenRequest) {
    send.mutate(toSend, {
      onSuccess: (result, attempt) => {
        if (result.kind === 'answer') remember(attempt, result.answer);
      },
      // The button was disabled while sending, which drops focus to <body>: take it to
      // the answer, so keyboard and screen reader users land where the result is.
      onSettled: () => {
        onAnswer?.();
        responseHeading.current?.focus();
      },
    });
  }

  async function sendNow(current: TokenRequest) {
    if (!CLIENT_AUTH[current.input.authMethod].signsAssertion) {
      sendExactly(current);
      return;
    }
    setSigning(true);
    const prepared = await import('../../services/sign-assertion.ts')
      .then(({ withNewAssertion }) => withNewAssertion(current))
      .catch(() => null)
      .finally(() => setSigning(false));
    setSigningFailed(prepared === null);
    if (!prepared) return;
    onAssertion?.(assertionOf(prepared.clientAuthentication));
    sendExactly(prepared);
  }

  function applyDemo() {
    const client = clients[demoIndex];
    if (!demo || !client) return;
    onUseDemo(demoSelection(demo.tokenEndpoint, client, request.input.authMethod));
  }

  const firstDemoClient = demo?.clients[0];
  const currentMethod = request.input.authMethod;
  const demoEndpoint = demo?.tokenEndpoint;
  useEffect(() => {
    if (preselectDemo && demoEndpoint !== undefined && firstDemoClient !== undefined)
      onUseDemo(demoSelection(demoEndpoint, firstDemoClient, currentMethod));
  }, [preselectDemo, demoEndpoint, firstDemoClient, onUseDemo, currentMethod]);

  // The failed request with every attempt recorded since for the same inputs.
  const sentEvidence = sent && outcome ? evidenceFor(sent, outcome) : null;
  const answer = (
    <TokenResponseView
      mutation={send}
      diagnose={(sentRequest, result) => {
        const evidence = evidenceFor(sentRequest, result);
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
      renderToken={renderToken}
    />
  );

  return (
    <>
      <section aria-labelledby="send-heading" className="card">
        <h2 id="send-heading">3. Send it</h2>
        <p className="hint">
          The request goes through this playground's own proxy (token endpoints send no CORS
          headers, and Okta refuses token requests that carry a browser Origin). The proxy forwards
          only the accept, authorization and content-type headers and logs no credentials.
        </p>
        {session.data && !demo ? (
          // A host without Node (the edge worker) has no demo server: say so, and where to get one,
          // rather than offer a button that cannot work.
          <p className="hint">
            No demo server here: the built-in authorization server needs Node, and this playground
            runs without it (e.g. on an edge runtime). To try one, run the playground locally with{' '}
            <code>npm start</code>, or send to your own token endpoint.
          </p>
        ) : (
          <>
            {demos.length > 1 ? (
              <div className="field">
                <label htmlFor={serverSelectId} className="label">
                  Demo server
                </label>
                <select
                  id={serverSelectId}
                  className="input"
                  value={serverIndex}
                  onChange={(e) => setServerIndex(Number(e.target.value))}
                >
                  {demos.map((server, index) => (
                    <option key={server.issuer} value={index}>
                      {demoServerLabel(server)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor={selectId} className="label">
                Demo client
              </label>
              <div className="input-row">
                <select
                  id={selectId}
                  className="input"
                  value={demoIndex}
                  disabled={clients.length === 0}
                  onChange={(e) => setDemoIndex(Number(e.target.value))}
                >
                  {clients.map((client, index) => (
                    <option key={client.clientId} value={index}>
                      {client.label}
                    </option>
                  ))}
                </select>
                <button type="button" className="button" onClick={applyDemo} disabled={!demo}>
                  Use demo server
                </button>
              </div>
              <p className="hint">
                {session.isError
                  ? session.error.message
                  : demos.length > 1
                    ? 'Two real OAuth 2.0 servers run inside this playground, no Okta account needed: they disagree on how to read a Basic header, as real servers do.'
                    : 'A real OAuth 2.0 server (oidc-provider) runs inside this playground: no Okta account needed.'}
              </p>
            </div>
          </>
        )}
        {/* The form's one submit button: Enter in any field presses it (when it is enabled). */}
        <button
          type="submit"
          className="button button-primary"
          disabled={send.isPending || signing || !session.data || missing !== null}
          aria-describedby={missing ? `${selectId}-send-missing` : undefined}
          onClick={() => void sendNow(request)}
        >
          Send token request
        </button>
        {signingFailed ? (
          <p className="notice notice-error" role="alert">
            Not sent: the page could not sign a new client assertion with{' '}
            {CLIENT_AUTH[request.input.authMethod].credential === 'private-key'
              ? 'this private key. Check the key above, or generate a new one.'
              : 'this client secret. Check the secret above.'}
          </p>
        ) : null}
        {sent && assertionOf(sent.clientAuthentication) ? (
          // RFC 7523 §3 item 7: a server may refuse a jti it has seen. Seeing it refused teaches
          // why the page signs a new assertion for every request.
          <p className="hint">
            Every send signs a new assertion.{' '}
            <button
              type="button"
              className="button button-small"
              disabled={send.isPending}
              onClick={() => sendExactly(sent)}
            >
              Send the same assertion again
            </button>{' '}
            to see a server refuse a replayed one.
          </p>
        ) : null}
        {missing ? (
          <p id={`${selectId}-send-missing`} className="hint">
            {missing} to send the request.
          </p>
        ) : null}
        {session.isError ? (
          // Served as static files (no proxy behind the page): sending cannot work from here,
          // but the same request from a terminal does.
          <div className="notice notice-warning no-proxy" role="note">
            <p>
              <strong>Sending is not available here:</strong> the playground&apos;s own server (its
              proxy) does not answer this page, as when it is served as static files. Run the
              request from a terminal instead: it is exactly what the button would send.
            </p>
            <OutputField
              id={`${selectId}-curl`}
              label="curl command to run instead"
              value={curlBash(request)}
              missing={missing}
              multiline
              actions={
                <CopyButton
                  label="Copy the command to run instead"
                  value={curlBash(request)}
                  disabled={!!missing}
                />
              }
            />
          </div>
        ) : null}
      </section>
      {answerSlot ? createPortal(answer, answerSlot) : answer}
    </>
  );
}
