import { describe, expect, it } from 'vitest';
import { recordAttempt } from './attempt-history.ts';
import {
  explainOktaApiError,
  explainTokenError,
  explainUnrecognizedAnswer,
  requestContextOf,
  type RequestContext,
} from './token-error-help.ts';
import { buildTokenRequest, type TokenRequestInput } from './token-request.ts';
import type { TokenError } from './token-response.ts';

// Okta's real error bodies for the client credentials flow; expected wording is written out by hand.
const OKTA = {
  badClient:
    'Client authentication failed. Either the client or the client credentials are invalid.',
  noDefaultScope:
    "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
  unknownScope: 'One or more scopes are not configured for the authorization server resource.',
  grantNotAllowed:
    'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code, refresh_token].',
  policy: 'Policy evaluation failed for this request, please check the policy configurations.',
  pkce: 'Browser requests to the token endpoint must use Proof Key for Code Exchange.',
  orgServer:
    'Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.',
} as const;

const CUSTOM_ENDPOINT = 'https://dev-1.okta.com/oauth2/default/v1/token';
const ORG_ENDPOINT = 'https://dev-1.okta.com/oauth2/v1/token';

function context(overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    authMethod: 'client_secret_basic',
    encoding: 'raw',
    basicEncodingsDiffer: false,
    scope: 'customScope',
    tokenEndpoint: CUSTOM_ENDPOINT,
    credentialsHaveStrayCharacters: false,
    demoServer: false,
    demoBasicCredentials: null,
    oktaServer: true,
    triedWays: new Set([
      overrides.authMethod === 'client_secret_post'
        ? 'post'
        : overrides.encoding === 'form'
          ? 'basic-form'
          : 'basic-raw',
    ]),
    clientIdHasColon: false,
    secretHasColon: false,
    nonVschar: false,
    ...overrides,
  };
}

const err = (error: string, error_description?: string): TokenError =>
  error_description === undefined ? { error } : { error, error_description };

const SWITCH_TO_FORM = 'Switch Credential encoding to "RFC 6749 form-encoded first"';
const SWITCH_TO_RAW = 'Switch Credential encoding to "Raw UTF-8"';

describe('explainTokenError: every code has a meaning and checks', () => {
  it.each([
    ['invalid_request', /malformed/],
    ['invalid_client', /Client authentication failed/],
    ['invalid_grant', /refused the grant/],
    ['unauthorized_client', /may not use the client credentials grant/],
    ['unsupported_grant_type', /does not support the client_credentials grant/],
    ['invalid_scope', /refused the scope "customScope"/],
    ['access_denied', /access policy refused/],
    ['invalid_dpop_proof', /DPoP/],
    ['use_dpop_nonce', /DPoP/],
    ['server_error', /failed or is overloaded/],
    ['temporarily_unavailable', /failed or is overloaded/],
  ])('%s', (code, meaning) => {
    const explanation = explainTokenError(err(code), context());
    expect(explanation.meaning).toMatch(meaning);
    expect(explanation.checks.length).toBeGreaterThan(0);
    for (const check of explanation.checks) expect(check.trim()).not.toBe('');
  });
});

