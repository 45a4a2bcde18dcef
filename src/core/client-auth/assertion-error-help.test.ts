import { describe, expect, it } from 'vitest';
import { explainAssertionError, type AssertionContext } from './assertion-error-help.ts';
import type { Explanation } from '../explanation.ts';

const DEMO_TOKEN_ENDPOINT = 'http://127.0.0.1:4173/demo/token';
const OKTA_TOKEN_ENDPOINT = 'https://dev-123.okta.com/oauth2/default/v1/token';
// 2026-11-29T17:00:00Z
const T = 1_795_971_600;

/** A private_key_jwt request to the demo server, sent as soon as it was signed. */
function demoContext(change: Partial<AssertionContext> = {}): AssertionContext {
  return {
    method: 'private_key_jwt',
    tokenEndpoint: DEMO_TOKEN_ENDPOINT,
    clientId: 'demo-private-key-jwt',
    claims: {
      iss: 'demo-private-key-jwt',
      sub: 'demo-private-key-jwt',
      aud: DEMO_TOKEN_ENDPOINT,
      iat: T,
      exp: T + 300,
      jti: 'jti-1',
    },
    header: { alg: 'RS256', kid: 'VyCe-zpt22HQ01F5_y-RjdAMsMmOgMiA31prYpZ6ZF4' },
    sentAt: T,
    serverDate: T,
    demoServer: true,
    oktaOrgServer: false,
    ...change,
  };
}

function oktaContext(change: Partial<AssertionContext> = {}): AssertionContext {
  return demoContext({
    tokenEndpoint: OKTA_TOKEN_ENDPOINT,
    clientId: '0oa1b2c3d4e5f6g7h8i9',
    claims: {
      iss: '0oa1b2c3d4e5f6g7h8i9',
      sub: '0oa1b2c3d4e5f6g7h8i9',
      aud: OKTA_TOKEN_ENDPOINT,
      iat: T,
      exp: T + 300,
      jti: 'jti-2',
    },
    header: { alg: 'RS256', kid: 'okta-kid' },
    demoServer: false,
    ...change,
  });
}

/** The demo server's answer (server/demo-as/provider.ts appends oidc-provider's reason). */
const demoRefusal = (reason: string) => ({
  error: 'invalid_client',
  error_description: `client authentication failed: ${reason}`,
});

const text = (explanation: Explanation | null) =>
  explanation === null ? '' : [explanation.meaning, ...explanation.checks].join('\n');

function explained(
  error: { error: string; error_description?: string },
  context: AssertionContext,
) {
  const explanation = explainAssertionError(error, context);
  expect(explanation).not.toBeNull();
  return text(explanation);
}

