import { useId } from 'react';

/** The hint under the demo choices, the same while they load and once they are there. */
export const DEMO_HINT =
  'A real OAuth 2.0 server runs inside this playground: no Okta account needed.';

/**
 * The `Demo server` and `Demo client` choices while the session that names them is on its way:
 * the same rows as when they arrive (nothing moves then), saying they are loading, and
 * `Use demo server` already pressable: a press asks for the demo server, which is filled in as
 * soon as the session names it. `requested` marks a press that is waiting.
 */
export function DemoChoicesLoading(props: {
  readonly onRequestDemo: () => void;
  readonly requested: boolean;
}) {
  const serverId = useId();
  const clientId = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={serverId} className="label">
          Demo server
        </label>
        <select id={serverId} className="input" disabled aria-busy>
          <option>Loading…</option>
        </select>
        <p className="hint">Loading…</p>
      </div>
      <div className="field">
        <label htmlFor={clientId} className="label">
          Demo client
        </label>
        <div className="input-row">
          <select id={clientId} className="input" disabled aria-busy>
            <option>Loading demo clients…</option>
          </select>
          <button
            type="button"
            className="button"
            aria-busy={props.requested}
            onClick={props.onRequestDemo}
          >
            Use demo server
          </button>
        </div>
        <p className="hint">{DEMO_HINT}</p>
      </div>
    </>
  );
}
