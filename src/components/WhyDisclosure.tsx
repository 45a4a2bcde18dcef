/** The spec references taken out of an explanation, folded under "Why" (closed by default). */
export function WhyDisclosure({ citations }: { citations: readonly string[] }) {
  const unique = [...new Set(citations)];
  if (unique.length === 0) return null;
  return (
    <details className="why">
      <summary>Why</summary>
      <ul>
        {unique.map((citation) => (
          <li key={citation}>{citation}</li>
        ))}
      </ul>
    </details>
  );
}
