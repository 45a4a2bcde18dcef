/**
 * A Java string literal that evaluates to exactly `value` (JLS §3.10.5, §3.10.7). Everything
 * outside printable ASCII is written as a `\uNNNN` escape (UTF-16 units), so the literal means
 * the same whatever encoding `javac` assumes for the file (JDK 17 on Windows assumes cp1252).
 * LF, CR, `"` and `\` get their short escapes: JLS §3.3 turns `\u000a` into a real line break
 * BEFORE parsing, which would end the literal. A `\` right after an escaped high surrogate is
 * written in octal (`\134`): javac 17 looks ahead for the low surrogate there and then takes
 * `\\u0041` as an escaped `\` followed by `\u0041` (found by the round-trip test).
 */
export function quoteJava(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const unit = value.charCodeAt(i);
    const previous = value.charCodeAt(i - 1);
    if (c === '\\' && previous >= 0xd800 && previous <= 0xdbff) out += '\\134';
    else if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (unit < 0x20 || unit > 0x7e) out += `\\u${unit.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return `${out}"`;
}