describe('explainTokenError: invalid_client', () => {
  it('with differing encodings and raw chosen, the FIRST check suggests "RFC 6749 form-encoded first"', () => {
    const { checks } = explainTokenError(
      err('invalid_client', OKTA.badClient),
      context({ basicEncodingsDiffer: true, encoding: 'raw' }),
    );
    expect(checks[0]).toContain(SWITCH_TO_FORM);
    expect(checks.join('\n')).not.toContain(SWITCH_TO_RAW);
  });

  it('with differing encodings and form chosen, the FIRST check suggests "Raw UTF-8"', () => {
    const { checks } = explainTokenError(
      err('invalid_client', OKTA.badClient),
      context({ basicEncodingsDiffer: true, encoding: 'form' }),
    );
    expect(checks[0]).toContain(SWITCH_TO_RAW);
    expect(checks.join('\n')).not.toContain(SWITCH_TO_FORM);
  });

  it('the encoding suggestion comes right after the org-server notes (another server, or a key)', () => {
    const { checks } = explainTokenError(
      err('invalid_client'),
      context({ basicEncodingsDiffer: true, tokenEndpoint: ORG_ENDPOINT }),
    );
    expect(checks[0]).toMatch(/org authorization server/);
    // A URL to use, not "set the field to default" (the field may say "default" already).
    expect(checks[0]).toContain('https://dev-1.okta.com/oauth2/default/v1/token');
    expect(checks[0]).not.toMatch(/set Authorization server ID/);
    expect(checks[1]).toContain('"Private key JWT (private_key_jwt)"');
    expect(checks[2]).toContain(SWITCH_TO_FORM);
  });

  it('says nothing about encodings when both read the same', () => {
    for (const encoding of ['raw', 'form'] as const) {
      const { checks } = explainTokenError(
        err('invalid_client', OKTA.badClient),
        context({ encoding }),
      );
      expect(checks.join('\n')).not.toMatch(/Credential encoding/);
    }
  });

  it('mentions stray characters when there are some, and only then', () => {
    const stray = /white space or holds invisible characters/;
    expect(
      explainTokenError(err('invalid_client'), context({ credentialsHaveStrayCharacters: true }))
        .checks[0],
    ).toMatch(stray);
    expect(explainTokenError(err('invalid_client'), context()).checks.join('\n')).not.toMatch(
      stray,
    );
    const both = explainTokenError(
      err('invalid_client'),
      context({ credentialsHaveStrayCharacters: true, basicEncodingsDiffer: true }),
    ).checks;
    expect(both[0]).toContain(SWITCH_TO_FORM);
    expect(both[1]).toMatch(stray);
  });

  it('never advises switching the encoding when the credentials went in the body', () => {
    // client_secret_post: the body is always form-encoded; the Basic encoding choice changes nothing.
    for (const encoding of ['raw', 'form'] as const) {
      const { checks } = explainTokenError(
        err('invalid_client', OKTA.badClient),
        context({ authMethod: 'client_secret_post', encoding, basicEncodingsDiffer: true }),
      );
      expect(checks.join('\n')).not.toMatch(/Credential encoding/);
    }
  });

  it.each([
    ORG_ENDPOINT,
    `${ORG_ENDPOINT}/`,
    `${ORG_ENDPOINT}?x=1`,
    `${ORG_ENDPOINT}#frag`,
    'https://login.example.com/oauth2/v1/token',
  ])('notes the org server for %s', (tokenEndpoint) => {
    expect(explainTokenError(err('invalid_client'), context({ tokenEndpoint })).checks[0]).toMatch(
      /org authorization server/,
    );
  });

  it.each([
    CUSTOM_ENDPOINT,
    'https://dev-1.okta.com/oauth2/aus1a2b3c4/v1/token',
    'http://127.0.0.1:4173/demo/token',
  ])('no org-server note for %s', (tokenEndpoint) => {
    expect(
      explainTokenError(err('invalid_client'), context({ tokenEndpoint })).checks.join('\n'),
    ).not.toMatch(/org authorization server/);
  });

  it('suggests the other client authentication method by its UI name', () => {
    expect(
      explainTokenError(
        err('invalid_client'),
        context({ authMethod: 'client_secret_basic' }),
      ).checks.join('\n'),
    ).toContain('Try the other client authentication method, "Request body (client_secret_post)"');
    expect(
      explainTokenError(
        err('invalid_client'),
        context({ authMethod: 'client_secret_post' }),
      ).checks.join('\n'),
    ).toContain('Try the other client authentication method, "Basic header (client_secret_basic)"');
  });
});

