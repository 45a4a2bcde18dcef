/**
 * Pasted text as characters that remember where they were in what the person pasted, so that
 * after quotes, header names and line breaks are taken away a finding can still point at the
 * original position.
 */
export interface PastedText {
  readonly text: string;
  /** For each UTF-16 code unit of `text`, its index in the original paste. */
  readonly at: readonly number[];
}

export function pastedText(text: string): PastedText {
  return { text, at: Array.from({ length: text.length }, (_, i) => i) };
}

/** `[start, end)` of `source`, positions kept. */
export function slicePasted(
  source: PastedText,
  start: number,
  end = source.text.length,
): PastedText {
  return { text: source.text.slice(start, end), at: source.at.slice(start, end) };
}

/** The characters of `source` for which `keep(index)` holds, positions kept. */
export function filterPasted(source: PastedText, keep: (index: number) => boolean): PastedText {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < source.text.length; i++) {
    if (!keep(i)) continue;
    text += source.text[i];
    at.push(source.at[i]!);
  }
  return { text, at };
}

/** The span in the original paste covered by `source.text[start, end)`. */
export function originalSpan(source: PastedText, start: number, end: number) {
  const first = source.at[start] ?? 0;
  const last = source.at[end - 1] ?? first;
  return { start: first, end: last + 1 };
}
