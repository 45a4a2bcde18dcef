/** PowerShell treats all four of these as single quotes (about_Quoting_Rules). */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/**
 * Quotes `value` as a PowerShell verbatim (single-quoted) string: nothing expands inside, and
 * each single quote, including the typographic ones PowerShell also accepts (U+2018, U+2019,
 * U+201A, U+201B), is doubled.
 *
 * Does NOT make the console read non-ASCII correctly: that depends on the console code page.
 */
export function quotePowerShell(value: string): string {
  return `'${value.replace(SINGLE_QUOTES, (quote) => quote + quote)}'`;
}
