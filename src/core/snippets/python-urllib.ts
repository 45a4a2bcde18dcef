import { describeSelfSignedDpop, dpopProofOf, pythonDpop } from './dpop-programs.ts';
import { hasNonAscii } from './non-ascii.ts';
import { writeExpression, type PlaceholderRequest } from './placeholders.ts';
import {
  PYTHON_EXPRESSIONS,
  pythonPlaceholderImports,
  pythonUtf8Bytes,
} from './python-placeholders.ts';
import { quotePython } from './quote-python.ts';
import type { Snippet, SnippetRequest, SnippetTarget, SnippetWarning } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/** The parts of the program, each already Python code. */
interface UrllibCode {
  readonly imports: readonly string[];
  readonly url: string;
  readonly method: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  /** The body as bytes. */
  readonly data: string;
}

function urllibProgram(code: UrllibCode): string {
  return [
    ...code.imports,
    '',
    'request = urllib.request.Request(',
    `    ${code.url},`,
    `    method=${code.method},`,
    '    headers={',
    ...code.headers.map(([name, value]) => `        ${name}: ${value},`),
    '    },',
    `    data=${code.data},`,
    ')',
    'try:',
    '    with urllib.request.urlopen(request) as response:',
    '        print(response.status, response.read().decode("utf-8"))',
    'except urllib.error.HTTPError as error:',
    '    print(error.code, error.read().decode("utf-8"))',
  ].join('\n');
}

function urllibWarnings(url: string): SnippetWarning[] {
  return hasNonAscii(url)
    ? [
        {
          code: 'urllib-non-ascii-url',
          message:
            'The URL has characters outside ASCII, which urllib does not encode: write the host in its xn-- form and percent-encode the path.',
        },
      ]
    : [];
}

/**
 * The request with Python's standard library only (`urllib.request`), printing the status and
 * the body for an error answer too (urllib raises `HTTPError` on 4xx/5xx).
 */
export function pythonUrllib(request: SnippetRequest): Snippet {
  const code = urllibProgram({
    imports: ['import urllib.error', 'import urllib.request'],
    url: quotePython(request.url),
    method: quotePython(request.method),
    headers: request.headers.map(([name, value]) => [quotePython(name), quotePython(value)]),
    data: `${quotePython(request.body)}.encode("utf-8")`,
  });
  return { code, warnings: urllibWarnings(request.url) };
}

/** The same program with the credentials from `os.environ`. */
export function pythonUrllibPlaceholders(request: PlaceholderRequest): Snippet {
  const code = urllibProgram({
    imports: [
      ...pythonPlaceholderImports(request),
      'import urllib.error',
      'import urllib.request',
    ].sort(),
    url: quotePython(request.url),
    method: quotePython(request.method),
    headers: request.headers.map(([name, value]) => [
      quotePython(name),
      writeExpression(value, PYTHON_EXPRESSIONS),
    ]),
    data: pythonUtf8Bytes(request.body),
  });
  return { code, warnings: urllibWarnings(request.url) };
}

export const pythonUrllibTarget: SnippetTarget = {
  ...snippetTab('python-urllib'),
  // With DPoP the program signs its own proofs (the page's would be stale when it runs).
  generate: (request) =>
    dpopProofOf(request) === undefined
      ? pythonUrllib(request)
      : { code: pythonDpop(request, 'urllib'), warnings: urllibWarnings(request.url) },
  describe: describeSelfSignedDpop,
  placeholders: pythonUrllibPlaceholders,
};
