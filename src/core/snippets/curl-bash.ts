import { quotePosix } from './quote-posix.ts';
import type { SnippetRequest, SnippetValueTarget } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/**
 * The Okta guide's curl command for a token request, for bash and zsh: the same flags and
 * headers in the same order, one per line with `\` continuations, each value quoted so the
 * shell passes its exact bytes.
 */
export function curlBash(request: SnippetRequest): string {
  const lines = [
    `curl --request ${request.method}`,
    `--url ${quotePosix(request.url)}`,
    ...request.headers.map(([name, value]) => `--header ${quotePosix(`${name}: ${value}`)}`),
    `--data ${quotePosix(request.body)}`,
  ];
  return lines.join(' \\\n  ');
}

/**
 * The guide's curl with the values, on the first screen; its note and placeholder variant load
 * with the registry (`curl-bash-target.ts`).
 */
export const curlBashValueTarget: SnippetValueTarget = {
  ...snippetTab('curl-bash'),
  generate: (request) => ({ code: curlBash(request), warnings: [] }),
};
