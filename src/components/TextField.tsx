import type { ReactNode } from 'react';
import { Notices, type Notice } from './Notices.tsx';

interface TextFieldProps {
  readonly id: string;
  /** The input's accessible name: the visible label. */
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Guidance under the field, read by screen readers with it (`aria-describedby`). */
  readonly notices?: readonly Notice[];
  readonly hint?: ReactNode;
  /** A button beside the input (Show secret, Derive from Okta domain). */
  readonly action?: ReactNode;
  readonly type?: 'text' | 'password';
  readonly inputMode?: 'text' | 'url';
  readonly placeholder?: string;
  /** The text as pasted, before the one-line input strips its line breaks. */
  readonly onPaste?: (pasted: string) => void;
}

/**
 * A labelled input for identifiers, secrets and URLs, with its hint and guidance (never blocking
 * what is typed).
 */
export function TextField(props: TextFieldProps) {
  const {
    id,
    label,
    value,
    onChange,
    notices = [],
    hint,
    action,
    type,
    inputMode,
    placeholder,
    onPaste,
  } = props;
  const hintId = `${id}-hint`;
  const noticesId = `${id}-notices`;
  const describedBy = [hint ? hintId : '', notices.length ? noticesId : '']
    .filter(Boolean)
    .join(' ');
  const input = (
    // Monospace, and no autocorrection, capitalisation, spell checking or autocomplete: they would
    // silently change what was pasted, or remember it.
    <input
      id={id}
      className="input mono"
      autoComplete="off"
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      type={type}
      inputMode={inputMode}
      placeholder={placeholder}
      value={value}
      aria-describedby={describedBy || undefined}
      onChange={(event) => onChange(event.target.value)}
      onPaste={onPaste ? (event) => onPaste(event.clipboardData.getData('text')) : undefined}
    />
  );
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {label}
      </label>
      {action ? (
        <div className="input-row">
          {input}
          {action}
        </div>
      ) : (
        input
      )}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <Notices id={noticesId} notices={notices} />
    </div>
  );
}
