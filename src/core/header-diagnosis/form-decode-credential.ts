/** One piece of a credential: a literal character, or an encoding (`+`, `%XX` run) and what it decodes to. */
export interface DecodedSegment {
  readonly raw: string;
  readonly decoded: string;
  /** True for `+` and `%XX` runs: the pieces where the raw and the form reading differ. */
  readonly escape: boolean;
}

/**
 * Form-decodes one client_id or client_secret as an RFC 6749 §2.3.1 server does (Appendix B:
 * `+` is a space, `%XX` a UTF-8 byte), keeping the pieces so a view can show where the two
 * readings differ. Undefined when a `%` does not start a valid escape or the bytes are not
 * UTF-8: strict servers (oidc-provider among them) refuse such a header with 400 invalid_request.
 */
export function formDecodeCredential(value: string): DecodedSegment[] | undefined {
  const segments: DecodedSegment[] = [];
  for (const match of value.matchAll(/((?:%[0-9A-Fa-f]{2})+)|(\+)|(%)|([\s\S])/gu)) {
    const [piece, escapes, plus, badPercent] = match;
    if (badPercent) return undefined;
    if (escapes) {
      try {
        segments.push({ raw: piece, decoded: decodeURIComponent(escapes), escape: true });
      } catch {
        return undefined;
      }
    } else if (plus) {
      segments.push({ raw: piece, decoded: ' ', escape: true });
    } else {
      segments.push({ raw: piece, decoded: piece, escape: false });
    }
  }
  return segments;
}
