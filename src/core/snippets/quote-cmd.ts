/**
 * Why cmd.exe cannot carry a value, or undefined when it can. Inside `"…"` cmd.exe treats
 * `& | < > ^ ( )` as text, but:
 * - `"` ends the quoted part (there is no escape for it inside quotes), after which those
 *   characters act again;
 * - `%NAME%` is replaced by a variable's value when one of that name exists, and an interactive
 *   command line has no escape for `%` inside quotes (a batch file would need `%%`);
 * - a line break ends the command.
 */
export function cmdCannotCarry(value: string): string | undefined {
  if (value.includes('"')) return 'a double quote (")';
  if (value.includes('%')) return 'a percent sign (%)';
  if (/[\r\n]/.test(value)) return 'a line break';
  if (value.includes('\0')) return 'a NUL character';
  return undefined;
}

/**
 * Quotes `value` as one argument for a command typed into cmd.exe and read by a program that
 * splits its command line the Microsoft C runtime way (curl.exe does): inside double quotes, with
 * each run of backslashes before the closing quote doubled so it stays literal.
 *
 * Does NOT quote a value `cmdCannotCarry` rejects: check first, and say so instead of emitting it.
 */
export function quoteCmd(value: string): string {
  return `"${value.replace(/(\\+)$/, '$1$1')}"`;
}
