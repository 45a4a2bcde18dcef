import { hasNonAscii } from './non-ascii.ts';
import { quotePowerShell } from './quote-powershell.ts';
import type { SnippetRequest, SnippetTarget, SnippetWarning } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/**
 * The guide's curl command for PowerShell: `curl.exe`, because in Windows PowerShell 5.1 `curl`
 * is an alias of `Invoke-WebRequest`; every value a verbatim single-quoted string (`'` doubled);
 * backtick line continuations.
 */
export function curlPowerShell(request: SnippetRequest): {
  code: string;
  warnings: SnippetWarning[];
} {
  const args = [
    ['--request', request.method],
    ['--url', request.url],
    ...request.headers.map(([name, value]) => ['--header', `${name}: ${value}`] as const),
    ['--data', request.body],
  ] as const;
  const code = [
    `curl.exe --request ${request.method}`,
    ...args.slice(1).map(([flag, value]) => `${flag} ${quotePowerShell(value)}`),
  ].join(' `\n  ');
  const values = args.map(([, value]) => value);
  const warnings: SnippetWarning[] = [];
  if (values.some((value) => value.includes('"') || value === '')) {
    warnings.push({
      code: 'windows-powershell-native-quotes',
      message:
        'A value contains a double quote (") or is empty: Windows PowerShell 5.1 and PowerShell before 7.3 drop those when they call curl.exe. Run this in PowerShell 7.3 or later, or use the Invoke-RestMethod tab.',
    });
  }
  if (values.some(hasNonAscii)) {
    warnings.push({
      code: 'non-ascii-console',
      message:
        'A value has characters outside ASCII: curl.exe may receive them in the console code page rather than UTF-8. The Invoke-RestMethod tab sends them exactly.',
    });
  }
  return { code, warnings };
}

export const curlPowerShellTarget: SnippetTarget = {
  ...snippetTab('curl-powershell'),
  generate: curlPowerShell,
};
