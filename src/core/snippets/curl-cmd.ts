import { hasNonAscii } from './non-ascii.ts';
import { cmdCannotCarry, quoteCmd } from './quote-cmd.ts';
import type { Snippet, SnippetRequest, SnippetTarget, SnippetWarning } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/**
 * curl for Windows `cmd.exe` (curl.exe ships with Windows 10 1803 and later): double-quoted
 * arguments, `^` line continuations. The body is sent field by field with `--data-urlencode`, so
 * curl percent-encodes each value itself and the command holds no `%XX` for cmd.exe to expand;
 * a form decoder reads the same values (curl writes a space as `%20`, not `+`).
 *
 * Does NOT emit a command that cmd.exe would change: when a value holds `"`, `%` or a line break
 * (see `cmdCannotCarry`), the code is empty and a warning names the part, never its value.
 */
export function curlCmd(request: SnippetRequest): Snippet {
  const fields = [...new URLSearchParams(request.body)];
  const parts: Array<readonly [what: string, flag: string, value: string]> = [
    ['the URL', '--url', request.url],
    ...request.headers.map(
      ([name, value]) => [`the ${name} header`, '--header', `${name}: ${value}`] as const,
    ),
    ...fields.map(
      ([name, value]) => [`the ${name} field`, '--data-urlencode', `${name}=${value}`] as const,
    ),
  ];
  const warnings: SnippetWarning[] = [];
  for (const [what, , value] of parts) {
    const reason = cmdCannotCarry(value);
    if (reason) {
      warnings.push({
        code: 'cmd-cannot-carry',
        message: `cmd.exe cannot carry ${what}: it contains ${reason}. No command is shown; use the PowerShell (curl.exe) tab.`,
      });
    }
  }
  if (warnings.length > 0) return { code: '', warnings };

  const values = parts.map(([, , value]) => value);
  if (values.some((value) => value.includes('!'))) {
    warnings.push({
      code: 'cmd-delayed-expansion',
      message:
        'A value contains "!": it is sent as typed in a normal cmd.exe, but not where delayed expansion is on (cmd /V:ON, or setlocal EnableDelayedExpansion in a batch file).',
    });
  }
  if (values.some(hasNonAscii)) {
    warnings.push({
      code: 'non-ascii-console',
      message:
        'A value has characters outside ASCII: curl.exe receives them in the console code page, not UTF-8. Use the PowerShell (Invoke-RestMethod) tab to send them exactly.',
    });
  }
  const code = [
    `curl --request ${request.method}`,
    ...parts.map(([, flag, value]) => `${flag} ${quoteCmd(value)}`),
  ].join(' ^\n  ');
  return { code, warnings };
}

export const curlCmdTarget: SnippetTarget = {
  ...snippetTab('curl-cmd'),
  generate: curlCmd,
};
