import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTokenResponse, type ParsedTokenResponse } from './token-response.ts';

// Expected values are literals: real Okta bodies for the client credentials flow, and the
// statuses RFC 6749 §5.1/§5.2 prescribe. Nothing below is recomputed with the code's schemas.

const OKTA_ACCESS_TOKEN =
  'eyJraWQiOiJ4T2ZGb0hKbE1hWk5hNWlpc0ZHU3J0YTNfMUdOdWRBN2dzMDNKS0NFbUlJIiwiYWxnIjoiUlMyNTYifQ.eyJ2ZXIiOjEsImp0aSI6IkFULmFiYyIsImlzcyI6Imh0dHBzOi8vZGV2LTEub2t0YS5jb20vb2F1dGgyL2RlZmF1bHQiLCJzY3AiOlsiY3VzdG9tU2NvcGUiXX0.c2lnbmF0dXJl';

const jsonHeaders = (extra: Record<string, string> = {}) =>
  new Headers({ 'content-type': 'application/json', ...extra });

function answer(
  status: number,
  body: string,
  extra: Record<string, string> = {},
): ParsedTokenResponse {
  return parseTokenResponse({ status, headers: jsonHeaders(extra), body });
}

function expectKind<K extends ParsedTokenResponse['kind']>(
  parsed: ParsedTokenResponse,
  kind: K,
): Extract<ParsedTokenResponse, { kind: K }> {
  expect(parsed.kind).toBe(kind);
  return parsed as Extract<ParsedTokenResponse, { kind: K }>;
}

describe('parseTokenResponse: RFC 6749 §5.1 success', () => {
  const oktaBody = `{"token_type":"Bearer","expires_in":3600,"access_token":"${OKTA_ACCESS_TOKEN}","scope":"customScope"}`;

  it("reads Okta's real success answer with no remarks", () => {
    const parsed = expectKind(
      answer(200, oktaBody, { 'cache-control': 'no-cache, no-store', pragma: 'no-cache' }),
      'token',
    );
    expect(parsed.token).toEqual({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: OKTA_ACCESS_TOKEN,
      scope: 'customScope',
    });
    expect(parsed.remarks).toEqual([]);
    expect(parsed.json).toEqual({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: OKTA_ACCESS_TOKEN,
      scope: 'customScope',
    });
  });

  it('accepts Cache-Control: no-store alone, in any case', () => {
    expect(
      expectKind(answer(200, oktaBody, { 'cache-control': 'no-store' }), 'token').remarks,
    ).toEqual([]);
    expect(
      expectKind(answer(200, oktaBody, { 'cache-control': 'No-Store' }), 'token').remarks,
    ).toEqual([]);
  });

  it('accepts token_type "bearer" in lower case (RFC 6749 §5.1: case-insensitive)', () => {
    const body = '{"access_token":"abc","token_type":"bearer","expires_in":300}';
    expect(expectKind(answer(200, body, { 'cache-control': 'no-store' }), 'token').remarks).toEqual(
      [],
    );
  });

  it('remarks on a token type other than Bearer', () => {
    const body = '{"access_token":"abc","token_type":"mac","expires_in":300}';
    const parsed = expectKind(answer(200, body, { 'cache-control': 'no-store' }), 'token');
    expect(parsed.remarks).toHaveLength(1);
    expect(parsed.remarks[0]).toContain('"mac"');
    expect(parsed.remarks[0]).toContain('Bearer');
  });

  it('remarks on a missing Cache-Control: no-store', () => {
    const withoutNoStore: Array<Record<string, string>> = [
      {},
      { 'cache-control': 'no-cache' },
      { 'cache-control': 'max-age=60' },
    ];
    for (const extra of withoutNoStore) {
      const parsed = expectKind(answer(200, oktaBody, extra), 'token');
      expect(parsed.remarks).toHaveLength(1);
      expect(parsed.remarks[0]).toMatch(/no-store/);
      expect(parsed.remarks[0]).toMatch(/§5\.1/);
    }
  });

  it('keeps extra members (RFC 6749 §5.1: clients ignore, but do not lose, unknown ones)', () => {
    const body =
      '{"access_token":"abc","token_type":"Bearer","expires_in":300,"id_token":"x.y.z","ext":{"a":[1,2]},"refresh_token":"r"}';
    const parsed = expectKind(answer(200, body, { 'cache-control': 'no-store' }), 'token');
    expect(parsed.token).toMatchObject({
      id_token: 'x.y.z',
      ext: { a: [1, 2] },
      refresh_token: 'r',
    });
  });

  it('accepts a success without the optional expires_in and scope', () => {
    const parsed = expectKind(
      answer(201, '{"access_token":"abc","token_type":"Bearer"}', { 'cache-control': 'no-store' }),
      'token',
    );
    expect(parsed.token).toEqual({ access_token: 'abc', token_type: 'Bearer' });
  });
});

