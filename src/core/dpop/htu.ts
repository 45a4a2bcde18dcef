// Imports nothing: the request model (first screen) needs it, the signing code does not come along.

/**
 * The `htu` of a proof for `url` (RFC 9449 §4.2: the URI without query and fragment), normalised
 * as §4.3 compares it (RFC 3986 §6.2.2 syntax-based and §6.2.3 scheme-based: lower-case scheme and
 * host, no default port, an empty path is `/`; a trailing slash otherwise stays, it is another
 * URI). `null` when `url` is not an absolute http(s) URL.
 */
export function dpopHtu(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}
