import {
  requestUses,
  writeExpression,
  type Expression,
  type ExpressionSyntax,
  type PlaceholderRequest,
} from './placeholders.ts';
import { quotePython } from './quote-python.ts';

/** Python 3 over `os.environ` (a missing variable stops the program with a KeyError naming it). */
export const PYTHON_EXPRESSIONS: ExpressionSyntax = {
  text: quotePython,
  variable: (name) => `os.environ["${name}"]`,
  // quote_plus is application/x-www-form-urlencoded (RFC 6749 Appendix B); `*` kept as browsers do.
  formEncode: (code) => `urllib.parse.quote_plus(${code}, safe="*")`,
  base64: (code, of) =>
    `base64.b64encode(${of.kind === 'concat' ? `(${code})` : code}.encode("utf-8")).decode("ascii")`,
  concat: (codes) => codes.join(' + '),
};

/** The imports the placeholder expressions of `request` need, besides the program's own. */
export function pythonPlaceholderImports(request: PlaceholderRequest): string[] {
  return [
    ...(requestUses(request, 'base64') ? ['import base64'] : []),
    ...(requestUses(request, 'variable') ? ['import os'] : []),
    ...(requestUses(request, 'form-encode') ? ['import urllib.parse'] : []),
  ];
}

/** The UTF-8 bytes of an expression's value (a body is sent as bytes, never as Latin-1 text). */
export function pythonUtf8Bytes(expression: Expression): string {
  const code = writeExpression(expression, PYTHON_EXPRESSIONS);
  return `${expression.kind === 'concat' ? `(${code})` : code}.encode("utf-8")`;
}