describe('parseTokenResponse: RFC 6749 §5.2 errors', () => {
  const CODES_400 = [
    'invalid_request',
    'invalid_grant',
    'unauthorized_client',
    'unsupported_grant_type',
    'invalid_scope',
  ] as const;

  it.each(CODES_400)('%s with 400 is an oauth-error with no remark', (code) => {
    const parsed = expectKind(
      answer(400, `{"error":"${code}","error_description":"d"}`),
      'oauth-error',
    );
    expect(parsed.error).toEqual({ error: code, error_description: 'd' });
    expect(parsed.remarks).toEqual([]);
  });

  it.each(CODES_400)('%s with 401 is still an oauth-error, with a remark on the status', (code) => {
    const parsed = expectKind(answer(401, `{"error":"${code}"}`), 'oauth-error');
    expect(parsed.remarks).toHaveLength(1);
    expect(parsed.remarks[0]).toContain(code);
    expect(parsed.remarks[0]).toContain('400');
    expect(parsed.remarks[0]).toContain('401');
  });

  it.each([400, 401])('invalid_client with %i has no remark', (status) => {
    expect(expectKind(answer(status, '{"error":"invalid_client"}'), 'oauth-error').remarks).toEqual(
      [],
    );
  });

  it.each([200, 403, 500])('invalid_client with %i gets a remark naming 400 or 401', (status) => {
    const parsed = expectKind(answer(status, '{"error":"invalid_client"}'), 'oauth-error');
    expect(parsed.remarks).toHaveLength(1);
    expect(parsed.remarks[0]).toMatch(/400 or 401/);
    expect(parsed.remarks[0]).toContain(String(status));
  });

  it('keeps error_uri and extra members', () => {
    const parsed = expectKind(
      answer(
        400,
        '{"error":"invalid_scope","error_uri":"https://e.example/doc","errorId":"oaeXYZ"}',
      ),
      'oauth-error',
    );
    expect(parsed.error).toEqual({
      error: 'invalid_scope',
      error_uri: 'https://e.example/doc',
      errorId: 'oaeXYZ',
    });
  });

  // Okta's real answers for this flow: 401 for invalid_client, 400 for the others (RFC 6749 §5.2).
  it.each([
    [
      401,
      'invalid_client',
      'Client authentication failed. Either the client or the client credentials are invalid.',
    ],
    [
      400,
      'invalid_scope',
      "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
    ],
    [
      400,
      'invalid_scope',
      'One or more scopes are not configured for the authorization server resource.',
    ],
    [
      400,
      'unauthorized_client',
      'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code, refresh_token].',
    ],
    [
      400,
      'access_denied',
      'Policy evaluation failed for this request, please check the policy configurations.',
    ],
    [
      401,
      'invalid_client',
      'Browser requests to the token endpoint must use Proof Key for Code Exchange.',
    ],
    [
      401,
      'invalid_client',
      'Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.',
    ],
  ])('Okta %i %s: %s', (status, code, description) => {
    const body = JSON.stringify({ error: code, error_description: description });
    const parsed = expectKind(
      answer(status, body, { 'cache-control': 'no-cache, no-store' }),
      'oauth-error',
    );
    expect(parsed.error.error).toBe(code);
    expect(parsed.error.error_description).toBe(description);
    expect(parsed.remarks).toEqual([]);
  });

  it('an error shape with a 2xx status is still an error, not a token (with a remark)', () => {
    const parsed = expectKind(answer(200, '{"error":"invalid_scope"}'), 'oauth-error');
    expect(parsed.remarks).toHaveLength(1);
  });
});

