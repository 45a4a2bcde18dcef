import type { Diagnosis } from '../../core/diagnosis/causes.ts';

/**
 * A diagnosis as the page shows it, under an answer and as the conclusion of the search: the
 * most likely cause, what shows it, and its one next action first; any other cause after it.
 */
export function DiagnosisView({
  diagnosis,
  title,
  withEvidence = true,
}: {
  diagnosis: Diagnosis;
  title: string;
  /** False where the evidence is already on screen (the search lists its attempts above). */
  withEvidence?: boolean;
}) {
  const [first, ...others] = diagnosis.causes;
  return (
    <div className="explanation diagnosis">
      <p>
        <strong>{title}</strong> {first.summary}
      </p>
      {withEvidence && first.evidence.length > 0 ? (
        <ul aria-label="What shows it" className="diagnosis-evidence">
          {first.evidence.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <p>
        <strong>Next:</strong> {first.action}
      </p>
      {others.length > 0 ? (
        <>
          <p>Also:</p>
          <ul aria-label="Other causes">
            {others.map((cause) => (
              <li key={cause.id}>
                {cause.summary} <em>Next:</em> {cause.action}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
