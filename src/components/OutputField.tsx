import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton.tsx';

/** Past this many characters a value wraps by the cheaper rule (styles.css, `.value-long`). */
const LONG_VALUE = 512;

interface OutputFieldProps {
  readonly id: string;
  /** The accessible name: exactly the visible label (README, Contracts). */
  readonly label: string;
  /** Exactly the text of the element. */
  readonly value: string;
  /**
   * What the user still has to enter before there is a value ("Enter a client ID and secret"):
   * the output is then empty and the box says this instead. Nothing fake is shown or copyable.
   */
  readonly missing?: string | null;
  readonly multiline?: boolean;
  /**
   * A `Copy <label>` button for the value, disabled while something is `missing` (the README's
   * names: `Copy Base64`, `Copy Authorization header`, `Copy curl command`).
   */
  readonly copyable?: boolean;
  /** Other actions, shown at the top right of the value. */
  readonly actions?: ReactNode;
  readonly hint?: ReactNode;
  /** Marked-up content whose text is exactly `value` (the token in its coloured parts). */
  readonly children?: ReactNode;
  /** Ids of elements that describe the value (what the colours mean). */
  readonly describedBy?: string;
}

/**
 * A computed value: an `<output>` named by its `<label>`, whose text is exactly the value.
 * `aria-live="off"`: an output is a live region by default, and reading the Base64 aloud on
 * every keystroke would drown everything else.
 */
export function OutputField(props: OutputFieldProps) {
  const { id, label, value, missing, multiline, copyable, hint, children, describedBy } = props;
  const actions =
    copyable || props.actions ? (
      <>
        {copyable ? (
          <CopyButton label={`Copy ${label}`} value={value} disabled={!!missing} />
        ) : null}
        {props.actions}
      </>
    ) : undefined;
  const missingId = `${id}-missing`;
  return (
    <div className="output-field">
      <div className="output-head">
        <label htmlFor={id} className="label">
          {label}
        </label>
        {actions ? <div className="actions">{actions}</div> : null}
      </div>
      {missing ? (
        <p className="value value-missing">
          <output id={id} aria-live="off" aria-describedby={missingId} />
          <span id={missingId}>{missing}</span>
        </p>
      ) : (
        // A multi-line value scrolls sideways: focusable, so a keyboard user can scroll it.
        <output
          id={id}
          aria-live="off"
          className={
            multiline
              ? 'value value-multiline'
              : value.length > LONG_VALUE
                ? 'value value-long'
                : 'value'
          }
          tabIndex={multiline ? 0 : undefined}
          aria-describedby={describedBy}
        >
          {children ?? value}
        </output>
      )}
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}
