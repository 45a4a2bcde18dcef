import { curlBashValueTarget } from './curl-bash.ts';
import { concat, text, type PlaceholderRequest } from './placeholders.ts';
import { posixPrelude, posixWord } from './posix-placeholders.ts';
import { quotePosix } from './quote-posix.ts';
import type { SnippetTarget } from './snippet-request.ts';

// Apart from curl-bash.ts, which is on the first screen: the placeholders load with the registry.

/**
 * The same command with the credentials from the environment: the shell computes the Basic header
 * (and the form-encoding, with a function before the command) when it runs.
 */
export function curlBashPlaceholders(request: PlaceholderRequest): string {
  const lines = [
    `curl --request ${request.method}`,
    `--url ${quotePosix(request.url)}`,
    ...request.headers.map(
      ([name, value]) => `--header ${posixWord(concat([text(`${name}: `), value]))}`,
    ),
    `--data ${posixWord(request.body)}`,
  ];
  return [...posixPrelude(request), lines.join(' \\\n  ')].join('\n');
}

export const curlBashTarget: SnippetTarget = {
  ...curlBashValueTarget,
  placeholders: (request) => ({ code: curlBashPlaceholders(request), warnings: [] }),
};
