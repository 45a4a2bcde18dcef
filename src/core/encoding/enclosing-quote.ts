/** Quote pairs people paste around a value: shell quotes and the typographic ones editors make. */
const QUOTE_PAIRS: ReadonlyArray<readonly [open: string, close: string]> = [
  ["'", "'"],
  ['"', '"'],
  ['`', '`'],
  ['\u2018', '\u2019'],
  ['\u201c', '\u201d'],
  ['\u201e', '\u201c'],
];

/**
 * The opening quote of a pair that encloses the whole text (`'abc'`, `“abc”`), or undefined.
 * Does NOT look inside the text: `'a' 'b'` is enclosed by `'` as far as this says.
 */
export function enclosingQuote(text: string): string | undefined {
  if (text.length < 2) return undefined;
  return QUOTE_PAIRS.find(([open, close]) => text.startsWith(open) && text.endsWith(close))?.[0];
}
