import { useId, type ReactNode } from 'react';

/** The hint under the demo choices, the same while they load and once they are there. */
export const DEMO_HINT =
  'A real OAuth 2.0 server runs inside this playground: no Okta account needed.';

/** One choice's options, its selected index, and what a change does. */
interface Choice {
  readonly labels: readonly string[];
  readonly index: number;
  readonly onChange: (index: number) => void;
}

interface DemoChoicesProps {
  /** The session's servers and clients; `null` while the session that names them is on its way. */
  readonly choices: {
    readonly server: Choice;
    /** How the chosen server reads Basic credentials. */
    readonly serverHint: string;
    readonly client: Choice;
  } | null;
  readonly onUse: () => void;
  /** A press made while loading is waiting for the session. */
  readonly busy: boolean;
  /** Said under the clients instead of the usual hint (why the session could not be had). */
  readonly hint?: string | undefined;
  /** What the last use left to say (the reader's own key kept). */
  readonly children?: ReactNode;
}

/**
 * The `Demo server` and `Demo client` choices and `Use demo server`, while the session loads (the
 * choices say so, the button is already pressable: a press is applied once the session names the
 * demo server) and once it has. One element tree for both, so nothing moves when the session
 * arrives, and the button is the same node: a press or focus on it is not lost then.
 */
export function DemoChoices({ choices, onUse, busy, hint, children }: DemoChoicesProps) {
  const serverId = useId();
  const clientId = useId();
  const select = (id: string, choice: Choice | undefined, loading: string) => (
    <select
      id={id}
      className="input"
      disabled={!choice?.labels.length}
      aria-busy={!choice || undefined}
      value={choice?.index}
      onChange={(event) => choice?.onChange(Number(event.target.value))}
    >
      {(choice?.labels ?? [loading]).map((label, index) => (
        <option key={label} value={index}>
          {label}
        </option>
      ))}
    </select>
  );
  return (
    <>
      {/* Shown for one server too: the rows stay where they were while the session loaded. */}
      {choices === null || choices.server.labels.length > 0 ? (
        <div className="field">
          <label htmlFor={serverId} className="label">
            Demo server
          </label>
          {select(serverId, choices?.server, 'Loading…')}
          <p className="hint">{choices?.serverHint ?? 'Loading…'}</p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={clientId} className="label">
          Demo client
        </label>
        <div className="input-row">
          {select(clientId, choices?.client, 'Loading demo clients…')}
          <button
            type="button"
            className="button"
            aria-busy={busy}
            disabled={choices?.client.labels.length === 0}
            onClick={onUse}
          >
            Use demo server
          </button>
        </div>
        <p className="hint">{hint ?? DEMO_HINT}</p>
        {children}
      </div>
    </>
  );
}
