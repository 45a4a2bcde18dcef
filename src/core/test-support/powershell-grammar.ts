// Test support (not shipped): the real PowerShell grammar (tree-sitter-powershell, compiled to
// WebAssembly) to parse generated PowerShell where no PowerShell installs.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';

let parser: Promise<Parser> | undefined;

function loadParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    const require = createRequire(import.meta.url);
    const grammarDir = dirname(require.resolve('tree-sitter-powershell/package.json'));
    const language = await Language.load(join(grammarDir, 'tree-sitter-powershell.wasm'));
    const created = new Parser();
    created.setLanguage(language);
    return created;
  })();
  return parser;
}

export interface ParsedPowerShell {
  readonly hasError: boolean;
  /** The source text of every verbatim (single-quoted) string literal, in order. */
  readonly verbatimLiterals: readonly string[];
  /** The source text of every other string literal (expandable, here-strings), in order. */
  readonly otherLiterals: readonly string[];
}

/** Parses `source` with the PowerShell grammar and lists its string literals. */
export async function parsePowerShell(source: string): Promise<ParsedPowerShell> {
  const tree = (await loadParser()).parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const verbatim: string[] = [];
  const other: string[] = [];
  const visit = (node: Node) => {
    if (node.type === 'verbatim_string_characters') verbatim.push(node.text);
    else if (node.type.endsWith('string_literal') && node.type !== 'string_literal')
      other.push(node.text);
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  const result = {
    hasError: tree.rootNode.hasError,
    verbatimLiterals: verbatim,
    otherLiterals: other,
  };
  tree.delete();
  return result;
}

/**
 * The value of a verbatim string literal by about_Quoting_Rules: the text between the outer
 * quotes, each doubled quote read as one. (The grammar knows only the ASCII `'`; PowerShell also
 * reads U+2018–U+201B as single quotes, which the random strings here leave out.)
 */
export function verbatimValue(literal: string): string {
  return literal.slice(1, -1).replaceAll("''", "'");
}