describe('parseTokenResponse: Okta API errors', () => {
  it('reads E0000022 (wrong method or path)', () => {
    const body =
      '{"errorCode":"E0000022","errorSummary":"The endpoint does not support the provided HTTP method","errorLink":"E0000022","errorId":"oae8hN","errorCauses":[]}';
    const parsed = expectKind(answer(405, body), 'okta-error');
    expect(parsed.error).toMatchObject({
      errorCode: 'E0000022',
      errorSummary: 'The endpoint does not support the provided HTTP method',
      errorId: 'oae8hN',
    });
  });
});

describe('parseTokenResponse: answers that are neither', () => {
  function reasonOf(parsed: ParsedTokenResponse): string {
    return expectKind(parsed, 'unrecognized').reason;
  }

  it.each(['', '   \r\n'])('an empty body (%j)', (body) => {
    const reason = reasonOf(answer(401, body));
    expect(reason).toMatch(/empty body/);
    expect(reason).toContain('401');
  });

  it('an HTML page', () => {
    const body = '<!doctype html>\n<html><head><title>Sign In</title></head><body>…</body></html>';
    const reason = reasonOf(
      parseTokenResponse({
        status: 200,
        headers: new Headers({ 'content-type': 'text/html;charset=utf-8' }),
        body,
      }),
    );
    expect(reason).toMatch(/HTML page/);
    expect(reason).toContain('text/html;charset=utf-8');
  });

  it('an HTML page after white space, with no content type', () => {
    const reason = reasonOf(
      parseTokenResponse({ status: 404, headers: new Headers(), body: '\n  <html></html>' }),
    );
    expect(reason).toMatch(/HTML page/);
    expect(reason).toContain('no content type');
  });

  it('plain text', () => {
    const reason = reasonOf(
      parseTokenResponse({
        status: 502,
        headers: new Headers({ 'content-type': 'text/plain' }),
        body: 'Bad Gateway',
      }),
    );
    expect(reason).toMatch(/not JSON/);
    expect(reason).not.toMatch(/HTML/);
    expect(reason).toContain('502');
    expect(reason).toContain('text/plain');
  });

  it.each([
    [
      'a JSON array',
      '[{"access_token":"abc","token_type":"Bearer"}]',
      [{ access_token: 'abc', token_type: 'Bearer' }],
    ],
    ['JSON null', 'null', null],
    ['a JSON string', '"token"', 'token'],
    ['an empty object', '{}', {}],
  ])('%s', (_name, body, json) => {
    const parsed = expectKind(answer(200, body), 'unrecognized');
    expect(parsed.json).toEqual(json);
    expect(parsed.reason).toMatch(/not an RFC 6749 §5\.1 token response/);
  });

  it('a success with expires_in as a string names expires_in', () => {
    const parsed = expectKind(
      answer(200, '{"token_type":"Bearer","expires_in":"3600","access_token":"abc"}'),
      'unrecognized',
    );
    expect(parsed.reason).toContain('expires_in');
    expect(parsed.reason).not.toContain('access_token');
  });

  it('a success without access_token names access_token', () => {
    const parsed = expectKind(
      answer(200, '{"token_type":"Bearer","expires_in":3600}'),
      'unrecognized',
    );
    expect(parsed.reason).toContain('access_token');
    expect(parsed.reason).not.toContain('expires_in');
  });

  it('a success with a numeric access_token and no token_type names both', () => {
    const parsed = expectKind(answer(200, '{"access_token":42}'), 'unrecognized');
    expect(parsed.reason).toContain('access_token');
    expect(parsed.reason).toContain('token_type');
  });

  it('a token-shaped body with an error status is not a token', () => {
    const parsed = expectKind(
      answer(400, '{"access_token":"abc","token_type":"Bearer"}'),
      'unrecognized',
    );
    expect(parsed.reason).toMatch(/neither a token nor an RFC 6749 §5\.2 error/);
    expect(parsed.reason).toContain('400');
  });

  it('an error with a non-string error member names the field', () => {
    const parsed = expectKind(answer(400, '{"error":42}'), 'unrecognized');
    expect(parsed.reason).toContain('error');
  });

  it.each([300, 301, 302, 307, 308, 399])(
    'a %i redirect names its location and is never read as a token',
    (status) => {
      const reason = reasonOf(
        parseTokenResponse({
          status,
          headers: new Headers({ location: 'https://dev-1.okta.com/oauth2/default/v1/token' }),
          body: '{"access_token":"abc","token_type":"Bearer"}',
        }),
      );
      expect(reason).toContain(`redirect (${status})`);
      expect(reason).toContain('to https://dev-1.okta.com/oauth2/default/v1/token');
    },
  );

  it('the 2xx range ends at 299: a token with 299 is a token', () => {
    expect(
      answer(299, '{"access_token":"abc","token_type":"Bearer"}', { 'cache-control': 'no-store' })
        .kind,
    ).toBe('token');
  });

  it('a redirect without a location', () => {
    const reason = reasonOf(parseTokenResponse({ status: 302, headers: new Headers(), body: '' }));
    expect(reason).toContain('redirect (302)');
    expect(reason).not.toContain(' to ');
  });

  it('a JSON body whose own "__proto__" member is not taken for a token', () => {
    const parsed = answer(200, '{"__proto__":{"access_token":"abc","token_type":"Bearer"}}');
    expect(parsed.kind).toBe('unrecognized');
  });
});

