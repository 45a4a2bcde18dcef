import { bytesToBase64 } from '../encoding/base64.ts';
import type { HeaderFinding, HeaderFindingCode } from './findings.ts';

/**
 * Problems whose fix is certain: the bytes a person meant are still all there, only wrapped,
 * split, re-lettered or extended by a tool. Anything else (no `:`, characters that are not Base64,
 * Latin-1 bytes whose code page is a guess, credentials that differ from the expected ones) has
 * no certain fix.
 */
const FIXABLE: ReadonlySet<HeaderFindingCode> = new Set<HeaderFindingCode>([
  'byte-order-mark',
  'certutil-wrapper',
  'surrounding-quotes',
  'header-name-included',
  'command-flag-included',
  'scheme-missing',
  'scheme-doubled',
  'scheme-wrong',
  'extra-spaces',
  'stray-carriage-return',
  'line-break-in-token',
  'space-in-token',
  'base64url-alphabet',
  'missing-padding',
  'literal-dash-n',
  'trailing-newline',
  'percent-encoded-separator',
]);

function isProblem(finding: HeaderFinding): boolean {
  return finding.severity === 'error' || finding.severity === 'warning';
}

function certainlyFixable(finding: HeaderFinding): boolean {
  // A secret that differs only by its trailing line break is fixed with the line break.
  return (
    FIXABLE.has(finding.code) ||
    (finding.code === 'secret-differs' && finding.trailingLineBreak !== undefined)
  );
}

/**
 * The header as it should have been, when every problem found has a certain fix: rebuilt from the
 * decoded bytes (read leniently: base64url and missing padding included) with the BOM, a literal
 * `-n ` and the trailing line break taken out, or the whole pair URL-decoded when its `:` was
 * `%3A`; then encoded again as RFC 4648 §4 Base64 after `Basic ` (RFC 7617 §2), with the header
 * name when the paste had one. Undefined when nothing needs fixing or a fix would be a guess.
 *
 * Does NOT change the credentials themselves: the result carries exactly the pair the paste did.
 */
export function correctHeader(
  findings: readonly HeaderFinding[],
  decoded: Uint8Array | undefined,
): string | undefined {
  const has = (code: HeaderFindingCode) => findings.some((f) => f.code === code);
  const needsFix = findings.some((f) => isProblem(f) && certainlyFixable(f));
  const guessNeeded = findings.some((f) => f.severity === 'error' && !certainlyFixable(f));
  if (!needsFix || guessNeeded || !decoded) return undefined;

  const bomInDecoded = findings.some((f) => f.code === 'byte-order-mark' && f.where === 'decoded');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bomInDecoded ? decoded.subarray(3) : decoded,
    );
  } catch {
    return undefined;
  }
  if (has('literal-dash-n')) text = text.slice(3);
  text = text.replace(/(?:\r\n|\r|\n)+$/, '');
  if (has('percent-encoded-separator')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return undefined;
    }
  }
  if (!text.includes(':')) return undefined;
  const name = has('header-name-included') ? 'Authorization: ' : '';
  return `${name}Basic ${bytesToBase64(new TextEncoder().encode(text))}`;
}
