import { z } from '../zod.ts';

/** RFC 6749 §5.1 successful response. Extra members are kept (§5.1: clients ignore unknown ones). */
export const tokenSuccessSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().min(1),
  expires_in: z.number().int().nonnegative().optional(),
  scope: z.string().optional(),
  refresh_token: z.string().optional(),
});
export type TokenSuccess = z.infer<typeof tokenSuccessSchema>;

/** RFC 6749 §5.2 error response. */
export const tokenErrorSchema = z.looseObject({
  error: z.string().min(1),
  error_description: z.string().optional(),
  error_uri: z.string().optional(),
});
export type TokenError = z.infer<typeof tokenErrorSchema>;

/** Okta's management-API error shape, which some endpoints answer with instead of §5.2. */
export const oktaApiErrorSchema = z.looseObject({
  errorCode: z.string(),
  errorSummary: z.string(),
});
export type OktaApiError = z.infer<typeof oktaApiErrorSchema>;

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

export type ParsedTokenResponse =
  | {
      readonly kind: 'token';
      readonly token: TokenSuccess;
      readonly json: unknown;
      readonly remarks: string[];
    }
  | {
      readonly kind: 'oauth-error';
      readonly error: TokenError;
      readonly json: unknown;
      readonly remarks: string[];
    }
  | { readonly kind: 'okta-error'; readonly error: OktaApiError; readonly json: unknown }
  | { readonly kind: 'unrecognized'; readonly reason: string; readonly json?: unknown };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

/**
 * Reads a token endpoint's answer as RFC 6749 §5.1 (success) or §5.2 (error), and says in plain
 * words what else it is when it is neither (empty, HTML, not JSON, wrong types, a redirect).
 * `remarks` lists deviations from the RFC a careful reader would notice (no `no-store`,
 * a token type other than Bearer, an error with the wrong status).
 *
 * Does NOT verify the access token (signature, claims): it only reads the response.
 */
export function parseTokenResponse({ status, headers, body }: HttpAnswer): ParsedTokenResponse {
  if (status >= 300 && status < 400) {
    const location = headers.get('location');
    return {
      kind: 'unrecognized',
      reason: `The server answered with a redirect (${status})${location ? ` to ${location}` : ''}. Token endpoints do not redirect, and the request was not followed: the URL is probably not the token endpoint (http instead of https, or a wrong path).`,
    };
  }
  if (body.trim() === '') {
    return {
      kind: 'unrecognized',
      reason: `The server answered ${status} with an empty body; a token endpoint always answers with JSON (RFC 6749 §5.1, §5.2).`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const type = headers.get('content-type') ?? 'no content type';
    const looksHtml = /^\s*</.test(body);
    return {
      kind: 'unrecognized',
      reason: looksHtml
        ? `The server answered ${status} with an HTML page (${type}), not JSON: this URL is probably a web page or an error page, not a token endpoint.`
        : `The server answered ${status} with a body that is not JSON (${type}).`,
    };
  }

  const success = tokenSuccessSchema.safeParse(json);
  if (success.success && status >= 200 && status < 300) {
    const remarks: string[] = [];
    // Bearer (RFC 6750) and DPoP (RFC 9449 §5) are the types the page explains; another is remarked.
    if (!['bearer', 'dpop'].includes(success.data.token_type.toLowerCase())) {
      remarks.push(
        `token_type is "${success.data.token_type}", not Bearer: send it as the server documents.`,
      );
    }
    if (!/\bno-store\b/i.test(headers.get('cache-control') ?? '')) {
      remarks.push(
        'The response lacks Cache-Control: no-store, which RFC 6749 §5.1 requires for responses carrying tokens.',
      );
    }
    return { kind: 'token', token: success.data, json, remarks };
  }

  const error = tokenErrorSchema.safeParse(json);
  if (error.success) {
    const remarks: string[] = [];
    const expected = error.data.error === 'invalid_client' ? [400, 401] : [400];
    if (!expected.includes(status)) {
      remarks.push(
        `RFC 6749 §5.2 answers ${error.data.error} with ${expected.join(' or ')}, this server used ${status}.`,
      );
    }
    return { kind: 'oauth-error', error: error.data, json, remarks };
  }

  const okta = oktaApiErrorSchema.safeParse(json);
  if (okta.success) return { kind: 'okta-error', error: okta.data, json };

  if (status >= 200 && status < 300 && !success.success) {
    return {
      kind: 'unrecognized',
      json,
      reason: `The server answered ${status} with JSON that is not an RFC 6749 §5.1 token response (${describeIssues(success.error)}).`,
    };
  }
  return {
    kind: 'unrecognized',
    json,
    reason: `The server answered ${status} with JSON that is neither a token nor an RFC 6749 §5.2 error (${describeIssues(error.error)}).`,
  };
}
