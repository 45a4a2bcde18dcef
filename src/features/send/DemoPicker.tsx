import { useEffect, useId, useState } from 'react';
import type { DemoClient, DemoServerInfo } from '../../core/proxy/proxy-protocol.ts';
import type { FormChange } from '../../core/request/request-form.ts';
import type { ClientAuthMethod } from '../../core/client-auth/method.ts';
import { CLIENT_AUTH } from '../../core/client-auth/methods.ts';
import { demoSelection } from './demo-selection.ts';
import { demoServerLabel } from './demo-servers.ts';

interface DemoPickerProps {
  /** The demo servers the session names (none yet while it loads). */
  readonly demos: readonly DemoServerInfo[];
  /** True once the session has arrived: only then can "no demo server" be said. */
  readonly sessionLoaded: boolean;
  /** Why the session could not be had, shown in place of the demo servers' description. */
  readonly sessionError: string | undefined;
  /** The method chosen now, which a secret demo client keeps when it can. */
  readonly authMethod: ClientAuthMethod;
  /** Fills in the demo server and one of its clients (and settles `demo=1`). */
  readonly onUseDemo: (change: FormChange) => void;
  /** `demo=1`: choose the first client as soon as the session names one. */
  readonly preselectDemo: boolean;
}

/** The `Demo server` and `Demo client` choices and `Use demo server`, or why there is none. */
export function DemoPicker(props: DemoPickerProps) {
  const { demos, sessionLoaded, sessionError, authMethod, onUseDemo, preselectDemo } = props;
  // The client picked in the choice; until one is, the first that accepts the method chosen now,
  // so Use demo server keeps that method (the first client otherwise).
  const [pickedIndex, setPickedIndex] = useState<number | null>(null);
  const [serverIndex, setServerIndex] = useState(0);
  const selectId = useId();
  const serverChoiceName = useId();
  const demo = demos[serverIndex] ?? demos[0] ?? null;
  const clients: readonly DemoClient[] = demo?.clients ?? [];
  const accepting = CLIENT_AUTH[authMethod].demoClientMethod ?? authMethod;
  const demoIndex =
    pickedIndex ??
    Math.max(
      0,
      clients.findIndex((client) => client.authMethod === accepting),
    );

  function applyDemo() {
    const client = clients[demoIndex];
    if (!demo || !client) return;
    onUseDemo(demoSelection(demo.tokenEndpoint, client, authMethod));
  }

  const firstDemoClient = demo?.clients[0];
  const demoEndpoint = demo?.tokenEndpoint;
  useEffect(() => {
    if (preselectDemo && demoEndpoint !== undefined && firstDemoClient !== undefined)
      onUseDemo(demoSelection(demoEndpoint, firstDemoClient, authMethod));
  }, [preselectDemo, demoEndpoint, firstDemoClient, onUseDemo, authMethod]);

  if (sessionLoaded && !demo)
    // A host without Node (the edge worker) has no demo server: say so, and where to get one,
    // rather than offer a button that cannot work.
    return (
      <p className="hint">
        No demo server here: the built-in authorization server needs Node, and this playground runs
        without it (e.g. on an edge runtime). To try one, run the playground locally with{' '}
        <code>npm start</code>, or send to your own token endpoint.
      </p>
    );
  return (
    <>
      {demos.length > 1 ? (
        // Radios, not a select: each server's description wraps instead of being cut off.
        <fieldset className="choice">
          <legend className="label">Demo server</legend>
          {demos.map((server, index) => (
            <label key={server.issuer} className="radio">
              <input
                type="radio"
                name={serverChoiceName}
                checked={index === serverIndex}
                onChange={() => setServerIndex(index)}
              />
              {demoServerLabel(server)}
            </label>
          ))}
        </fieldset>
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
            onChange={(e) => setPickedIndex(Number(e.target.value))}
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
          {sessionError ??
            (demos.length > 1
              ? 'Two real OAuth 2.0 servers run inside this playground, no Okta account needed: they disagree on how to read a Basic header, as real servers do.'
              : 'A real OAuth 2.0 server (oidc-provider) runs inside this playground: no Okta account needed.')}
        </p>
      </div>
    </>
  );
}
