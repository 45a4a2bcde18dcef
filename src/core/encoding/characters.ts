/**
 * Naming and classifying the characters people paste by accident, so the UI can say
 * "U+00A0 NO-BREAK SPACE at position 5" instead of "invalid input".
 */

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NULL',
  0x09: 'CHARACTER TABULATION (TAB)',
  0x0a: 'LINE FEED (LF)',
  0x0d: 'CARRIAGE RETURN (CR)',
  0x20: 'SPACE',
  0x7f: 'DELETE',
  0xa0: 'NO-BREAK SPACE',
  0xad: 'SOFT HYPHEN',
  0x2000: 'EN QUAD',
  0x2002: 'EN SPACE',
  0x2003: 'EM SPACE',
  0x2009: 'THIN SPACE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x2060: 'WORD JOINER',
  0x3000: 'IDEOGRAPHIC SPACE',
  0xfeff: 'BYTE ORDER MARK (ZERO WIDTH NO-BREAK SPACE)',
  0xfffd: 'REPLACEMENT CHARACTER',
};

/** `U+00A0` style notation, at least four hex digits (The Unicode Standard, Appendix A). */
function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `U+00A0 NO-BREAK SPACE`; the name only for the characters this tool explains. */
export function describeCodePoint(codePoint: number): string {
  const name = NAMES[codePoint];
  if (name) return `${formatCodePoint(codePoint)} ${name}`;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff)
    return `${formatCodePoint(codePoint)} (lone surrogate)`;
  return formatCodePoint(codePoint);
}

/** RFC 5234 Appendix B.1 CTL (`%x00-1F / %x7F`), which RFC 7617 §2 forbids in Basic credentials. */
export function isControlCharacter(codePoint: number): boolean {
  return codePoint <= 0x1f || codePoint === 0x7f;
}

/** White space or an invisible formatting character: what a copy from a web page or editor adds. */
export function isSpaceOrInvisible(codePoint: number): boolean {
  return (
    codePoint === 0x20 ||
    (codePoint >= 0x09 && codePoint <= 0x0d) ||
    codePoint === 0x85 ||
    codePoint === 0xa0 ||
    codePoint === 0xad ||
    codePoint === 0x1680 ||
    (codePoint >= 0x2000 && codePoint <= 0x200f) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    codePoint === 0x202f ||
    codePoint === 0x205f ||
    codePoint === 0x2060 ||
    codePoint === 0x3000 ||
    codePoint === 0xfeff
  );
}

/** An invisible character other than an ordinary space: easy to paste, impossible to see. */
export function isInvisible(codePoint: number): boolean {
  return codePoint !== 0x20 && isSpaceOrInvisible(codePoint);
}

export interface CodeUnitPosition {
  /** The code point, or the lone surrogate's code unit. */
  readonly codePoint: number;
  /** 0-based index in code points (what a person counts), not UTF-16 code units. */
  readonly index: number;
  readonly loneSurrogate: boolean;
}

/**
 * Code points of `text` with their positions; a lone surrogate (which `TextEncoder` turns into
 * U+FFFD) is reported as itself with `loneSurrogate: true`.
 */
export function codePointsOf(text: string): CodeUnitPosition[] {
  const result: CodeUnitPosition[] = [];
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        result.push({
          codePoint: ((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000,
          index,
          loneSurrogate: false,
        });
        i++;
      } else {
        result.push({ codePoint: unit, index, loneSurrogate: true });
      }
    } else {
      result.push({ codePoint: unit, index, loneSurrogate: unit >= 0xdc00 && unit <= 0xdfff });
    }
    index++;
  }
  return result;
}
