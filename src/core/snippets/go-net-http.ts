import { quoteGo } from './quote-go.ts';
import type { SnippetRequest, SnippetTarget } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/**
 * A complete Go program with `net/http`. Headers are set by assigning the map entry, not with
 * `Header.Set`, so each name is sent as written rather than canonicalised (HTTP names are
 * case-insensitive, RFC 9110 §5.1; this keeps the request identical to the other targets).
 */
export function goNetHttp(request: SnippetRequest): string {
  return [
    'package main',
    '',
    'import (',
    '\t"fmt"',
    '\t"io"',
    '\t"net/http"',
    '\t"strings"',
    ')',
    '',
    'func main() {',
    `\tbody := strings.NewReader(${quoteGo(request.body)})`,
    `\treq, err := http.NewRequest(${quoteGo(request.method)}, ${quoteGo(request.url)}, body)`,
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    ...request.headers.map(
      ([name, value]) => `\treq.Header[${quoteGo(name)}] = []string{${quoteGo(value)}}`,
    ),
    '\tres, err := http.DefaultClient.Do(req)',
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\tdefer res.Body.Close()',
    '\tanswer, err := io.ReadAll(res.Body)',
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\tfmt.Println(res.StatusCode, string(answer))',
    '}',
  ].join('\n');
}

export const goNetHttpTarget: SnippetTarget = {
  ...snippetTab('go-net-http'),
  generate: (request) => ({ code: goNetHttp(request), warnings: [] }),
};
