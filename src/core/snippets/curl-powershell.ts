import { hasNonAscii } from './non-ascii.ts';
import { POWERSHELL_EXPRESSIONS } from './powershell-placeholders.ts';
import { concat, text, writeExpression, type PlaceholderRequest } from './placeholders.ts';
import { quotePowerShell } from './quote-powershell.ts';
import type { Snippet, SnippetRequest, SnippetTarget, SnippetWarning } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/** The arguments after `--request`, each already PowerShell code. */
function curlExeCommand(
  method: string,
  args: ReadonlyArray<readonly [flag: string, code: string]>,
): string {
  return [`curl.exe --request ${method}`, ...args.map(([flag, code]) => `${flag} ${code}`)].join(
    ' `\n  ',
  );
}

const NATIVE_QUOTES =
  'Windows PowerShell 5.1 and PowerShell before 7.3 drop those when they call curl.exe. Run this in PowerShell 7.3 or later, or use the Invoke-RestMethod tab.';

/**
 * The guide's curl command for PowerShell: `curl.exe`, because in Windows PowerShell 5.1 `curl`
 * is an alias of `Invoke-WebRequest`; every value a verbatim single-quoted string (`'` doubled);
 * backtick line continuations.
 */
export function curlPowerShell(request: SnippetRequest): Snippet {
  const values = [
    request.url,
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
    request.body,
  ];
  const code = curlExeCommand(request.method, [
    ['--url', quotePowerShell(request.url)],
    ...request.headers.map(
      ([name, value]) => ['--header', quotePowerShell(`${name}: ${value}`)] as const,
    ),
    ['--data', quotePowerShell(request.body)],
  ]);
  const warnings: SnippetWarning[] = [];
  if ([request.method, ...values].some((value) => value.includes('"') || value === '')) {
    warnings.push({
      code: 'windows-powershell-native-quotes',
      message: `A value contains a double quote (") or is empty: ${NATIVE_QUOTES}`,
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

/**
 * The same command with the credentials computed from `$env:` by PowerShell before curl.exe
 * runs. The values are unknown here, so the note about double quotes is always given.
 */
export function curlPowerShellPlaceholders(request: PlaceholderRequest): Snippet {
  const write = (expression: PlaceholderRequest['body']) =>
    writeExpression(expression, POWERSHELL_EXPRESSIONS);
  const code = curlExeCommand(request.method, [
    ['--url', quotePowerShell(request.url)],
    ...request.headers.map(
      ([name, value]) => ['--header', write(concat([text(`${name}: `), value]))] as const,
    ),
    ['--data', write(request.body)],
  ]);
  return {
    code,
    warnings: [
      {
        code: 'windows-powershell-native-quotes',
        message: `If a credential holds a double quote ("): ${NATIVE_QUOTES}`,
      },
    ],
  };
}

export const curlPowerShellTarget: SnippetTarget = {
  ...snippetTab('curl-powershell'),
  generate: curlPowerShell,
  placeholders: curlPowerShellPlaceholders,
};
