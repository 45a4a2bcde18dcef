import {
  codePointsOf,
  describeCodePoint,
  isControlCharacter,
  isSpaceOrInvisible,
} from '../../core/encoding/characters.ts';
import { formUrlEncode } from '../../core/encoding/form-urlencode.ts';

export interface EncodingSegment {
  /** One character as typed (a lone surrogate as itself). */
  readonly raw: string;
  /** Its RFC 6749 Appendix B form encoding. */
  readonly encoded: string;
  readonly changed: boolean;
}

/**
 * Splits a credential into characters with their RFC 6749 §2.3.1 form encoding, so a view can
 * mark exactly which characters the two encodings treat differently (`+` → `%2B`, space → `+`).
 */
export function formEncodingSegments(value: string): EncodingSegment[] {
  return codePointsOf(value).map(({ codePoint, loneSurrogate }) => {
    const raw = loneSurrogate ? String.fromCharCode(codePoint) : String.fromCodePoint(codePoint);
    const encoded = formUrlEncode(raw);
    return { raw, encoded, changed: raw !== encoded };
  });
}

/**
 * How a character is named in a sentence: visible ASCII as itself in quotes, other visible
 * characters with their code point, invisible ones and lone surrogates by name only.
 */
function nameCharacter(raw: string): string {
  if (raw === ' ') return 'a space';
  const codePoint = raw.codePointAt(0) ?? 0;
  if (codePoint > 0x20 && codePoint < 0x7f) return `"${raw}"`;
  const invisible =
    isControlCharacter(codePoint) ||
    isSpaceOrInvisible(codePoint) ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff);
  return invisible ? describeCodePoint(codePoint) : `"${raw}" (${describeCodePoint(codePoint)})`;
}

/** "a", "a and b", "a, b and c". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/**
 * Why the two encodings of these credentials differ, naming the characters that differ (each
 * once) and what each kind of server makes of them:
 * - form-encoding (RFC 6749 §2.3.1, Appendix B) changes each of them;
 * - a server that form-decodes (oidc-provider, Spring Authorization Server, Ory Hydra) reads the
 *   raw form differently only where it holds `+` (a space to it) or `%` (an escape); other
 *   characters decode to themselves, so both forms work there;
 * - a server that takes the bytes as sent (as the Okta guide assumes) needs the raw form.
 *
 * With `secretVisible` false, the secret's characters are not named, only counted: the page must
 * not reveal a masked secret piece by piece.
 */
export function describeEncodingDifference(
  clientId: string,
  clientSecret: string,
  secretVisible: boolean,
): string[] {
  const changed = (value: string) =>
    formEncodingSegments(value).filter((segment) => segment.changed);
  const named = [...changed(clientId), ...(secretVisible ? changed(clientSecret) : [])];
  const unique = [...new Map(named.map((segment) => [segment.raw, segment])).values()];
  const hiddenCount = secretVisible ? 0 : changed(clientSecret).length;

  const changes = unique.map(
    (segment) => `${nameCharacter(segment.raw)} becomes ${segment.encoded}`,
  );
  if (hiddenCount > 0) {
    changes.push(
      `${hiddenCount} character${hiddenCount === 1 ? '' : 's'} of the secret change${hiddenCount === 1 ? 's' : ''} too (show the secret to see which)`,
    );
  }
  const sentences = [`Form-encoding changes these credentials: ${listInWords(changes)}.`];

  const rawSeen = new Set(unique.map((segment) => segment.raw));
  const misread: string[] = [];
  if (rawSeen.has('+')) misread.push('a raw "+" becomes a space');
  if (rawSeen.has('%')) misread.push('a raw "%" starts an escape');
  const decoders =
    'Servers that follow RFC 6749 §2.3.1 (oidc-provider, Spring Authorization Server, Ory Hydra) form-decode the credentials';
  if (misread.length > 0) {
    sentences.push(
      `${decoders}: ${listInWords(misread)}, so the raw form no longer matches there.`,
    );
  } else if (hiddenCount > 0) {
    sentences.push(
      `${decoders}: a raw "+" becomes a space and a raw "%" starts an escape, so if the secret holds either, the raw form no longer matches there.`,
    );
  } else {
    sentences.push(`${decoders}, and read both forms of these the same.`);
  }
  sentences.push(
    'Servers that take the bytes as sent (as the Okta guide assumes) need the raw form.',
  );
  return sentences;
}