describe('explainTokenError: against the built-in demo server', () => {
  const demo = (overrides: Partial<RequestContext> = {}) =>
    context({
      demoServer: true,
      demoBasicCredentials: 'form-decoded',
      oktaServer: false,
      tokenEndpoint: 'http://127.0.0.1:4173/demo/token',
      ...overrides,
    });

  it.each([
    'invalid_client',
    'invalid_scope',
    'unauthorized_client',
    'access_denied',
    'invalid_request',
    'unsupported_grant_type',
  ])('%s: no Okta-specific hint', (code) => {
    const text = explainTokenError(err(code, 'x'), demo()).checks.join('\n');
    expect(text).not.toMatch(/Okta|General tab/);
  });

  it('invalid_client points at the demo clients, and the form-decoding of Basic credentials', () => {
    const { checks } = explainTokenError(
      err('invalid_client'),
      demo({ basicEncodingsDiffer: true }),
    );
    expect(checks[0]).toContain('this demo server form-decodes Basic credentials');
    expect(checks[0]).toContain(SWITCH_TO_FORM);
    expect(checks.join('\n')).toContain('choose one under Demo client and press Use demo server');
  });

  it('the same error against another server keeps the Okta hints', () => {
    expect(explainTokenError(err('invalid_client'), context()).checks.join('\n')).toContain(
      'Make sure the client belongs to this Okta org',
    );
  });
});

describe("explainTokenError: Okta's messages that override the code", () => {
  it('the PKCE / Origin message', () => {
    const explanation = explainTokenError(
      err('invalid_client', OKTA.pkce),
      context({ basicEncodingsDiffer: true }),
    );
    expect(explanation.meaning).toMatch(/came from a browser/);
    expect(explanation.meaning).toMatch(/Origin/);
    expect(explanation.checks.join('\n')).toMatch(/proxy/);
    expect(explanation.checks.join('\n')).not.toMatch(/Credential encoding/);
  });

  it('the private_key_jwt message of the org server', () => {
    const explanation = explainTokenError(
      err('invalid_client', OKTA.orgServer),
      context({ tokenEndpoint: ORG_ENDPOINT }),
    );
    expect(explanation.meaning).toMatch(/org authorization server/);
    expect(explanation.meaning).toMatch(/private_key_jwt/);
    expect(explanation.checks[0]).toContain('"default"');
    // The way forward on this server: the page's third choice.
    expect(explanation.checks[1]).toContain(
      'choose Client authentication "Private key JWT (private_key_jwt)"',
    );
  });
});

describe('explainTokenError: unauthorized_client', () => {
  it("extracts Okta's configured grant types", () => {
    const explanation = explainTokenError(
      err('unauthorized_client', OKTA.grantNotAllowed),
      context(),
    );
    expect(explanation.meaning).toContain(
      '(its configured grant types: authorization_code, refresh_token)',
    );
    expect(explanation.checks.join('\n')).toMatch(/Client Credentials grant/);
  });

  it('without a list says nothing about configured grant types', () => {
    const explanation = explainTokenError(
      err('unauthorized_client', 'The client is not authorized.'),
      context(),
    );
    expect(explanation.meaning).not.toMatch(/configured grant types/);
    expect(explanation.meaning).toMatch(/may not use the client credentials grant\.$/);
  });
});

describe('explainTokenError: invalid_scope', () => {
  it("Okta's \"'scope' must be provided\" gives the no-default-scope explanation", () => {
    const explanation = explainTokenError(
      err('invalid_scope', OKTA.noDefaultScope),
      context({ scope: 'customScope' }),
    );
    expect(explanation.meaning).toBe(
      'No scope was requested and the authorization server has no default scope.',
    );
    expect(explanation.checks[0]).toMatch(/custom scope/);
  });

  it('an empty scope gives the no-default-scope explanation, whatever the description', () => {
    expect(explainTokenError(err('invalid_scope'), context({ scope: '' })).meaning).toMatch(
      /No scope was requested/,
    );
    expect(
      explainTokenError(err('invalid_scope', OKTA.unknownScope), context({ scope: '' })).meaning,
    ).toMatch(/No scope was requested/);
  });

  it("otherwise names the user's scope", () => {
    const explanation = explainTokenError(
      err('invalid_scope', OKTA.unknownScope),
      context({ scope: 'read:things write:things' }),
    );
    expect(explanation.meaning).toContain('"read:things write:things"');
    expect(explanation.meaning).not.toMatch(/No scope was requested/);
    expect(explanation.checks.join('\n')).toMatch(/openid/);
  });
});

