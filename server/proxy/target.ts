import type { ProxyError } from './errors.ts';

/** Longer targets are refused: no real token, discovery or JWKS URL comes near it. */
export const MAX_TARGET_LENGTH = 2048;

export type ParsedTarget = { ok: true; url: URL } | { ok: false; error: ProxyError };

/**
 * Parses the `X-Proxy-Target` header into the URL the proxy will call.
 *
 * Accepts only an absolute `http:` or `https:` URL without userinfo (`user:pass@host` would be a
 * second, invisible way to send credentials, and a classic way to disguise the real host). A
 * fragment is dropped: it is never sent on the wire anyway.
 *
 * Does NOT decide whether the target may be reached (private addresses, plain http): that is the
 * host's `isTargetAllowed` policy.
 */
export function parseProxyTarget(header: string | null): ParsedTarget {
  if (header === null || header.trim() === '') {
    return fail(
      'missing_target',
      'The X-Proxy-Target header is missing: it must hold the URL to call.',
    );
  }
  const raw = header.trim();
  if (raw.length > MAX_TARGET_LENGTH) {
    return fail('invalid_target', `The target URL is longer than ${MAX_TARGET_LENGTH} characters.`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(
      'invalid_target',
      'The target is not an absolute URL (it must start with https://).',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(
      'invalid_target',
      `The target scheme "${url.protocol}" is not supported: use https:// (or http:// for allowed hosts).`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    return fail(
      'invalid_target',
      'The target URL contains a user name or password before the host; remove it (client credentials go in the Authorization header or the body).',
    );
  }
  if (url.hostname === '') {
    return fail('invalid_target', 'The target URL has no host.');
  }
  url.hash = '';
  return { ok: true, url };
}

function fail(code: ProxyError['code'], message: string): ParsedTarget {
  return { ok: false, error: { code, message } };
}
