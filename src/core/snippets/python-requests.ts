import { describeSelfSignedDpop, dpopProofOf, pythonDpop } from './dpop-programs.ts';
import { writeExpression, type PlaceholderRequest } from './placeholders.ts';
import {
  PYTHON_EXPRESSIONS,
  pythonPlaceholderImports,
  pythonUtf8Bytes,
} from './python-placeholders.ts';
import { quotePython } from './quote-python.ts';
import type { SnippetRequest, SnippetTarget } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/** The parts of the program, each already Python code. */
interface RequestsCode {
  readonly imports: readonly string[];
  readonly method: string;
  readonly url: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  /** The body as bytes. */
  readonly data: string;
}

function requestsProgram(code: RequestsCode): string {
  return [
    ...code.imports,
    '',
    'response = requests.request(',
    `    ${code.method},`,
    `    ${code.url},`,
    '    headers={',
    ...code.headers.map(([name, value]) => `        ${name}: ${value},`),
    '    },',
    // Bytes, not str: requests would send a str body as Latin-1.
    `    data=${code.data},`,
    ')',
    'print(response.status_code, response.text)',
  ].join('\n');
}

/** The request with the `requests` package (`pip install requests`). */
export function pythonRequests(request: SnippetRequest): string {
  return requestsProgram({
    imports: ['import requests'],
    method: quotePython(request.method),
    url: quotePython(request.url),
    headers: request.headers.map(([name, value]) => [quotePython(name), quotePython(value)]),
    data: `${quotePython(request.body)}.encode("utf-8")`,
  });
}

/** The same program with the credentials from `os.environ`. */
export function pythonRequestsPlaceholders(request: PlaceholderRequest): string {
  return requestsProgram({
    imports: [...pythonPlaceholderImports(request), 'import requests'].sort(),
    method: quotePython(request.method),
    url: quotePython(request.url),
    headers: request.headers.map(([name, value]) => [
      quotePython(name),
      writeExpression(value, PYTHON_EXPRESSIONS),
    ]),
    data: pythonUtf8Bytes(request.body),
  });
}

export const pythonRequestsTarget: SnippetTarget = {
  ...snippetTab('python-requests'),
  // With DPoP the program signs its own proofs (the page's would be stale when it runs).
  generate: (request) => ({
    code:
      dpopProofOf(request) === undefined
        ? pythonRequests(request)
        : pythonDpop(request, 'requests'),
    warnings: [],
  }),
  describe: describeSelfSignedDpop,
  placeholders: (request) => ({ code: pythonRequestsPlaceholders(request), warnings: [] }),
};
