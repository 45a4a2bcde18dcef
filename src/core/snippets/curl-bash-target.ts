import { curlBashValueTarget } from './curl-bash.ts';
import { concat, text, type PlaceholderRequest } from './placeholders.ts';
import { posixPrelude, posixWord } from './posix-placeholders.ts';
import { quotePosix } from './quote-posix.ts';
import type { SnippetRequest, SnippetTarget } from './snippet-request.ts';

// Apart from curl-bash.ts, which is on the first screen: the note and the placeholders load with
// the registry.

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
  describe: describeCurlBashQuoting,
  placeholders: (request) => ({ code: curlBashPlaceholders(request), warnings: [] }),
};

/** "a", "a and b", "a, b and c". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/**
 * The note under the curl command: which of its values `curlBash` put in single quotes and which
 * it left bare, for this request, so the note never claims more than the command does.
 */
export function describeCurlBashQuoting(request: SnippetRequest): string {
  const parts = [
    { name: 'the URL', values: [request.url] },
    {
      name: request.headers.length === 1 ? 'the header' : 'every header',
      values: request.headers.map(([name, value]) => `${name}: ${value}`),
    },
    { name: 'the body', values: [request.body] },
  ];
  // A group counts as quoted when any of its values is; headers always are (": " holds a space).
  const isQuoted = (value: string) => quotePosix(value) !== value;
  const quoted = parts.filter((part) => part.values.some(isQuoted)).map((part) => part.name);
  const bare = parts.filter((part) => !part.values.some(isQuoted)).map((part) => part.name);
  const apostrophe = parts.some((part) => part.values.some((value) => value.includes("'")));

  const sentences = ['For bash and zsh.'];
  if (quoted.length > 0) {
    sentences.push(
      `${capitalize(listInWords(quoted))} ${quoted.length === 1 ? 'is' : 'are'} in single quotes, where the shell changes nothing${apostrophe ? APOSTROPHE_RULE : ''}.`,
    );
  }
  if (bare.length > 0) {
    sentences.push(
      `${capitalize(listInWords(bare))} ${bare.length === 1 ? 'needs' : 'need'} no quotes: only characters the shell leaves alone.`,
    );
  }
  sentences.push('The shell passes every value byte for byte.');
  return sentences.join(' ');
}

const APOSTROPHE_RULE = " (a ' inside is written '\\'')";
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
