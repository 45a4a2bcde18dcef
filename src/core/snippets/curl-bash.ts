import { quotePosix } from './quote-posix.ts';
import type { SnippetRequest, SnippetTarget } from './snippet-request.ts';

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

export const curlBashTarget: SnippetTarget = {
  id: 'curl-bash',
  label: 'curl (bash)',
  language: 'bash',
  generate: (request) => ({ code: curlBash(request), warnings: [] }),
};
