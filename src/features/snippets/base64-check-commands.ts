import { quotePosix } from '../../core/snippets/quote-posix.ts';
import { quotePowerShell } from '../../core/snippets/quote-powershell.ts';

/**
 * A terminal command that prints the Base64 of `pair` so a user can check this tool's answer
 * on their own machine. `printf '%s'` never adds a newline (unlike `echo` without `-n`), and
 * `tr -d '\n'` removes GNU `base64`'s wrapping at 76 columns and its final newline; macOS
 * `base64` has no `-w0`, so this works on both.
 */
export function bashBase64Command(pair: string): string {
  return `printf '%s' ${quotePosix(pair)} | base64 | tr -d '\\n'`;
}

/** The PowerShell equivalent: the UTF-8 bytes of the pair, without a BOM or a newline. */
export function powerShellBase64Command(pair: string): string {
  return `[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(${quotePowerShell(pair)}))`;
}
