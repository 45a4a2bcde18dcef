import {
  requestUses,
  writeExpression,
  type ExpressionSyntax,
  type PlaceholderRequest,
} from './placeholders.ts';
import { quoteJava } from './quote-java.ts';
import type { SnippetRequest, SnippetTarget } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/** The parts of the program, each already Java code. */
interface JavaCode {
  /** Extra classes the values use. */
  readonly imports: readonly string[];
  readonly url: string;
  readonly method: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  readonly body: string;
}

function javaProgram(code: JavaCode): string {
  const imports = [
    ...code.imports,
    'java.net.URI',
    'java.net.http.HttpClient',
    'java.net.http.HttpRequest',
    'java.net.http.HttpResponse',
  ].sort();
  return [
    '// Save as GetToken.java and run `java GetToken.java` (Java 11 or later).',
    ...imports.map((name) => `import ${name};`),
    '',
    'public class GetToken {',
    '    public static void main(String[] args) throws Exception {',
    `        HttpRequest request = HttpRequest.newBuilder(URI.create(${code.url}))`,
    ...code.headers.map(([name, value]) => `            .header(${name}, ${value})`),
    `            .method(${code.method}, HttpRequest.BodyPublishers.ofString(${code.body}))`,
    '            .build();',
    '        HttpResponse<String> response = HttpClient.newHttpClient()',
    '            .send(request, HttpResponse.BodyHandlers.ofString());',
    '        System.out.println(response.statusCode() + " " + response.body());',
    '    }',
    '}',
  ].join('\n');
}

/**
 * A single-file Java 11+ program with `java.net.http.HttpClient`; `java GetToken.java` runs it
 * without compiling first (JEP 330).
 */
export function javaHttpClient(request: SnippetRequest): string {
  return javaProgram({
    imports: [],
    url: quoteJava(request.url),
    method: quoteJava(request.method),
    headers: request.headers.map(([name, value]) => [quoteJava(name), quoteJava(value)]),
    body: quoteJava(request.body),
  });
}

const JAVA: ExpressionSyntax = {
  text: quoteJava,
  variable: (name) => `System.getenv(${quoteJava(name)})`,
  // URLEncoder writes application/x-www-form-urlencoded exactly as RFC 6749 Appendix B asks.
  formEncode: (code) => `URLEncoder.encode(${code}, StandardCharsets.UTF_8)`,
  base64: (code, of) =>
    `Base64.getEncoder().encodeToString(${of.kind === 'concat' ? `(${code})` : code}.getBytes(StandardCharsets.UTF_8))`,
  concat: (codes) => codes.join(' + '),
};

/** The same program with the credentials from `System.getenv` (Java 10 or later for URLEncoder). */
export function javaHttpClientPlaceholders(request: PlaceholderRequest): string {
  const base64 = requestUses(request, 'base64');
  const formEncode = requestUses(request, 'form-encode');
  return javaProgram({
    imports: [
      ...(formEncode ? ['java.net.URLEncoder'] : []),
      ...(base64 || formEncode ? ['java.nio.charset.StandardCharsets'] : []),
      ...(base64 ? ['java.util.Base64'] : []),
    ],
    url: quoteJava(request.url),
    method: quoteJava(request.method),
    headers: request.headers.map(([name, value]) => [
      quoteJava(name),
      writeExpression(value, JAVA),
    ]),
    body: writeExpression(request.body, JAVA),
  });
}

export const javaHttpClientTarget: SnippetTarget = {
  ...snippetTab('java-httpclient'),
  generate: (request) => ({ code: javaHttpClient(request), warnings: [] }),
  placeholders: (request) => ({ code: javaHttpClientPlaceholders(request), warnings: [] }),
};
