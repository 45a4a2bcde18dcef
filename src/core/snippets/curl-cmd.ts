import { hasNonAscii } from './non-ascii.ts';
import type { PlaceholderRequest } from './placeholders.ts';
import { cmdCannotCarry, quoteCmd } from './quote-cmd.ts';
import type { Snippet, SnippetRequest, SnippetTarget, SnippetWarning } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/** One argument: what it is (for a warning), its flag, its value, and whether to check the value. */
type Part = readonly [what: string, flag: string, value: string];

/** The command, or why cmd.exe cannot carry one of the literal values (never the value itself). */
function cmdCommand(method: string, literals: readonly Part[], parts: readonly Part[]): Snippet {
  const warnings: SnippetWarning[] = [];
  for (const [what, , value] of literals) {
    const reason = cmdCannotCarry(value);
    if (reason) {
      warnings.push({
        code: 'cmd-cannot-carry',
        message: `cmd.exe cannot carry ${what}: it contains ${reason}. No command is shown; use the PowerShell (curl.exe) tab.`,
      });
    }
  }
  if (warnings.length > 0) return { code: '', warnings };
  const code = [
    `curl --request ${method}`,
    ...parts.map(([, flag, value]) => `${flag} ${quoteCmd(value)}`),
  ].join(' ^\n  ');
  return { code, warnings };
}

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
  const parts: Part[] = [
    ['the URL', '--url', request.url],
    ...request.headers.map(
      ([name, value]) => [`the ${name} header`, '--header', `${name}: ${value}`] as const,
    ),
    ...[...new URLSearchParams(request.body)].map(
      ([name, value]) => [`the ${name} field`, '--data-urlencode', `${name}=${value}`] as const,
    ),
  ];
  const snippet = cmdCommand(request.method, parts, parts);
  if (snippet.code === '') return snippet;
  const values = parts.map(([, , value]) => value);
  const warnings: SnippetWarning[] = [];
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
  return { code: snippet.code, warnings };
}

/**
 * The same command with `%CLIENT_ID%`, `%CLIENT_SECRET%` and `%CLIENT_ASSERTION%`, which cmd.exe
 * puts in before curl runs. cmd.exe cannot compute a Base64 or a form-encoding: the raw Basic
 * header is curl's own `--user` (the same bytes, RFC 7617 §2), body fields go through
 * `--data-urlencode`, and a form-encoded Basic header is left to the PowerShell tabs.
 */
export function curlCmdPlaceholders(request: PlaceholderRequest): Snippet {
  const basic = request.headers.some(
    ([name, value]) => isAuthorization(name) && value.kind !== 'text',
  );
  if (basic && request.encoding === 'form') {
    return {
      code: '',
      warnings: [
        {
          code: 'cmd-cannot-carry',
          message:
            'cmd.exe cannot form-encode the credentials for the Basic header (RFC 6749 §2.3.1). No command is shown; use a PowerShell tab.',
        },
      ],
    };
  }
  const literals: Part[] = [['the URL', '--url', request.url]];
  const parts: Part[] = [['the URL', '--url', request.url]];
  for (const [name, value] of request.headers) {
    if (value.kind === 'text') {
      const part = [`the ${name} header`, '--header', `${name}: ${value.text}`] as const;
      literals.push(part);
      parts.push(part);
    } else if (isAuthorization(name)) {
      parts.push(['the credentials', '--user', '%CLIENT_ID%:%CLIENT_SECRET%']);
    }
  }
  for (const [name, value] of request.fields) {
    if ('text' in value) {
      const part = [`the ${name} field`, '--data-urlencode', `${name}=${value.text}`] as const;
      literals.push(part);
      parts.push(part);
    } else {
      parts.push([`the ${name} field`, '--data-urlencode', `${name}=%${value.variable}%`]);
    }
  }
  const snippet = cmdCommand(request.method, literals, parts);
  if (snippet.code === '') return snippet;
  return {
    code: snippet.code,
    warnings: [
      {
        code: 'cmd-expands-variables',
        message:
          'cmd.exe puts in each %VARIABLE% before it reads the quotes: a credential holding a double quote (") breaks this command, and curl.exe receives characters outside ASCII in the console code page. For such a credential use the PowerShell (Invoke-RestMethod) tab.',
      },
    ],
  };
}

const isAuthorization = (name: string) => name.toLowerCase() === 'authorization';

export const curlCmdTarget: SnippetTarget = {
  ...snippetTab('curl-cmd'),
  generate: curlCmd,
  placeholders: curlCmdPlaceholders,
};
