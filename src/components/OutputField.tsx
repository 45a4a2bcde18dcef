import type { ReactNode } from 'react';

interface OutputFieldProps {
  readonly id: string;
  /** The accessible name: exactly the visible label (GUIDE §3 contracts). */
  readonly label: string;
  /** Exactly the text of the element. */
  readonly value: string;
  readonly multiline?: boolean;
  /** Copy buttons and other actions shown after the value. */
  readonly actions?: ReactNode;
  readonly hint?: ReactNode;
}

/**
 * A computed value: an `<output>` named by its `<label>`, whose text is exactly the value.
 * `aria-live="off"`: an output is a live region by default, and reading the Base64 aloud on
 * every keystroke would drown everything else.
 */
export function OutputField({ id, label, value, multiline, actions, hint }: OutputFieldProps) {
  return (
    <div className="output-field">
      <label htmlFor={id} className="label">
        {label}
      </label>
      {/* A multi-line value scrolls sideways: focusable, so a keyboard user can scroll it. */}
      <output
        id={id}
        aria-live="off"
        className={multiline ? 'value value-multiline' : 'value'}
        tabIndex={multiline ? 0 : undefined}
      >
        {value}
      </output>
      {hint ? <p className="hint">{hint}</p> : null}
      {actions ? <div className="actions">{actions}</div> : null}
    </div>
  );
}
