import type { HeaderFinding } from '../../core/header-diagnosis/findings.ts';

/** Invisible characters, made visible where they are flagged. */
const VISIBLE: Readonly<Record<string, string>> = {
  ' ': '\u2423',
  '\t': '\u21e5',
  '\u00a0': '\u2423',
  '\r': '\u2190',
  '\n': '\u21b5\n',
  '\ufeff': '[U+FEFF]',
};

interface Piece {
  readonly text: string;
  readonly flagged: boolean;
}

/** The paste cut into runs of flagged and unflagged characters (UTF-16 indexes, as findings give). */
export function flaggedPieces(pasted: string, findings: readonly HeaderFinding[]): Piece[] {
  const flagged = new Array<boolean>(pasted.length).fill(false);
  for (const finding of findings) {
    if (finding.severity !== 'error' && finding.severity !== 'warning') continue;
    for (const { start, end } of finding.input ?? []) {
      for (let i = Math.max(0, start); i < Math.min(end, pasted.length); i++) flagged[i] = true;
    }
  }
  const pieces: Piece[] = [];
  for (let i = 0; i < pasted.length; i++) {
    const last = pieces.at(-1);
    if (last && last.flagged === flagged[i]) {
      pieces[pieces.length - 1] = { text: last.text + pasted[i], flagged: last.flagged };
    } else pieces.push({ text: pasted[i]!, flagged: flagged[i]! });
  }
  return pieces;
}

/**
 * The pasted text with the characters a finding points at marked, invisible ones made visible
 * (a line feed as ↵, a carriage return as ←, a space as ␣), so a person sees where the problem is. Shown only when there
 * is something to mark. It repeats the person's own paste, in this page only.
 */
export function FlaggedText({
  pasted,
  findings,
}: {
  readonly pasted: string;
  readonly findings: readonly HeaderFinding[];
}) {
  const pieces = flaggedPieces(pasted, findings);
  if (!pieces.some((piece) => piece.flagged)) return null;
  return (
    <figure className="flagged">
      <figcaption className="hint">Where the problems are, marked in what you pasted:</figcaption>
      <pre className="mono flagged-text">
        {pieces.map((piece, index) =>
          piece.flagged ? (
            <mark key={index}>{[...piece.text].map((c) => VISIBLE[c] ?? c).join('')}</mark>
          ) : (
            <span key={index}>{piece.text}</span>
          ),
        )}
      </pre>
    </figure>
  );
}
