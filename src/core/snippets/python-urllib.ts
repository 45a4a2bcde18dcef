import { hasNonAscii } from './non-ascii.ts';
import { quotePython } from './quote-python.ts';
import type { Snippet, SnippetRequest, SnippetTarget } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/**
 * The request with Python's standard library only (`urllib.request`), printing the status and
 * the body for an error answer too (urllib raises `HTTPError` on 4xx/5xx).
 */
export function pythonUrllib(request: SnippetRequest): Snippet {
  const code = [
    'import urllib.error',
    'import urllib.request',
    '',
    'request = urllib.request.Request(',
    `    ${quotePython(request.url)},`,
    `    method=${quotePython(request.method)},`,
    '    headers={',
    ...request.headers.map(
      ([name, value]) => `        ${quotePython(name)}: ${quotePython(value)},`,
    ),
    '    },',
    `    data=${quotePython(request.body)}.encode("utf-8"),`,
    ')',
    'try:',
    '    with urllib.request.urlopen(request) as response:',
    '        print(response.status, response.read().decode("utf-8"))',
    'except urllib.error.HTTPError as error:',
    '    print(error.code, error.read().decode("utf-8"))',
  ].join('\n');
  return {
    code,
    warnings: hasNonAscii(request.url)
      ? [
          {
            code: 'urllib-non-ascii-url',
            message:
              'The URL has characters outside ASCII, which urllib does not encode: write the host in its xn-- form and percent-encode the path.',
          },
        ]
      : [],
  };
}

export const pythonUrllibTarget: SnippetTarget = {
  ...snippetTab('python-urllib'),
  generate: pythonUrllib,
};