describe('explainAssertionError: the demo server (oidc-provider) reasons, as observed', () => {
  it('a replayed assertion: the curl command run twice', () => {
    const said = explained(
      demoRefusal('client assertion tokens must only be used once'),
      demoContext(),
    );
    expect(said).toContain('jti "jti-1"');
    expect(said).toMatch(/same curl command .* twice/);
    expect(said).toContain('Send token request');
  });

  it('a wrong aud names both URLs', () => {
    const said = explained(
      demoRefusal(
        'audience (aud) must equal the endpoint url, issuer identifier or token endpoint url',
      ),
      demoContext({
        claims: { ...demoContext().claims, aud: 'http://localhost:4173/demo/token' },
      }),
    );
    expect(said).toContain(
      'The assertion names aud "http://localhost:4173/demo/token", but it was sent to "http://127.0.0.1:4173/demo/token"',
    );
    expect(said).toContain('byte for byte: "http://127.0.0.1:4173/demo/token"');
  });

  it('an expired assertion sent long after signing (a copied curl command)', () => {
    const said = explained(
      demoRefusal('jwt expired'),
      demoContext({ sentAt: T + 900, serverDate: T + 901 }),
    );
    expect(said).toContain('its exp is 2026-11-29T17:05:00Z');
    expect(said).toContain("the server's clock read 2026-11-29T17:15:01Z");
    expect(said).toContain('sent 900 s after it was signed, past its 300 s lifetime');
  });

  it('an expired assertion because the page clock is behind the server', () => {
    const said = explained(
      demoRefusal('jwt expired'),
      demoContext({ sentAt: T, serverDate: T + 600 }),
    );
    expect(said).toContain("Your clock was 600 s behind the server's");
    expect(said).toMatch(/NTP/);
    expect(said).not.toContain('after it was signed');
  });

  it('not yet valid: the page clock is ahead', () => {
    const said = explained(
      demoRefusal('jwt not active yet'),
      demoContext({ sentAt: T, serverDate: T - 120 }),
    );
    expect(said).toContain("Your clock was 120 s ahead of the server's");
    expect(said).toContain('issued at 2026-11-29T17:00:00Z');
  });

  it('a signature that does not verify: the server holds another public key', () => {
    const said = explained(demoRefusal('signature verification failed'), demoContext());
    expect(said).toMatch(/different public key/);
    expect(said).toContain('Register this key with the demo server');
  });

  it('an unknown kid, named', () => {
    const said = explained(
      demoRefusal('no applicable key found in the JSON Web Key Set'),
      demoContext({ header: { alg: 'ES256', kid: 'mine' } }),
    );
    expect(said).toContain('no key with kid "mine" for the client "demo-private-key-jwt"');
    expect(said).toContain('Register this key with the demo server');
  });

  it('an algorithm the client may not use', () => {
    const said = explained(demoRefusal('alg mismatch'), demoContext({ header: { alg: 'HS256' } }));
    expect(said).toContain('signed with HS256');
    expect(said).toContain('RS256 and ES256');
  });

  it('a secret client sending an assertion: the client is configured for a secret', () => {
    const said = explained(
      demoRefusal(
        'the provided authentication mechanism does not match the registered client authentication method',
      ),
      demoContext({ clientId: '0oademoclient0000001' }),
    );
    expect(said).toContain(
      '"0oademoclient0000001" is still configured to authenticate with a client secret',
    );
    expect(said).toContain('Register this key with the demo server');
  });

  it('a registered client the demo server has forgotten', () => {
    const said = explained(demoRefusal('client not found'), demoContext({ clientId: 'abc' }));
    expect(said).toContain('does not know the client "abc"');
    expect(said).toMatch(/restarts/);
  });

  it('iss that is not the client ID', () => {
    const said = explained(
      demoRefusal('iss (JWT issuer) must be the client_id'),
      demoContext({ claims: { ...demoContext().claims, iss: 'someone-else' } }),
    );
    expect(said).toContain('iss "someone-else"');
    expect(said).toContain('client ID "demo-private-key-jwt"');
  });
});

