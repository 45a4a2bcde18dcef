import { quotePython } from './quote-python.ts';
import type { SnippetRequest, SnippetTarget } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/** The request with the `requests` package (`pip install requests`). */
export function pythonRequests(request: SnippetRequest): string {
  return [
    'import requests',
    '',
    'response = requests.request(',
    `    ${quotePython(request.method)},`,
    `    ${quotePython(request.url)},`,
    '    headers={',
    ...request.headers.map(
      ([name, value]) => `        ${quotePython(name)}: ${quotePython(value)},`,
    ),
    '    },',
    // Bytes, not str: requests would send a str body as Latin-1.
    `    data=${quotePython(request.body)}.encode("utf-8"),`,
    ')',
    'print(response.status_code, response.text)',
  ].join('\n');
}

export const pythonRequestsTarget: SnippetTarget = {
  ...snippetTab('python-requests'),
  generate: (request) => ({ code: pythonRequests(request), warnings: [] }),
};
