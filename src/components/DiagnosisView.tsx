import type { Diagnosis } from '../core/diagnosis/causes.ts';
import { foldCitations } from './fold-citations.ts';
import { WhyDisclosure } from './WhyDisclosure.tsx';

/**
 * A diagnosis as the page shows it, under an answer (the token endpoint's, an API's) and as the
 * conclusion of the search: the most likely cause, what shows it, and its one next action first;
 * any other cause after it.
 */
export function DiagnosisView({
  diagnosis,
  title,
  withEvidence = true,
}: {
  diagnosis: Pick<Diagnosis, 'causes'>;
  title: string;
  /** False where the evidence is already on screen (the search lists its attempts above). */
  withEvidence?: boolean;
}) {
  // Plain words first; the spec references fold under "Why".
  const fold = (cause: (typeof diagnosis.causes)[number]) => ({
    ...cause,
    summary: foldCitations(cause.summary),
    action: foldCitations(cause.action),
  });
  const first = fold(diagnosis.causes[0]);
  const others = diagnosis.causes.slice(1).map(fold);
  const citations = [first, ...others].flatMap((cause) => [
    ...cause.summary.citations,
    ...cause.action.citations,
  ]);
  return (
    <div className="explanation diagnosis">
      <p>
        <strong>{title}</strong> {first.summary.plain}
      </p>
      {withEvidence && first.evidence.length > 0 ? (
        <ul aria-label="What shows it" className="diagnosis-evidence">
          {first.evidence.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <p>
        <strong>Next:</strong> {first.action.plain}
      </p>
      {others.length > 0 ? (
        <>
          <p>Also:</p>
          <ul aria-label="Other causes">
            {others.map((cause) => (
              <li key={cause.id}>
                {cause.summary.plain} <em>Next:</em> {cause.action.plain}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <WhyDisclosure citations={citations} />
    </div>
  );
}
