import { requestUses, type Expression, type PlaceholderRequest } from './placeholders.ts';
import { quotePosix } from './quote-posix.ts';

/**
 * A bash and zsh function for application/x-www-form-urlencoded (RFC 6749 Appendix B): each
 * UTF-8 byte percent-encoded except `A-Z a-z 0-9 * - . _`, a space as `+`, exactly what the page
 * computes. Shells have no such command, and curl's `--data-urlencode` writes a space as `%20`
 * and cannot encode a header.
 */
const FORM_ENCODE_FUNCTION = [
  '# application/x-www-form-urlencoded, byte by byte (RFC 6749 Appendix B)',
  'form_encode() {',
  '  local LC_ALL=C value="$1" encoded=\'\' char i',
  '  for ((i = 0; i < ${#value}; i++)); do',
  '    char="${value:$i:1}"',
  '    case "$char" in',
  '      [A-Za-z0-9*._-]) encoded+="$char" ;;',
  "      ' ') encoded+='+' ;;",
  '      *) encoded+="$(printf \'%%%02X\' "\'$char")" ;;',
  '    esac',
  '  done',
  '  printf \'%s\' "$encoded"',
  '}',
];

/** The lines a placeholder command needs before it (the form-encoding function, when used). */
export function posixPrelude(request: PlaceholderRequest): string[] {
  return requestUses(request, 'form-encode') ? [...FORM_ENCODE_FUNCTION, ''] : [];
}

/**
 * Text inside double quotes: `\`, `$`, `` ` `` and `"` escaped. A `!` (history expansion in an
 * interactive bash or zsh, even in double quotes) goes in a single-quoted piece instead.
 */
function insideDoubleQuotes(text: string): string {
  if (text.includes('!')) return `"'${text.replaceAll("'", `'\\''`)}'"`;
  return text.replace(/[\\$`"]/g, (c) => `\\${c}`);
}

/** The code of `expression` inside double quotes, where `$NAME` and `$(…)` still expand. */
function inside(expression: Expression): string {
  switch (expression.kind) {
    case 'text':
      return insideDoubleQuotes(expression.text);
    case 'variable':
      return `$${expression.name}`;
    case 'form-encode':
      return `$(form_encode "${inside(expression.of)}")`;
    case 'base64':
      // printf adds no newline (echo would); tr removes GNU base64's line wrapping and its newline.
      return `$(printf '%s' "${inside(expression.of)}" | base64 | tr -d '\\n')`;
    case 'concat': {
      const codes = expression.parts.map(inside);
      return codes
        .map((code, index) => {
          const next = codes[index + 1] ?? '';
          const part = expression.parts[index];
          // `$NAME` followed by a name character, or zsh's `:h`-style modifiers, needs braces.
          return part?.kind === 'variable' && /^([A-Za-z0-9_[]|:[^$])/.test(next)
            ? `\${${part.name}}`
            : code;
        })
        .join('');
    }
  }
}

/** One shell word with the value of `expression`, for bash and zsh. */
export function posixWord(expression: Expression): string {
  return expression.kind === 'text' ? quotePosix(expression.text) : `"${inside(expression)}"`;
}
