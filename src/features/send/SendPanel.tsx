import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { missingCredentials } from '../../core/missing-credentials.ts';
import { curlBash } from '../../core/snippets/curl-bash.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import type { TokenEndpointOverride } from '../../core/request-form.ts';
import type { TokenRequest } from '../../core/token-request.ts';
import type { DemoClient } from '../../core/proxy-protocol.ts';
import { useSendTokenRequest } from '../../services/send-token-request.ts';
import { useSession } from '../../services/session.ts';
import { TokenResponseView } from './TokenResponseView.tsx';

export interface DemoSelection {
  tokenEndpointOverride: TokenEndpointOverride;
  clientId: string;
  clientSecret: string;
  scope: string;
}

interface SendPanelProps {
  readonly request: TokenRequest;
  readonly onUseDemo: (selection: DemoSelection) => void;
  /**
   * `demo=1`: choose the demo server's first client as soon as the session says there is one, as
   * if `Use demo server` had been pressed (the caller clears it through `onUseDemo`).
   */
  readonly preselectDemo?: boolean;
  /** Where to show the answer instead of right after the button (guided mode's last step). */
  readonly answerSlot?: HTMLElement | null;
  /** Called when an answer (or a failure) arrives, before focus moves to it. */
  readonly onAnswer?: () => void;
}

function demoSelection(tokenEndpoint: string, client: DemoClient): DemoSelection {
  return {
    tokenEndpointOverride: { url: tokenEndpoint, source: 'demo' },
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    scope: client.scope,
  };
}

/** Step 4: send the request through the playground's proxy, or try the built-in demo server first. */
export function SendPanel(props: SendPanelProps) {
  const { request, onUseDemo, preselectDemo = false, answerSlot = null, onAnswer } = props;
  const session = useSession();
  const send = useSendTokenRequest();
  const [demoIndex, setDemoIndex] = useState(0);
  const selectId = useId();
  const responseHeading = useRef<HTMLHeadingElement>(null);
  const demo = session.data?.demo ?? null;
  const missing = missingCredentials(request.input);
  const clients: readonly DemoClient[] = demo?.clients ?? [];

  function applyDemo() {
    const client = clients[demoIndex];
    if (!demo || !client) return;
    onUseDemo(demoSelection(demo.tokenEndpoint, client));
  }

  const firstDemoClient = demo?.clients[0];
  const demoEndpoint = demo?.tokenEndpoint;
  useEffect(() => {
    if (preselectDemo && demoEndpoint !== undefined && firstDemoClient !== undefined)
      onUseDemo(demoSelection(demoEndpoint, firstDemoClient));
  }, [preselectDemo, demoEndpoint, firstDemoClient, onUseDemo]);

  const answer = (
    <TokenResponseView mutation={send} demo={demo} current={request} headingRef={responseHeading} />
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
              : session.data && !demo
                ? 'This server runs without the built-in demo authorization server.'
                : 'A real OAuth 2.0 server (oidc-provider) runs inside this playground: no Okta account needed.'}
          </p>
        </div>
        {/* The form's one submit button: Enter in any field presses it (when it is enabled). */}
        <button
          type="submit"
          className="button button-primary"
          disabled={send.isPending || !session.data || missing !== null}
          aria-describedby={missing ? `${selectId}-send-missing` : undefined}
          onClick={() =>
            send.mutate(request, {
              // The button was disabled while sending, which drops focus to <body>: take it to
              // the answer, so keyboard and screen reader users land where the result is.
              onSettled: () => {
                onAnswer?.();
                responseHeading.current?.focus();
              },
            })
          }
        >
          Send token request
        </button>
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
