import { describeSelfSignedDpop, dpopProofOf, javascriptDpop } from './dpop-programs.ts';
import {
  requestUses,
  writeExpression,
  type Expression,
  type ExpressionSyntax,
  type PlaceholderRequest,
} from './placeholders.ts';
import { quoteJavaScript } from './quote-javascript.ts';
import type { SnippetRequest, SnippetTarget, SnippetWarning } from './snippet-request.ts';
import { snippetTab } from './snippet-tabs.ts';

/** The parts of the program, each already JavaScript code. */
interface FetchCode {
  readonly url: string;
  readonly method: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  readonly body: string;
  /** Lines before the call (helpers the values use). */
  readonly prelude?: readonly string[];
}

function fetchProgram(code: FetchCode): string {
  return [
    '// Node 18+: save as token.mjs and run `node token.mjs`.',
    ...(code.prelude ?? []),
    `const response = await fetch(${code.url}, {`,
    `  method: ${code.method},`,
    '  headers: {',
    ...code.headers.map(([name, value]) => `    ${name}: ${value},`),
    '  },',
    `  body: ${code.body},`,
    '});',
    'console.log(response.status, await response.text());',
  ].join('\n');
}

/**
 * The request with the standard `fetch` (Node 18 and later, Deno, Bun, browsers), as an ES
 * module: top-level `await`, so in Node it runs saved as `token.mjs`. No `node-fetch`.
 */
export function javascriptFetch(request: SnippetRequest): string {
  return fetchProgram({
    url: quoteJavaScript(request.url),
    method: quoteJavaScript(request.method),
    headers: request.headers.map(([name, value]) => [
      quoteJavaScript(name),
      quoteJavaScript(value),
    ]),
    body: quoteJavaScript(request.body),
  });
}

const JAVASCRIPT: ExpressionSyntax = {
  text: quoteJavaScript,
  variable: (name) => `process.env.${name}`,
  formEncode: (code) => `formEncode(${code})`,
  // Node's Buffer encodes a string as UTF-8 (RFC 7617 §2.1); btoa would take Latin-1.
  base64: (code) => `Buffer.from(${code}).toString("base64")`,
  concat: (codes) => codes.join(' + '),
};

/** The program with the credentials from `process.env` (Node). */
export function javascriptFetchPlaceholders(request: PlaceholderRequest): string {
  const write = (expression: Expression) => writeExpression(expression, JAVASCRIPT);
  return fetchProgram({
    url: quoteJavaScript(request.url),
    method: quoteJavaScript(request.method),
    headers: request.headers.map(([name, value]) => [quoteJavaScript(name), write(value)]),
    body: write(request.body),
    prelude: requestUses(request, 'form-encode')
      ? [
          '// application/x-www-form-urlencoded, as RFC 6749 Appendix B asks.',
          'const formEncode = (value) => new URLSearchParams([["", value]]).toString().slice(1);',
        ]
      : [],
  });
}

const BROWSER_CORS: SnippetWarning = {
  code: 'browser-cors',
  message:
    "From a web page this call is blocked: token endpoints send no CORS headers, and Okta refuses a token request that carries a browser Origin. Run it in Node, or from a page through a proxy such as this playground's.",
};

export const javascriptFetchTarget: SnippetTarget = {
  ...snippetTab('javascript-fetch'),
  // With DPoP the program signs its own proofs (the page's would be stale when it runs).
  generate: (request) => ({
    code: dpopProofOf(request) === undefined ? javascriptFetch(request) : javascriptDpop(request),
    warnings: [BROWSER_CORS],
  }),
  describe: describeSelfSignedDpop,
  placeholders: (request) => ({
    code: javascriptFetchPlaceholders(request),
    warnings: [BROWSER_CORS],
  }),
};
