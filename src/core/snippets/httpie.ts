import { concat, text, type PlaceholderRequest } from './placeholders.ts';
import { posixPrelude, posixWord } from './posix-placeholders.ts';
import { quotePosix } from './quote-posix.ts';
import type { SnippetRequest, SnippetTarget } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/**
 * HTTPie (3.0 or later) for bash and zsh: headers as `Name:Value` items, the body sent exactly as
 * the request holds it with `--raw` (HTTPie's own form items would re-encode it), and
 * `--ignore-stdin` so it does not wait for input when run from a script.
 *
 * Does NOT escape HTTPie's item separators in header names: header names are HTTP tokens, which
 * never hold `=`, `@` or `\`.
 */
export function httpie(request: SnippetRequest): string {
  const lines = [
    `http --ignore-stdin ${request.method} ${quotePosix(request.url)}`,
    ...request.headers.map(([name, value]) => quotePosix(`${name}:${value}`)),
    `--raw ${quotePosix(request.body)}`,
  ];
  return lines.join(' \\\n  ');
}

/** The same command with the credentials from the environment, computed by the shell. */
export function httpiePlaceholders(request: PlaceholderRequest): string {
  const lines = [
    `http --ignore-stdin ${request.method} ${quotePosix(request.url)}`,
    ...request.headers.map(([name, value]) => posixWord(concat([text(`${name}:`), value]))),
    `--raw ${posixWord(request.body)}`,
  ];
  return [...posixPrelude(request), lines.join(' \\\n  ')].join('\n');
}

export const httpieTarget: SnippetTarget = {
  ...snippetTab('httpie'),
  generate: (request) => ({ code: httpie(request), warnings: [] }),
  placeholders: (request) => ({ code: httpiePlaceholders(request), warnings: [] }),
};
