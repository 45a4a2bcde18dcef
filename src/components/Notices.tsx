import type { CheckSeverity } from '../core/credentials/credential-checks.ts';

export interface Notice {
  readonly severity: CheckSeverity;
  readonly message: string;
  /** The rule behind the message (a spec reference), folded under "Why". */
  readonly why?: string;
}

const PREFIX: Record<CheckSeverity, string> = {
  error: 'Problem',
  warning: 'Warning',
  info: 'Note',
};

interface NoticesProps {
  readonly id: string;
  readonly notices: readonly Notice[];
}

/**
 * Guidance shown under a field: never blocks typing. Linked to the field with
 * `aria-describedby={id}` so a screen reader reads it with the field.
 */
export function Notices({ id, notices }: NoticesProps) {
  if (notices.length === 0) return null;
  return (
    <ul id={id} className="notices">
      {notices.map((notice) => (
        <li key={notice.message} className={`notice notice-${notice.severity}`}>
          <strong>{PREFIX[notice.severity]}:</strong> {notice.message}
          {notice.why ? (
            <details>
              <summary>Why</summary>
              {notice.why}
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
