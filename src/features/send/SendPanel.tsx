import { useId, useRef, useState } from 'react';
import { missingCredentials } from '../../core/missing-credentials.ts';
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
}

/** Step 4: send the request through the playground's proxy, or try the built-in demo server first. */
export function SendPanel({ request, onUseDemo }: SendPanelProps) {
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
    onUseDemo({
      tokenEndpointOverride: { url: demo.tokenEndpoint, source: 'demo' },
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      scope: client.scope,
    });
  }

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
                : 'A real OAuth 2.0 server (oidc-provider) runs inside this playground: no Okta account needed.'}
            </p>
          </div>
        )}
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
              onSettled: () => responseHeading.current?.focus(),
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
      </section>
      <TokenResponseView
        mutation={send}
        demo={demo}
        current={request}
        headingRef={responseHeading}
      />
    </>
  );
}
