import type { TokenRequest } from '../token-request.ts';
import { quotePosix } from './quote-posix.ts';

/**
 * The Okta guide's curl command for a token request, for bash and zsh: the same flags and
 * headers in the same order, one per line with `\` continuations, each value quoted so the
 * shell passes its exact bytes.
 */
export function curlBash(request: TokenRequest): string {
  const lines = [
    `curl --request ${request.method}`,
    `--url ${quotePosix(request.url)}`,
    ...request.headers.map(([name, value]) => `--header ${quotePosix(`${name}: ${value}`)}`),
    `--data ${quotePosix(request.body)}`,
  ];
  return lines.join(' \\\n  ');
}
