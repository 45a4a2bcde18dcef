import { quoteJava } from './quote-java.ts';
import type { SnippetRequest, SnippetTarget } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/**
 * A single-file Java 11+ program with `java.net.http.HttpClient`; `java GetToken.java` runs it
 * without compiling first (JEP 330).
 */
export function javaHttpClient(request: SnippetRequest): string {
  return [
    '// Save as GetToken.java and run `java GetToken.java` (Java 11 or later).',
    'import java.net.URI;',
    'import java.net.http.HttpClient;',
    'import java.net.http.HttpRequest;',
    'import java.net.http.HttpResponse;',
    '',
    'public class GetToken {',
    '    public static void main(String[] args) throws Exception {',
    `        HttpRequest request = HttpRequest.newBuilder(URI.create(${quoteJava(request.url)}))`,
    ...request.headers.map(
      ([name, value]) => `            .header(${quoteJava(name)}, ${quoteJava(value)})`,
    ),
    `            .method(${quoteJava(request.method)}, HttpRequest.BodyPublishers.ofString(${quoteJava(request.body)}))`,
    '            .build();',
    '        HttpResponse<String> response = HttpClient.newHttpClient()',
    '            .send(request, HttpResponse.BodyHandlers.ofString());',
    '        System.out.println(response.statusCode() + " " + response.body());',
    '    }',
    '}',
  ].join('\n');
}

export const javaHttpClientTarget: SnippetTarget = {
  ...snippetTab('java-httpclient'),
  generate: (request) => ({ code: javaHttpClient(request), warnings: [] }),
};
