import { useEffect, useRef, useState, type MouseEvent } from 'react';

type CopyState = 'idle' | 'copied' | 'selected' | 'failed';

interface CopyButtonProps {
  /** The button's accessible name and visible text, e.g. "Copy Base64". */
  readonly label: string;
  /** What goes to the clipboard; read at click time so it is never stale. */
  readonly value: string;
  readonly disabled?: boolean;
  /**
   * Shorter visible text, where a heading beside the button names what it copies: the accessible
   * name stays `label`, which begins with this text (WCAG 2.5.3, label in name).
   */
  readonly text?: string;
}

/**
 * Copies `value` and says so twice: visibly next to the button and to screen readers through a
 * polite live region. The button keeps its name, so people and tests always find it the same way.
 */
export function CopyButton({ label, value, disabled, text }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy(event: MouseEvent<HTMLButtonElement>) {
    clearTimeout(timer.current);
    // Found before the await: React may have re-rendered by the time the clipboard answers.
    const box = event.currentTarget.closest('.output-field')?.querySelector('output, textarea');
    let outcome: CopyState;
    try {
      await navigator.clipboard.writeText(value);
      outcome = 'copied';
    } catch {
      // Blocked (an iframe without allow="clipboard-write", an insecure origin): select the
      // value for the reader instead, so one key press copies it.
      if (box) window.getSelection()?.selectAllChildren(box);
      outcome = box ? 'selected' : 'failed';
    }
    setState(outcome);
    // "Copied" is a glance; the instructions after a blocked copy need time to read.
    timer.current = setTimeout(() => setState('idle'), outcome === 'copied' ? 2500 : 8000);
  }

  return (
    <span className="copy">
      <button
        type="button"
        className="button"
        onClick={copy}
        disabled={disabled}
        aria-label={text ? label : undefined}
      >
        {text ?? label}
      </button>
      <span role="status" className={`copy-status copy-status-${state}`}>
        {state === 'copied'
          ? 'Copied'
          : state === 'selected'
            ? 'Copying is blocked here: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it'
            : state === 'failed'
              ? 'Copy failed: select the text and copy it by hand'
              : ''}
      </span>
    </span>
  );
}
