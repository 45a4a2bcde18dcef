/** Characters no shell expands; `=` not first: zsh's EQUALS option turns `=name` into a command path. */
const SAFE_WORD = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;

/**
 * Quotes `value` as one word for bash and zsh (POSIX shells too) so that it reproduces the exact
 * string: left bare when it holds only characters no shell treats specially, otherwise inside
 * single quotes, where nothing is special, and each `'` becomes `'\''` (close, escaped quote,
 * reopen). Newlines, `$`, `` ` ``, `!`, `\` and `"` are literal inside single quotes, also in
 * interactive bash (history expansion does not apply there).
 *
 * Does NOT handle NUL (U+0000): no shell argument can carry it. Lone surrogates have no UTF-8
 * form and come out as U+FFFD when the command is copied.
 */
export function quotePosix(value: string): string {
  if (SAFE_WORD.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
