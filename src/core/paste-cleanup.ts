/**
 * What a one-line input silently removed from pasted text: the HTML value sanitization of
 * `<input type="text">` and `type="password"` strips every CR and LF, so a secret copied with its
 * line break arrives without it and the control-character check never sees it (issue 10,
 * defect 8). Stripping is usually what people want; this says that it happened.
 *
 * Returns the sentence to show, or undefined when the pasted text had no line break. Does NOT
 * quote the pasted text (it may be a secret).
 */
export function describeDroppedLineBreaks(pasted: string, label: string): string | undefined {
  const breaks = pasted.match(/\r\n|\r|\n/g)?.length ?? 0;
  if (breaks === 0) return undefined;
  const atEnd = /[\r\n]+$/.test(pasted) && !/[\r\n]/.test(pasted.replace(/[\r\n]+$/, ''));
  const count = breaks === 1 ? 'a line break' : `${breaks} line breaks`;
  const where = atEnd ? `${count} at the end` : count;
  return `The pasted ${label} had ${where}, which this one-line field removed (RFC 7617 forbids control characters anyway). What you see is what is sent; check it is the whole value.`;
}
