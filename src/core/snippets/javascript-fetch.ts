import { quoteJavaScript } from './quote-javascript.ts';
import type { SnippetRequest, SnippetTarget } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/**
 * The request with the standard `fetch` (Node 18 and later, Deno, Bun, browsers), as an ES
 * module: top-level `await`, so in Node it runs saved as `token.mjs`. No `node-fetch`.
 */
export function javascriptFetch(request: SnippetRequest): string {
  return [
    '// Node 18+: save as token.mjs and run `node token.mjs`.',
    `const response = await fetch(${quoteJavaScript(request.url)}, {`,
    `  method: ${quoteJavaScript(request.method)},`,
    '  headers: {',
    ...request.headers.map(
      ([name, value]) => `    ${quoteJavaScript(name)}: ${quoteJavaScript(value)},`,
    ),
    '  },',
    `  body: ${quoteJavaScript(request.body)},`,
    '});',
    'console.log(response.status, await response.text());',
  ].join('\n');
}

export const javascriptFetchTarget: SnippetTarget = {
  ...snippetTab('javascript-fetch'),
  generate: (request) => ({
    code: javascriptFetch(request),
    warnings: [
      {
        code: 'browser-cors',
        message:
          "From a web page this call is blocked: token endpoints send no CORS headers, and Okta refuses a token request that carries a browser Origin. Run it in Node, or from a page through a proxy such as this playground's.",
      },
    ],
  }),
};