describe('explainTokenError: other codes', () => {
  it('access_denied names the policy', () => {
    const explanation = explainTokenError(err('access_denied', OKTA.policy), context());
    expect(explanation.meaning).toMatch(/access policy/);
    expect(explanation.checks.join('\n')).toMatch(/rule/);
  });

  it('invalid_request quotes the description', () => {
    const explanation = explainTokenError(
      err('invalid_request', 'Cannot supply multiple client credentials.'),
      context(),
    );
    expect(explanation.checks[0]).toBe(
      'The server said: "Cannot supply multiple client credentials.".',
    );
  });

  it('an unknown code falls back and quotes the description', () => {
    const explanation = explainTokenError(err('slow_down', 'Too many requests, wait.'), context());
    expect(explanation.meaning).toContain('"slow_down"');
    expect(explanation.meaning).toMatch(/not one of RFC 6749 §5\.2/);
    expect(explanation.checks).toEqual(['The server said: "Too many requests, wait.".']);
  });

  it('an unknown code without a description has no checks to invent', () => {
    expect(explainTokenError(err('toString'), context()).checks).toEqual([]);
  });
});

describe('explainOktaApiError', () => {
  it('E0000022 names the code and summary and points at the URL', () => {
    const explanation = explainOktaApiError({
      errorCode: 'E0000022',
      errorSummary: 'The endpoint does not support the provided HTTP method',
    });
    expect(explanation.meaning).toBe(
      'Okta answered with an API error (E0000022): The endpoint does not support the provided HTTP method',
    );
    expect(explanation.checks.join('\n')).toMatch(/not a token endpoint/);
  });
});

describe('requestContextOf: the context of the request that was sent', () => {
  const base: TokenRequestInput = {
    tokenEndpoint: '  https://dev-1.okta.com/oauth2/default/v1/token ',
    clientId: '0oa4xqz9kfTbN2cWd5d7',
    clientSecret: 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO',
    scope: 'customScope',
    authMethod: 'client_secret_post',
    encoding: 'form',
  };

  it('reads the choices and the trimmed endpoint from the model', () => {
    expect(requestContextOf(buildTokenRequest(base), [])).toEqual({
      authMethod: 'client_secret_post',
      encoding: 'form',
      basicEncodingsDiffer: false,
      scope: 'customScope',
      tokenEndpoint: 'https://dev-1.okta.com/oauth2/default/v1/token',
      credentialsHaveStrayCharacters: false,
      demoServer: false,
      demoBasicCredentials: null,
      oktaServer: true,
      triedWays: new Set(['post']),
      clientIdHasColon: false,
      secretHasColon: false,
      nonVschar: false,
    });
  });

  it('sees when the two encodings differ (a "+" in the secret), only when Basic was sent', () => {
    const basic = { ...base, authMethod: 'client_secret_basic' as const, clientSecret: 'a+b' };
    expect(requestContextOf(buildTokenRequest(basic), []).basicEncodingsDiffer).toBe(true);
    // In client_secret_post the body is form-encoded whatever the choice: nothing to switch.
    expect(
      requestContextOf(buildTokenRequest({ ...base, clientSecret: 'a+b' }), [])
        .basicEncodingsDiffer,
    ).toBe(false);
  });

  it("recognises a request to the session's demo server", () => {
    const demo = {
      issuer: 'http://127.0.0.1:4173/demo',
      tokenEndpoint: 'http://127.0.0.1:4173/demo/token',
      discoveryUrl: 'http://127.0.0.1:4173/demo/.well-known/openid-configuration',
      jwksUri: 'http://127.0.0.1:4173/demo/jwks',
      clients: [],
    };
    const to = (tokenEndpoint: string, info: typeof demo | null = demo) =>
      requestContextOf(buildTokenRequest({ ...base, tokenEndpoint }), info ? [info] : [])
        .demoServer;
    expect(to('http://127.0.0.1:4173/demo/token')).toBe(true);
    expect(to(' http://127.0.0.1:4173/demo/token?x=1 ')).toBe(true);
    expect(to('http://127.0.0.1:4173/demo/token', null)).toBe(false);
    expect(to('http://127.0.0.1:4173/demo-raw/token')).toBe(false);
    expect(to('http://127.0.0.1:4174/demo/token')).toBe(false);
    expect(to('https://dev-1.okta.com/demo/token')).toBe(false);
  });

  it.each([' secret', 'sec\u200bret', 'secret\t'])(
    'sees stray characters in %j',
    (clientSecret) => {
      expect(
        requestContextOf(buildTokenRequest({ ...base, clientSecret }), [])
          .credentialsHaveStrayCharacters,
      ).toBe(true);
    },
  );
});

