import { useEffect, useState } from 'react';
import type { DemoClient, DemoServerInfo } from '../../core/proxy/proxy-protocol.ts';
import type { FormChange } from '../../core/request/request-form.ts';
import type { ClientAuthMethod } from '../../core/client-auth/method.ts';
import { DemoChoices } from './DemoChoices.tsx';
import { defaultDemoClientIndex, demoSelection, keepsOwnKey } from './demo-selection.ts';
import { demoServerHint, demoServerLabel } from './demo-servers.ts';

interface DemoPickerProps {
  /** The demo servers the session names (none yet while it loads). */
  readonly demos: readonly DemoServerInfo[];
  /** True once the session has arrived: only then can "no demo server" be said. */
  readonly sessionLoaded: boolean;
  /** Why the session could not be had, shown in place of the demo servers' description. */
  readonly sessionError: string | undefined;
  /** The method chosen now, which a secret demo client keeps when it can. */
  readonly authMethod: ClientAuthMethod;
  /** DPoP is on: a demo client that requires it comes first. */
  readonly dpop: boolean;
  /** The private key field now: a key the reader made is never replaced by the demo's. */
  readonly privateKey: string | undefined;
  /** Fills in the demo server and one of its clients (and settles `demo=1`). */
  readonly onUseDemo: (change: FormChange) => void;
  /**
   * `demo=1`, or `Use demo server` pressed before the session arrived: choose the client that
   * accepts the method chosen now as soon as the session names one.
   */
  readonly preselectDemo: boolean;
  /** `Use demo server` pressed before the session arrived. */
  readonly onRequestDemo: () => void;
}

/** The `Demo server` and `Demo client` choices and `Use demo server`, or why there is none. */
export function DemoPicker(props: DemoPickerProps) {
  const { demos, sessionLoaded, sessionError, authMethod, onUseDemo, preselectDemo } = props;
  const { onRequestDemo, privateKey } = props;
  // Set when the last choice of a key client kept the reader's own key: the page says what now.
  const [keptKeyFor, setKeptKeyFor] = useState<string | null>(null);
  // The client picked in the choice; until one is, the first that accepts the method chosen now,
  // so Use demo server keeps that method (the first client otherwise).
  const [pickedIndex, setPickedIndex] = useState<number | null>(null);
  const [serverIndex, setServerIndex] = useState(0);
  const demo = demos[serverIndex] ?? demos[0] ?? null;
  const clients: readonly DemoClient[] = demo?.clients ?? [];
  const demoIndex = pickedIndex ?? defaultDemoClientIndex(clients, authMethod, props.dpop);

  function applyDemo() {
    const client = clients[demoIndex];
    if (!demo || !client) return;
    setKeptKeyFor(keepsOwnKey(client, privateKey) ? client.clientId : null);
    onUseDemo(demoSelection(demo.tokenEndpoint, client, authMethod, privateKey));
  }

  const chosenClient = clients[demoIndex];
  const demoEndpoint = demo?.tokenEndpoint;
  useEffect(() => {
    if (preselectDemo && demoEndpoint !== undefined && chosenClient !== undefined)
      onUseDemo(demoSelection(demoEndpoint, chosenClient, authMethod, privateKey));
  }, [preselectDemo, demoEndpoint, chosenClient, onUseDemo, authMethod, privateKey]);

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
  const loading = !sessionLoaded && sessionError === undefined;
  return (
    <DemoChoices
      choices={
        loading
          ? null
          : {
              server: {
                labels: demos.map(demoServerLabel),
                index: serverIndex,
                onChange: setServerIndex,
              },
              serverHint: demo ? demoServerHint(demo) : '',
              client: {
                labels: clients.map((client) => client.label),
                index: demoIndex,
                onChange: setPickedIndex,
              },
            }
      }
      onUse={loading ? onRequestDemo : applyDemo}
      busy={loading && preselectDemo}
      hint={sessionError}
    >
      {keptKeyFor !== null ? (
        <p className="notice notice-info" role="status">
          Your private key is kept, not replaced by the demo&apos;s. The demo client{' '}
          <code>{keptKeyFor}</code> knows only the demo&apos;s published key: press{' '}
          <em>Register this key with the demo server</em> in step 1 to get a demo client for your
          key.
        </p>
      ) : null}
    </DemoChoices>
  );
}
