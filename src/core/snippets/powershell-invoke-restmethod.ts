import { quotePowerShell } from './quote-powershell.ts';
import type { SnippetRequest, SnippetTarget } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/**
 * PowerShell's own HTTP client: `Invoke-RestMethod` with every value a verbatim single-quoted
 * string. The content type goes in `-ContentType`, not `-Headers`: Windows PowerShell 5.1 refuses
 * a `Content-Type` in the headers table.
 */
export function powerShellInvokeRestMethod(request: SnippetRequest): string {
  const isContentType = (name: string) => name.toLowerCase() === 'content-type';
  const contentType = request.headers.find(([name]) => isContentType(name))?.[1];
  const headers = request.headers.filter(([name]) => !isContentType(name));
  const lines = [
    `Invoke-RestMethod -Method ${request.method} -Uri ${quotePowerShell(request.url)} -Headers @{`,
    ...headers.map(([name, value]) => `  ${quotePowerShell(name)} = ${quotePowerShell(value)}`),
    `}${contentType === undefined ? '' : ` -ContentType ${quotePowerShell(contentType)}`} -Body ${quotePowerShell(request.body)}`,
  ];
  return lines.join('\n');
}

export const powerShellInvokeRestMethodTarget: SnippetTarget = {
  ...snippetTab('powershell-invoke-restmethod'),
  generate: (request) => ({ code: powerShellInvokeRestMethod(request), warnings: [] }),
};
