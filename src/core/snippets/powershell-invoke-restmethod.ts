import { POWERSHELL_EXPRESSIONS } from './powershell-placeholders.ts';
import { text, writeExpression, type Expression, type PlaceholderRequest } from './placeholders.ts';
import { quotePowerShell } from './quote-powershell.ts';
import type { SnippetRequest, SnippetTarget } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/** The request with each value as an expression (a literal is a text expression). */
interface ExpressionRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: Expression]>;
  readonly body: Expression;
}

/**
 * PowerShell's own HTTP client: `Invoke-RestMethod` with every value a verbatim single-quoted
 * string, or with the placeholders an expression over `$env:`. The content type goes in
 * `-ContentType`, not `-Headers`: Windows PowerShell 5.1 refuses a `Content-Type` in the headers
 * table.
 */
function invokeRestMethod(request: ExpressionRequest): string {
  const write = (expression: Expression) => writeExpression(expression, POWERSHELL_EXPRESSIONS);
  const isContentType = (name: string) => name.toLowerCase() === 'content-type';
  const contentType = request.headers.find(([name]) => isContentType(name))?.[1];
  const headers = request.headers.filter(([name]) => !isContentType(name));
  const lines = [
    `Invoke-RestMethod -Method ${request.method} -Uri ${quotePowerShell(request.url)} -Headers @{`,
    ...headers.map(([name, value]) => `  ${quotePowerShell(name)} = ${write(value)}`),
    `}${contentType === undefined ? '' : ` -ContentType ${write(contentType)}`} -Body ${write(request.body)}`,
  ];
  return lines.join('\n');
}

export function powerShellInvokeRestMethod(request: SnippetRequest): string {
  return invokeRestMethod({
    ...request,
    headers: request.headers.map(([name, value]) => [name, text(value)]),
    body: text(request.body),
  });
}

/** The same command with the credentials from `$env:`. */
export function powerShellInvokeRestMethodPlaceholders(request: PlaceholderRequest): string {
  return invokeRestMethod(request);
}

export const powerShellInvokeRestMethodTarget: SnippetTarget = {
  ...snippetTab('powershell-invoke-restmethod'),
  generate: (request) => ({ code: powerShellInvokeRestMethod(request), warnings: [] }),
  placeholders: (request) => ({
    code: powerShellInvokeRestMethodPlaceholders(request),
    warnings: [],
  }),
};
