/**
 * A JavaScript string literal that evaluates to exactly `value`. `JSON.stringify` escapes `"`,
 * `\`, every control character and every lone surrogate (ES2019 well-formed stringify), and
 * JSON is a subset of ECMAScript string syntax since ES2019 (U+2028/U+2029 allowed in literals).
 */
export function quoteJavaScript(value: string): string {
  return JSON.stringify(value);
}
