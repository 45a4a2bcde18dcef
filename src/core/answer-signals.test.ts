import { describe, expect, it } from 'vitest';
import { serverSignalOf } from './answer-signals.ts';
import { parseTokenResponse } from './token-response.ts';

// Bodies and headers as the real servers sent them (server/node/interop.test.ts).
const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
  const all = new Headers({ 'content-type': 'application/json', ...headers });
  return { status, headers: all, parsed: parseTokenResponse({ status, headers: all, body }) };
};

describe('serverSignalOf: what an answer tells about how the server reads credentials', () => {
  it("oidc-provider's 400 for raw credentials it cannot form-decode", () => {
    expect(
      serverSignalOf(
        answer(
          400,
          '{"error":"invalid_request","error_description":"client_id and client_secret in the authorization header are not properly encoded"}',
        ),
      ),
    ).toBe('form-decodes');
  });

  it("passport-http's plain-text 401 with a Basic challenge", () => {
    expect(
      serverSignalOf(
        answer(401, 'Unauthorized', {
          'content-type': 'text/plain',
          'www-authenticate': 'Basic realm="Users"',
        }),
      ),
    ).toBe('plain-basic-challenge');
    // A JSON 401 with the same challenge is an OAuth error, not a generic Basic reader.
    expect(
      serverSignalOf(
        answer(401, '{"error":"invalid_client"}', { 'www-authenticate': 'Basic realm="Service"' }),
      ),
    ).toBe('none');
  });

  it("@node-oauth/oauth2-server's refusal of non-VSCHAR characters", () => {
    expect(
      serverSignalOf(
        answer(
          400,
          '{"error":"invalid_request","error_description":"Invalid parameter: `client_secret`"}',
        ),
      ),
    ).toBe('refuses-non-vschar');
  });

  it('anything else says nothing more', () => {
    expect(serverSignalOf(answer(401, '{"error":"invalid_client"}'))).toBe('none');
    expect(serverSignalOf(answer(500, '<html>', { 'content-type': 'text/html' }))).toBe('none');
  });
});
