import { useEffect, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

interface CopyButtonProps {
  /** The button's accessible name and visible text, e.g. "Copy Base64". */
  readonly label: string;
  /** What goes to the clipboard; read at click time so it is never stale. */
  readonly value: string;
  readonly disabled?: boolean;
}

/**
 * Copies `value` and says so twice: visibly next to the button and to screen readers through a
 * polite live region. The button keeps its name, so people and tests always find it the same way.
 */
export function CopyButton({ label, value, disabled }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    timer.current = setTimeout(() => setState('idle'), 2500);
  }

  return (
    <span className="copy">
      <button type="button" className="button" onClick={copy} disabled={disabled}>
        {label}
      </button>
      <span role="status" className={`copy-status copy-status-${state}`}>
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Copy failed: select the text and copy it by hand'
            : ''}
      </span>
    </span>
  );
}
