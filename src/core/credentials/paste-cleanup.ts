import type { CredentialField } from './credential-checks.ts';

/**
 * What a one-line field removed from text pasted into it, and the value it left: the HTML value
 * sanitization of `<input type="text">` and `type="password"` strips every CR and LF, so a
 * secret copied with its line break arrives without it and the control-character check never
 * sees it. Stripping is usually what people want; the page says that it happened, and the
 * diagnosis of a refused request points back to it.
 */
export interface PastedLineBreaks {
  readonly count: number;
  /** The only line breaks were at the end of the pasted text. */
  readonly atEnd: boolean;
  /** The field's value right after the paste (the pasted text without its line breaks). */
  readonly leftValue: string;
}

/** The last paste into each credential field that had line breaks. */
export type PasteRemovals = Partial<Readonly<Record<CredentialField, PastedLineBreaks>>>;

/** What pasting `pasted` into a one-line field removes, or undefined when it had no line break. */
export function lineBreaksRemoved(pasted: string): PastedLineBreaks | undefined {
  const count = pasted.match(/\r\n|\r|\n/g)?.length ?? 0;
  if (count === 0) return undefined;
  return {
    count,
    atEnd: /[\r\n]+$/.test(pasted) && !/[\r\n]/.test(pasted.replace(/[\r\n]+$/, '')),
    leftValue: pasted.replace(/[\r\n]/g, ''),
  };
}

/**
 * The sentence to show under the field. Does NOT quote the pasted text (it may be a secret).
 */
export function describeRemovedLineBreaks(note: PastedLineBreaks, label: string): string {
  const count = note.count === 1 ? 'a line break' : `${note.count} line breaks`;
  const where = note.atEnd ? `${count} at the end` : count;
  return `The pasted ${label} had ${where}, which this one-line field removed (RFC 7617 forbids control characters anyway). What you see is what is sent; check it is the whole value.`;
}
