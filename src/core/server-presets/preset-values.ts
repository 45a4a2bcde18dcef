import { normalizeOktaDomain } from '../endpoint/token-endpoint.ts';

/** A host typed as people paste it (scheme, path dropped), or the documentation's placeholder. */
export function hostOr(typed: string, placeholder: string): string {
  return normalizeOktaDomain(typed) || placeholder;
}

/** One path segment as typed (trimmed, percent-encoded), or the documentation's placeholder. */
export function segmentOr(typed: string, placeholder: string): string {
  const value = typed.trim();
  return value === '' ? placeholder : encodeURIComponent(value);
}

/**
 * A base URL as typed, without trailing slashes, a query or a fragment; `https://` added when no
 * scheme was typed; the placeholder when empty.
 */
export function baseUrlOr(typed: string, placeholder: string): string {
  const value = typed
    .trim()
    .replace(/[?#].*$/s, '')
    .replace(/\/+$/, '');
  if (value === '') return placeholder;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
}
