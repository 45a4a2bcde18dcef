/**
 * A Go interpreted string literal (The Go Programming Language Specification, "String literals")
 * that holds the UTF-8 bytes of `value`: `"` and `\` escaped, control characters as `\xNN`,
 * everything else literal (Go source is UTF-8). A lone surrogate has no UTF-8 form and Go refuses
 * `\uD800`, so it becomes U+FFFD, as `TextEncoder` would send it.
 */
export function quoteGo(value: string): string {
  let out = '"';
  for (const c of value) {
    const code = c.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
    else if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `${out}"`;
}