/**
 * Issue 10's measured defects, tried as a new user would: each reproduced here from the request
 * the page builds and the answer a real server gave (server/node/interop-table.golden.json).
 */
describe('issue 10: advice from the request sent and the attempts before it', () => {
  const LOCAL = 'http://127.0.0.1:9000/token';
  const input = (overrides: Partial<TokenRequestInput> = {}): TokenRequestInput => ({
    tokenEndpoint: LOCAL,
    clientId: 'example.com',
    clientSecret: 's=cr%t',
    scope: 'customScope',
    authMethod: 'client_secret_basic',
    encoding: 'raw',
    ...overrides,
  });
  const contextFor = (sent: TokenRequestInput, before: TokenRequestInput[] = []) => {
    const history = before.reduce(
      (done, earlier) => recordAttempt(done, buildTokenRequest(earlier), 'refused', 401),
      [] as ReturnType<typeof recordAttempt>,
    );
    return requestContextOf(buildTokenRequest(sent), [], history);
  };

  it.each(['s=cr%t', '100%pure%zz%'])(
    '1: "not properly encoded" from a form-decoding server (secret %j) advises the form encoding',
    (clientSecret) => {
      const explanation = explainTokenError(
        err(
          'invalid_request',
          'client_id and client_secret in the authorization header are not properly encoded',
        ),
        contextFor(input({ clientSecret })),
      );
      expect(explanation.meaning).toContain('form-decodes the credentials');
      expect(explanation.checks[0]).toContain(SWITCH_TO_FORM);
    },
  );

  it('2: a plain-text 401 with WWW-Authenticate: Basic points at client_secret_post', () => {
    const explanation = explainUnrecognizedAnswer(
      401,
      new Headers({ 'www-authenticate': 'Basic realm="Users"' }),
      contextFor(input({ clientSecret: 'pa:ss:word' })),
    );
    expect(explanation?.meaning).toContain('plain HTTP Basic challenge (Basic realm="Users")');
    expect(explanation?.checks[0]).toContain('Try "Request body (client_secret_post)"');
    expect(explanation?.checks.join('\n')).toContain('before the second ":"');
    expect(explainUnrecognizedAnswer(500, new Headers(), contextFor(input()))).toBeUndefined();
  });

  it('3: the advice does not loop: after raw and form failed, it names client_secret_post, not raw again', () => {
    const raw = input({ clientId: 'my:client', clientSecret: 'secret' });
    const form = { ...raw, encoding: 'form' as const };
    const first = explainTokenError(err('invalid_client'), contextFor(raw));
    expect(first.checks.join('\n')).toContain(SWITCH_TO_FORM);
    const second = explainTokenError(err('invalid_client'), contextFor(form, [raw]));
    const text = second.checks.join('\n');
    expect(text).not.toContain(SWITCH_TO_RAW);
    expect(text).not.toContain(SWITCH_TO_FORM);
    expect(text).toContain('Use "Request body (client_secret_post)"');
    // And once all three were refused, it says the way of sending is not the problem.
    const post = { ...raw, authMethod: 'client_secret_post' as const };
    const third = explainTokenError(err('invalid_client'), contextFor(post, [raw, form]));
    expect(third.checks.join('\n')).toContain(
      'All three ways of sending these credentials were tried',
    );
    expect(third.checks.join('\n')).not.toMatch(/Switch Credential encoding|Try the other client/);
  });

  it('3: attempts with other inputs (another secret) do not count as tried', () => {
    const sent = input({ encoding: 'form', clientSecret: 'a+b' });
    const explanation = explainTokenError(
      err('invalid_client'),
      contextFor(sent, [{ ...sent, encoding: 'raw', clientSecret: 'other+secret' }]),
    );
    expect(explanation.checks.join('\n')).toContain(SWITCH_TO_RAW);
  });

  it('4: no encoding advice in client_secret_post mode, where the encoding changes nothing', () => {
    const explanation = explainTokenError(
      err('invalid_client'),
      contextFor(input({ authMethod: 'client_secret_post', clientSecret: 'a+b' })),
    );
    expect(explanation.checks.join('\n')).not.toContain('Credential encoding');
  });

  it('5: a ":" in the client ID points at client_secret_post, not only at the form encoding', () => {
    const explanation = explainTokenError(
      err('invalid_client'),
      contextFor(input({ clientId: 'my:client', clientSecret: 'secret' })),
    );
    expect(explanation.checks.join('\n')).toContain(
      'servers that read Basic raw cannot read the form-encoded "%3A" either. Use "Request body (client_secret_post)"',
    );
  });

  it('6: a ":" in the secret is noted as cut by some servers', () => {
    const explanation = explainTokenError(
      err('invalid_client'),
      contextFor(input({ clientSecret: 'pa:ss:word' })),
    );
    expect(explanation.checks.join('\n')).toContain(
      "passport-http's BasicStrategy) cut the secret",
    );
  });

  it.each([
    'Invalid parameter: `client_secret`',
    'client_id and client_secret in the authorization header are not properly encoded',
  ])(
    '7: a refusal of non-VSCHAR characters (%j) says that no request can work, and to regenerate',
    (description) => {
      const explanation = explainTokenError(
        err('invalid_request', description),
        contextFor(input({ clientSecret: '123£' })),
      );
      expect(explanation.meaning).toContain('no encoding or method can carry these credentials');
      expect(explanation.checks[0]).toContain('Regenerate the secret');
      expect(explanation.checks.join('\n')).not.toContain('Switch Credential encoding');
    },
  );

  it.each([
    ['a loopback server', 'http://127.0.0.1:9000/token'],
    ['another company', 'https://auth.example.com/oauth/token'],
  ])('9: no Okta-only advice against %s', (_, tokenEndpoint) => {
    for (const code of ['invalid_client', 'unauthorized_client', 'access_denied']) {
      const text = explainTokenError(err(code), contextFor(input({ tokenEndpoint }))).checks.join(
        '\n',
      );
      expect(text).not.toMatch(/Okta|General tab/);
    }
  });

  it('9: Okta advice stays for Okta hosts and Okta paths on a custom domain', () => {
    for (const tokenEndpoint of [
      'https://dev-1.okta.com/oauth2/default/v1/token',
      'https://login.example.com/oauth2/default/v1/token',
    ]) {
      expect(
        explainTokenError(err('invalid_client'), contextFor(input({ tokenEndpoint }))).checks.join(
          '\n',
        ),
      ).toContain('General tab');
    }
  });

  it('at /demo-raw, sending form-encoded, the advice is to send raw', () => {
    const demoRaw = {
      issuer: 'http://127.0.0.1:4173/demo-raw',
      tokenEndpoint: 'http://127.0.0.1:4173/demo-raw/token',
      discoveryUrl: 'http://127.0.0.1:4173/demo-raw/.well-known/oauth-authorization-server',
      jwksUri: 'http://127.0.0.1:4173/demo-raw/jwks',
      clients: [],
      basicCredentials: 'raw' as const,
    };
    const sent = buildTokenRequest(
      input({ tokenEndpoint: demoRaw.tokenEndpoint, encoding: 'form', clientSecret: 'a+b' }),
    );
    const { checks } = explainTokenError(err('invalid_client'), requestContextOf(sent, [demoRaw]));
    expect(checks[0]).toContain('this demo server takes the raw bytes');
    expect(checks[0]).toContain(SWITCH_TO_RAW);
  });
});
