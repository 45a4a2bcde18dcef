import {
  requestUses,
  writeExpression,
  type ExpressionSyntax,
  type PlaceholderRequest,
} from './placeholders.ts';
import { quoteGo } from './quote-go.ts';
import type { SnippetRequest, SnippetTarget } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/** The parts of the program, each already Go code. */
interface GoCode {
  /** Extra packages the values use (Go refuses an unused import, so only those). */
  readonly packages: readonly string[];
  readonly url: string;
  readonly method: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  readonly body: string;
}

function goProgram(code: GoCode): string {
  const packages = [...code.packages, 'fmt', 'io', 'net/http', 'strings'].sort();
  return [
    'package main',
    '',
    'import (',
    ...packages.map((name) => `\t"${name}"`),
    ')',
    '',
    'func main() {',
    `\tbody := strings.NewReader(${code.body})`,
    `\treq, err := http.NewRequest(${code.method}, ${code.url}, body)`,
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    ...code.headers.map(([name, value]) => `\treq.Header[${name}] = []string{${value}}`),
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

/**
 * A complete Go program with `net/http`. Headers are set by assigning the map entry, not with
 * `Header.Set`, so each name is sent as written rather than canonicalised (HTTP names are
 * case-insensitive, RFC 9110 §5.1; this keeps the request identical to the other targets).
 */
export function goNetHttp(request: SnippetRequest): string {
  return goProgram({
    packages: [],
    url: quoteGo(request.url),
    method: quoteGo(request.method),
    headers: request.headers.map(([name, value]) => [quoteGo(name), quoteGo(value)]),
    body: quoteGo(request.body),
  });
}

const GO: ExpressionSyntax = {
  text: quoteGo,
  variable: (name) => `os.Getenv("${name}")`,
  // QueryEscape is application/x-www-form-urlencoded (space as +), RFC 6749 Appendix B.
  formEncode: (code) => `url.QueryEscape(${code})`,
  base64: (code) => `base64.StdEncoding.EncodeToString([]byte(${code}))`,
  concat: (codes) => codes.join(' + '),
};

/** The same program with the credentials from `os.Getenv`. */
export function goNetHttpPlaceholders(request: PlaceholderRequest): string {
  return goProgram({
    packages: [
      ...(requestUses(request, 'base64') ? ['encoding/base64'] : []),
      ...(requestUses(request, 'form-encode') ? ['net/url'] : []),
      ...(requestUses(request, 'variable') ? ['os'] : []),
    ],
    url: quoteGo(request.url),
    method: quoteGo(request.method),
    headers: request.headers.map(([name, value]) => [quoteGo(name), writeExpression(value, GO)]),
    body: writeExpression(request.body, GO),
  });
}

export const goNetHttpTarget: SnippetTarget = {
  ...snippetTab('go-net-http'),
  generate: (request) => ({ code: goNetHttp(request), warnings: [] }),
  placeholders: (request) => ({ code: goNetHttpPlaceholders(request), warnings: [] }),
};
