import type { ParsedTokenResponse } from './token-response.ts';

/**
 * What an answer already tells about how the server reads client credentials, beyond "refused":
 *
 * - `form-decodes`: a 400 saying the credentials in the Basic header "are not properly encoded"
 *   (oidc-provider): the server form-decodes them (RFC 6749 §2.3.1) and could not decode these
 *   raw bytes (a `%` not followed by two hex digits), or found characters outside VSCHAR once
 *   decoded, which it refuses in every method;
 * - `plain-basic-challenge`: a 401 that is not JSON, with `WWW-Authenticate: Basic` (passport-http's
 *   BasicStrategy: "Unauthorized"): a generic HTTP Basic reader, which takes the raw bytes and
 *   cuts the password at a second `:`;
 * - `refuses-non-vschar`: a 400 "Invalid parameter: `client_secret`" (or `client_id`),
 *   @node-oauth/oauth2-server's refusal of characters outside VSCHAR (RFC 6749 Appendix A), in
 *   every method;
 * - `none`: nothing more than the error itself.
 */
export type ServerSignal = 'form-decodes' | 'plain-basic-challenge' | 'refuses-non-vschar' | 'none';

export interface ReadableAnswer {
  readonly status: number;
  /** Under their real names (the page's proxy client renames them back). */
  readonly headers: Headers;
  readonly parsed: ParsedTokenResponse;
}

export function serverSignalOf({ status, headers, parsed }: ReadableAnswer): ServerSignal {
  if (parsed.kind === 'oauth-error') {
    const description = parsed.error.error_description ?? '';
    if (parsed.error.error === 'invalid_request' && /not properly encoded/i.test(description))
      return 'form-decodes';
    if (
      parsed.error.error === 'invalid_request' &&
      /invalid parameter: `?client_(secret|id)`?/i.test(description)
    )
      return 'refuses-non-vschar';
    return 'none';
  }
  if (
    parsed.kind === 'unrecognized' &&
    status === 401 &&
    /^\s*basic\b/i.test(headers.get('www-authenticate') ?? '')
  )
    return 'plain-basic-challenge';
  return 'none';
}