describe('parseTokenResponse never throws', () => {
  const headerValue = fc.string({
    unit: fc.constantFrom(...'abcXYZ019 -_;=,/:.<>"'.split('')),
    maxLength: 30,
  });
  const headers = fc
    .record(
      { 'content-type': headerValue, 'cache-control': headerValue, location: headerValue },
      { requiredKeys: [] },
    )
    .map((record) => new Headers(record));
  const status = fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer());
  const jsonLike = fc.oneof(
    fc.json(),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc
      .record(
        {
          access_token: fc.jsonValue(),
          token_type: fc.oneof(fc.constantFrom('Bearer', 'bearer', 'mac', ''), fc.jsonValue()),
          expires_in: fc.jsonValue(),
          scope: fc.jsonValue(),
          error: fc.oneof(fc.constantFrom('invalid_client', 'invalid_scope', ''), fc.jsonValue()),
          error_description: fc.jsonValue(),
          errorCode: fc.jsonValue(),
          errorSummary: fc.jsonValue(),
        },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
  );
  const body = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), jsonLike);

  it('for any status, headers and body, and always says what it is', () => {
    fc.assert(
      fc.property(status, headers, body, (anyStatus, anyHeaders, anyBody) => {
        const parsed = parseTokenResponse({
          status: anyStatus,
          headers: anyHeaders,
          body: anyBody,
        });
        expect(['token', 'oauth-error', 'okta-error', 'unrecognized']).toContain(parsed.kind);
        if (parsed.kind === 'unrecognized') expect(parsed.reason.length).toBeGreaterThan(0);
        if (anyStatus >= 300 && anyStatus < 400) expect(parsed.kind).toBe('unrecognized');
        if (parsed.kind === 'token') {
          expect(anyStatus).toBeGreaterThanOrEqual(200);
          expect(anyStatus).toBeLessThan(300);
          expect(typeof parsed.token.access_token).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });
});
