import { useId } from 'react';
import { missingCredentials } from '../../core/client-auth/methods.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';
import { DemoChoices } from './DemoChoices.tsx';

/**
 * The send step as it first looks (no session yet, nothing sent), without the code that sends:
 * TanStack Query, zod and the response view load only when someone may send (src/app/BuildTool).
 * Same markup as `SendPanel` before its session arrives (SendPlaceholder.test.tsx compares them),
 * so swapping one for the other moves nothing on screen, and it is what the prerendered page shows.
 */
export function SendPlaceholder(props: {
  readonly request: TokenRequest;
  /** `Use demo server` pressed before the sender is here: the app fills it in once it can. */
  readonly onRequestDemo: () => void;
  /** Such a press is waiting. */
  readonly demoRequested: boolean;
}) {
  const { request } = props;
  const selectId = useId();
  const missing = missingCredentials(request.input);
  return (
    <>
      <section aria-labelledby="send-heading" className="card">
        <h2 id="send-heading">3. Send it</h2>
        <p className="hint">
          Sent through this playground's proxy, which passes on only the accept, authorization,
          content-type and DPoP headers and logs no credentials (a browser cannot send it itself:
          token endpoints allow no CORS, and Okta refuses a browser Origin).
        </p>
        <DemoChoices choices={null} onUse={props.onRequestDemo} busy={props.demoRequested} />
      </section>
      <div className="card send-bar">
        <button
          type="submit"
          className="button button-primary"
          disabled
          aria-describedby={missing ? `${selectId}-send-missing` : undefined}
        >
          Send token request
        </button>
        {missing ? (
          <p id={`${selectId}-send-missing`} className="hint">
            {missing} to send the request.
          </p>
        ) : null}
      </div>
      <section
        aria-labelledby="response-heading"
        aria-busy={false}
        data-submitted-at={0}
        className="card response"
      >
        <h2 id="response-heading" tabIndex={-1}>
          Token response
        </h2>
        <div role="status" />
        <div role="status" aria-live="polite">
          <p className="hint">Nothing sent yet.</p>
        </div>
      </section>
    </>
  );
}
