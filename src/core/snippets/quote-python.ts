/** Characters that need an escape in a double-quoted Python literal. */
const PYTHON_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * A Python 3 `str` literal that evaluates to exactly `value`: double-quoted, with `"` and `\`
 * escaped, control characters (C0, DEL, C1) and the line separators Python also splits lines at
 * written as `\xNN`/`\uNNNN`, and lone surrogates as `\uNNNN` (a `str` may hold them; the UTF-8
 * source file could not). Everything else stays literal: Python 3 source is UTF-8 (PEP 3120).
 */
export function quotePython(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const unit = value.charCodeAt(i);
    const escape = PYTHON_ESCAPES[c];
    if (escape) {
      out += escape;
    } else if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) {
      out += `\\x${unit.toString(16).padStart(2, '0')}`;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = value.charCodeAt(i + 1);
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += c + value[i + 1];
        i++;
      } else {
        out += `\\u${unit.toString(16).padStart(4, '0')}`;
      }
    } else if (unit === 0x2028 || unit === 0x2029 || unit === 0x85 || unit === 0xfeff) {
      out += `\\u${unit.toString(16).padStart(4, '0')}`;
    } else {
      out += c;
    }
  }
  return `${out}"`;
}
