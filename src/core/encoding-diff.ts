import { codePointsOf } from './characters.ts';
import { formUrlEncode } from './form-urlencode.ts';

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