describe("explainAssertionError: Okta's documented messages", () => {
  it('"The audience claim for client_assertion must be the endpoint invoked for the request."', () => {
    const said = explained(
      {
        error: 'invalid_client',
        error_description:
          'The audience claim for client_assertion must be the endpoint invoked for the request.',
      },
      oktaContext({
        claims: { ...oktaContext().claims, aud: 'https://dev-123.okta.com/oauth2/default' },
      }),
    );
    expect(said).toContain(
      'names aud "https://dev-123.okta.com/oauth2/default", but it was sent to "https://dev-123.okta.com/oauth2/default/v1/token"',
    );
  });

  it('"The client_assertion signature is invalid."', () => {
    const said = explained(
      { error: 'invalid_client', error_description: 'The client_assertion signature is invalid.' },
      oktaContext(),
    );
    expect(said).toMatch(/different public key/);
    expect(said).toContain('the public key with kid "okta-kid"');
    expect(said).toContain('Client Credentials (Public key / Private key)');
    expect(said).not.toContain('demo server');
  });

  it('"The client_assertion JWT kid is invalid."', () => {
    const said = explained(
      { error: 'invalid_client', error_description: 'The client_assertion JWT kid is invalid.' },
      oktaContext(),
    );
    expect(said).toContain('no key with kid "okta-kid"');
  });

  it('an expiry too far in the future (Okta: at most an hour)', () => {
    const said = explained(
      {
        error: 'invalid_client',
        error_description: 'The client_assertion token has an expiration too far in the future.',
      },
      oktaContext({ claims: { ...oktaContext().claims, exp: T + 7200 } }),
    );
    expect(said).toContain('valid for 7200 s (exp 2026-11-29T19:00:00Z)');
    expect(said).toMatch(/one hour/);
  });

  it('an expired assertion and a reused jti, in other words', () => {
    expect(
      explained(
        { error: 'invalid_client', error_description: 'The client_assertion token is expired.' },
        oktaContext({ serverDate: T + 400, sentAt: T + 400 }),
      ),
    ).toContain('had expired');
    expect(
      explained(
        { error: 'invalid_client', error_description: 'The jti has already been used.' },
        oktaContext(),
      ),
    ).toContain('jti "jti-2"');
  });

  it('the app still configured for a client secret (Okta names private_key_jwt)', () => {
    const said = explained(
      {
        error: 'invalid_client',
        error_description:
          'Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.',
      },
      oktaContext({
        tokenEndpoint: 'https://dev-123.okta.com/oauth2/v1/token',
        oktaOrgServer: true,
      }),
    );
    expect(said).toContain('still configured to authenticate with a client secret');
    expect(said).toContain('Public key / Private key');
  });

  it("the org server's scopes: Okta API scopes only", () => {
    const said = explained(
      { error: 'invalid_scope', error_description: 'One or more scopes are not configured.' },
      oktaContext({
        tokenEndpoint: 'https://dev-123.okta.com/oauth2/v1/token',
        oktaOrgServer: true,
      }),
    );
    expect(said).toContain('okta.users.read');
    expect(said).toContain('/oauth2/default/v1/token');
  });
});

describe('explainAssertionError: a bare invalid_client, from the values sent', () => {
  const bare = { error: 'invalid_client', error_description: 'Client authentication failed.' };

  it('aud differs from the endpoint', () => {
    expect(
      explained(
        bare,
        oktaContext({ claims: { ...oktaContext().claims, aud: 'https://x.example/t' } }),
      ),
    ).toContain('names aud "https://x.example/t"');
  });

  it('expired by the server clock', () => {
    expect(explained(bare, oktaContext({ serverDate: T + 301 }))).toContain('had expired');
  });

  it('issued in the future by the server clock', () => {
    expect(explained(bare, oktaContext({ serverDate: T - 60 }))).toContain(
      "Your clock was 60 s ahead of the server's",
    );
  });

  it('longer than Okta allows', () => {
    expect(
      explained(bare, oktaContext({ claims: { ...oktaContext().claims, exp: T + 3601 } })),
    ).toContain('valid for 3601 s');
  });

  it('nothing wrong in the values: the key or the configuration, with the kid', () => {
    const said = explained({ error: 'invalid_client' }, oktaContext({ serverDate: undefined }));
    expect(said).toMatch(/without saying why/);
    expect(said).toContain('kid "okta-kid"');
    expect(said).toMatch(/private_key_jwt/);
  });
});

describe('explainAssertionError: what it leaves to the diagnosis of any token error', () => {
  it.each([
    ['invalid_scope at a custom server', { error: 'invalid_scope' }],
    ['unauthorized_client', { error: 'unauthorized_client' }],
    ['server_error', { error: 'server_error' }],
    [
      'invalid_request about something else',
      { error: 'invalid_request', error_description: 'missing grant_type' },
    ],
  ])('%s', (_label, error) => {
    expect(explainAssertionError(error, oktaContext())).toBeNull();
  });

  it('but explains an invalid_request about the assertion itself', () => {
    expect(
      explained(
        { error: 'invalid_request', error_description: 'client_assertion_type must be provided' },
        demoContext(),
      ),
    ).toContain('client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
  });
});

describe('explainAssertionError never quotes the assertion', () => {
  it('no explanation contains a JWT-shaped value', () => {
    const jwtShape = /eyJ[\w-]+\.[\w-]+\./;
    const reasons = [
      'client assertion tokens must only be used once',
      'jwt expired',
      'signature verification failed',
      'client not found',
      'something else',
    ];
    for (const reason of reasons)
      expect(text(explainAssertionError(demoRefusal(reason), demoContext()))).not.toMatch(jwtShape);
  });
});

/** A client_secret_jwt request (HS256, no kid), to the demo server unless told otherwise. */
function secretContext(change: Partial<AssertionContext> = {}): AssertionContext {
  const clientId = 'demo-client-secret-jwt';
  return demoContext({
    method: 'client_secret_jwt',
    clientId,
    claims: { ...demoContext().claims, iss: clientId, sub: clientId },
    header: { alg: 'HS256' },
    ...change,
  });
}

const invalidClient = (description: string) => ({
  error: 'invalid_client',
  error_description: description,
});

describe('explainAssertionError for client_secret_jwt (the words oidc-provider really sends)', () => {
  it('a signature that does not verify: the secret that signed it is not the one the server holds', () => {
    const explained = explainAssertionError(
      invalidClient('client authentication failed: signature verification failed'),
      secretContext({ tokenEndpoint: OKTA_TOKEN_ENDPOINT, demoServer: false }),
    );
    expect(explained?.meaning).toMatch(/checked its HMAC with the secret it holds/);
    expect(explained?.meaning).not.toMatch(/public key/);
    expect(explained?.checks[0]).toMatch(
      /Copy the client secret of "demo-client-secret-jwt" again \(Okta/,
    );
  });

  it('on the demo server, points at the demo client that signs with its secret', () => {
    const explained = explainAssertionError(
      invalidClient('client authentication failed: signature verification failed'),
      secretContext(),
    );
    expect(explained?.checks).toEqual([
      expect.stringMatching(/Choose the demo client that signs with its secret/),
    ]);
  });

  it('a client registered for another method: says so, and offers sending the secret itself', () => {
    const explained = explainAssertionError(
      invalidClient(
        'client authentication failed: the provided authentication mechanism does not match the registered client authentication method',
      ),
      secretContext({ clientId: '0oademoclient0000001' }),
    );
    expect(explained?.meaning).toMatch(
      /"0oademoclient0000001" is registered for another authentication method, not client_secret_jwt/,
    );
    expect(explained?.meaning).not.toMatch(/key/);
    expect(explained?.checks.join(' ')).toMatch(/Basic header \(client_secret_basic\)/);
  });

  it('HS256 refused (a key client): suggests the key method, never a public key problem', () => {
    const explained = explainAssertionError(
      invalidClient('client authentication failed: alg mismatch'),
      secretContext({ clientId: 'demo-private-key-jwt' }),
    );
    expect(explained?.meaning).toMatch(/HS256 \(HMAC with the client secret\)/);
    expect(explained?.checks[0]).toMatch(/Private key JWT \(private_key_jwt\)/);
  });

  it('no secret key for HS256 at the server: not registered for client_secret_jwt', () => {
    const explained = explainAssertionError(
      invalidClient(
        'client authentication failed: no applicable key found in the JSON Web Key Set',
      ),
      secretContext(),
    );
    expect(explained?.meaning).toMatch(/no secret to check an HS256 assertion/);
  });

  it('a replay reads the same for both JWT methods', () => {
    const explained = explainAssertionError(
      invalidClient('client authentication failed: client assertion tokens must only be used once'),
      secretContext(),
    );
    expect(explained?.meaning).toMatch(/already seen this assertion \(jti "jti-1"\)/);
  });
});
