import { describe, expect, it } from 'vitest';
import { settingsOfWay } from '../client-auth/auth-ways.ts';
import { lineBreaksRemoved, type PasteRemovals } from '../credentials/paste-cleanup.ts';
import { buildTokenRequest } from '../request/token-request.ts';
import { parseTokenResponse } from '../token/token-response.ts';
import type { Cause } from './causes.ts';
import { diagnose } from './diagnose.ts';
import { authenticated, readAnswer, type AnswerReading, type Evidence } from './evidence.ts';
import {
  SCENARIO_DEMOS,
  TOKEN_ANSWER_SCENARIOS as GENERAL_TOKEN_ANSWER_SCENARIOS,
  type ScenarioAnswer,
  type TokenAnswerScenario,
} from './scenarios/token-answers.ts';
import { DPOP_TOKEN_ANSWER_SCENARIOS } from './scenarios/dpop-answers.ts';
import { VENDOR_ANSWER_SCENARIOS, type VendorAnswerScenario } from './scenarios/vendor-answers.ts';

/** Every corpus of token endpoint answers in general terms (one line per corpus file). */
const TOKEN_ANSWER_SCENARIOS: readonly TokenAnswerScenario[] = [
  ...GENERAL_TOKEN_ANSWER_SCENARIOS,
  ...DPOP_TOKEN_ANSWER_SCENARIOS,
];

/** Every corpus: those and each vendor's own answers. */
const ALL_SCENARIOS: ReadonlyArray<TokenAnswerScenario | VendorAnswerScenario> = [
  ...TOKEN_ANSWER_SCENARIOS,
  ...VENDOR_ANSWER_SCENARIOS,
];

function readScenarioAnswer(answer: ScenarioAnswer): AnswerReading {
  if ('proxyFailure' in answer)
    return { kind: 'proxy-failure', code: answer.proxyFailure, message: answer.message };
  const headers = new Headers(answer.headers);
  const body = answer.json === undefined ? (answer.text ?? '') : JSON.stringify(answer.json);
  if (answer.json !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  const parsed = parseTokenResponse({ status: answer.status, headers, body });
  return readAnswer({ status: answer.status, headers, parsed });
}

/** The evidence the page would hold for a scenario: the request model, the readings, the notes. */
export function evidenceOf(scenario: TokenAnswerScenario | VendorAnswerScenario): Evidence {
  const { endpoint, clientId, clientSecret, scope, way } = scenario.request;
  const dpopProof = 'dpopProof' in scenario.request ? scenario.request.dpopProof : undefined;
  const audience = 'audience' in scenario ? scenario.audience : undefined;
  const input = {
    tokenEndpoint: endpoint,
    clientId,
    clientSecret,
    scope,
    ...(audience === undefined ? {} : { extraFields: [['audience', audience] as const] }),
  };
  const request =
    way === 'private_key_jwt' || way === 'client_secret_jwt'
      ? buildTokenRequest({
          ...input,
          authMethod: way,
          encoding: 'raw',
          clientAssertion: {
            header:
              way === 'client_secret_jwt'
                ? { alg: 'HS256', typ: 'JWT' }
                : { alg: 'RS256', kid: 'k1', typ: 'JWT' },
            claims: {
              iss: clientId,
              sub: clientId,
              aud: endpoint,
              iat: 1_800_000_000,
              exp: 1_800_000_300,
              jti: 'j1',
            },
            jwt: 'a.b.c',
          },
        })
      : buildTokenRequest({ ...input, ...settingsOfWay(way, 'raw') });
  const sent =
    dpopProof === undefined
      ? request
      : { ...request, headers: [...request.headers, ['DPoP', dpopProof] as const] };
  const pasted: PasteRemovals = Object.fromEntries(
    Object.entries(scenario.pasted ?? {}).flatMap(([field, text]) => {
      const note = lineBreaksRemoved(text);
      return note ? [[field, note]] : [];
    }),
  );
  return {
    request: sent,
    answer: readScenarioAnswer(scenario.answer),
    ...('headers' in scenario.answer && scenario.answer.headers
      ? { answerHeaders: new Headers(scenario.answer.headers) }
      : {}),
    sentAt: 1_800_000_001_000,
    attempts: (scenario.attempts ?? []).map((attempt) => ({
      way: attempt.way,
      answer: readScenarioAnswer(attempt.answer),
    })),
    server: {
      demos: SCENARIO_DEMOS,
      ...('preset' in scenario && scenario.preset ? { preset: scenario.preset } : {}),
      ...(scenario.scopesSupported ? { scopesSupported: scenario.scopesSupported } : {}),
    },
    pasted,
  };
}

const sentences = (cause: Cause) => [cause.summary, cause.action, ...cause.evidence];

/** Words that blame the client ID or the secret. */
const BLAMES_CREDENTIALS =
  /not its secret|secret is (wrong|not)|wrong secret|does not know this client|has no client|new secret|ID or (the )?secret/i;

describe('the scenario corpus of answers to token requests', () => {
  it('has at least 45 scenarios, with distinct names', () => {
    expect(TOKEN_ANSWER_SCENARIOS.length).toBeGreaterThanOrEqual(45);
    const names = TOKEN_ANSWER_SCENARIOS.map((scenario) => scenario.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('covers every error code of RFC 6749 §5.2, and the answers that are not OAuth at all', () => {
    const codes = new Set(
      TOKEN_ANSWER_SCENARIOS.flatMap(({ answer }) =>
        'json' in answer && typeof answer.json === 'object' && answer.json && 'error' in answer.json
          ? [String(answer.json.error)]
          : [],
      ),
    );
    for (const code of [
      'invalid_request',
      'invalid_client',
      'invalid_grant',
      'unauthorized_client',
      'unsupported_grant_type',
      'invalid_scope',
    ])
      expect(codes, code).toContain(code);
    const statuses = new Set(
      TOKEN_ANSWER_SCENARIOS.flatMap(({ answer }) => ('status' in answer ? [answer.status] : [])),
    );
    for (const status of [301, 404, 405]) expect(statuses).toContain(status);
  });

  for (const scenario of ALL_SCENARIOS) {
    describe(scenario.name, () => {
      const evidence = evidenceOf(scenario);
      const { causes } = diagnose(evidence);

      it(`names ${scenario.cause} first`, () => {
        expect(causes.map((cause) => cause.id)[0]).toBe(scenario.cause);
      });

      it('says nothing the evidence contradicts', () => {
        const shown = causes.flatMap(sentences);
        const outcomes = [evidence.answer, ...evidence.attempts.map((attempt) => attempt.answer)];
        // An answer after client authentication proves the credentials right.
        if (outcomes.some(authenticated))
          for (const sentence of shown) expect(sentence).not.toMatch(BLAMES_CREDENTIALS);
        if (evidence.answer.kind === 'not-a-token-endpoint')
          for (const sentence of shown) expect(sentence).not.toMatch(/malformed/i);
        // A cause no way can change is never followed by advice to send another way.
        if (causes[0].ways.kind === 'none-helps')
          expect(causes.slice(1).filter((cause) => cause.ways.kind === 'try')).toEqual([]);
        // Odd characters in the client ID alone: the secret is not blamed for them.
        if (
          /[^\x20-\x7e]/.test(scenario.request.clientId) &&
          /^[\x20-\x7e]*$/.test(scenario.request.clientSecret)
        )
          for (const sentence of shown)
            expect(sentence).not.toMatch(/secret holds|new secret|secret is|not its secret/i);
      });

      it('never quotes a secret that is not a public demo secret', () => {
        const secret = scenario.request.clientSecret;
        const isDemoSecret = SCENARIO_DEMOS.some((demo) =>
          demo.clients.some((client) => client.clientSecret === secret),
        );
        if (secret.length < 4 || isDemoSecret) return;
        for (const sentence of causes.flatMap(sentences)) expect(sentence).not.toContain(secret);
      });

      it('gives every cause one action and some evidence', () => {
        for (const cause of causes) {
          expect(cause.action.length).toBeGreaterThan(10);
          expect(cause.evidence.length).toBeGreaterThan(0);
        }
      });
    });
  }
});

const scenario = (name: string) => {
  const found = TOKEN_ANSWER_SCENARIOS.find((each) => each.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  return diagnose(evidenceOf(found));
};

describe('what the diagnosis says in the measured cases', () => {
  it('a wrong demo secret: the client is named, where the secrets differ, and that no way changes it', () => {
    const [cause] = scenario('Okta-style demo client, secret one character off, /demo').causes;
    expect(cause.summary).toContain('The client ID is that of the demo client "Okta-style client"');
    expect(cause.summary).toContain('they first differ at character 40 (both have 40 characters)');
    expect(cause.summary).toContain('Neither the method nor the encoding will change that');
    expect(cause.action).toContain('Choose "Okta-style client" under Demo client');
    expect(cause.ways.kind).toBe('none-helps');
  });

  it('a way that authenticated proves the credentials; what remains is the scope, named with the allowed ones', () => {
    const diagnosis = scenario(
      'special demo client raw at /demo with a scope it may not have, after the search',
    );
    expect(diagnosis.authenticatedWay).toBe('basic-form');
    expect(diagnosis.causes.map((cause) => cause.id)).toEqual([
      'basic-encoding',
      'scope-not-allowed',
    ]);
    const scopeCause = diagnosis.causes[1];
    expect(scopeCause?.summary).toBe(
      'The server refuses the scope "read:reports": the demo client "Client whose secret needs form-encoding" may request only "customScope".',
    );
    expect(scopeCause?.action).toBe('Set Scope to "customScope" and send again.');
  });

  it('a 404 is a wrong URL, and discovery is the way to the right one', () => {
    const [cause] = scenario('/demo/tokenz: oidc-provider\'s "unrecognized route"').causes;
    expect(cause.summary).toMatch(/is not a token endpoint: it answered 404 Not Found/);
    expect(cause.action).toMatch(/discovery/);
    expect(cause.action).toContain('http://127.0.0.1:4173/demo');
  });

  it('a ":" in the client ID puts the body first', () => {
    const [cause] = scenario('a colon in the client ID at a server that reads Basic raw').causes;
    expect(cause.ways).toEqual({ kind: 'try', way: 'post' });
  });

  it('a BOM in the client ID blames the ID and names the character', () => {
    const [cause] = scenario('a BOM before the client ID, /demo-raw').causes;
    expect(cause.summary).toContain('U+FEFF BYTE ORDER MARK');
    expect(cause.summary).toContain('at position 1');
    expect(cause.evidence).toContain(
      'Without it, the ID is that of the demo client "Okta-style client".',
    );
  });

  it('a removed line break is pointed back to', () => {
    const [cause] = scenario('a pasted secret whose line break the field removed').causes;
    expect(cause.summary).toMatch(
      /pasted the secret with a line break at the end, which the one-line field removed/,
    );
  });

  it('reads a 401 plain-text challenge as a generic Basic reader, and a 404 before its OAuth body', () => {
    const headers = new Headers({ 'www-authenticate': 'Basic realm="Users"' });
    const plain = parseTokenResponse({ status: 401, headers, body: 'Unauthorized' });
    expect(readAnswer({ status: 401, headers, parsed: plain }).kind).toBe('basic-challenge');
    const json = new Headers({ 'content-type': 'application/json' });
    const body = '{"error":"invalid_request","error_description":"unrecognized route"}';
    const notFound = parseTokenResponse({ status: 404, headers: json, body });
    expect(readAnswer({ status: 404, headers: json, parsed: notFound }).kind).toBe(
      'not-a-token-endpoint',
    );
  });
});

describe('readAnswer: what kind of answer it is, before any rule reads the details', () => {
  const read = (status: number, headers: Record<string, string>, body: string) => {
    const real = new Headers(headers);
    return readAnswer({
      status,
      headers: real,
      parsed: parseTokenResponse({ status, headers: real, body }),
    }).kind;
  };
  const json = { 'content-type': 'application/json' };

  it.each([
    [200, json, '{"access_token":"a","token_type":"Bearer"}', 'token'],
    [400, json, '{"error":"invalid_scope"}', 'oauth-error'],
    [404, json, '{"error":"invalid_request"}', 'not-a-token-endpoint'],
    [405, {}, '', 'not-a-token-endpoint'],
    [302, { location: 'https://login.example.com/' }, '', 'not-a-token-endpoint'],
    [200, { 'content-type': 'text/html' }, '<!doctype html>', 'not-a-token-endpoint'],
    [404, json, '{"errorCode":"E0000022","errorSummary":"no"}', 'not-a-token-endpoint'],
    [401, { 'www-authenticate': 'Basic realm="Users"' }, 'Unauthorized', 'basic-challenge'],
    [502, { 'content-type': 'text/html' }, '<html>Bad Gateway</html>', 'other'],
    [200, json, '{"status":"ok"}', 'other'],
  ] as const)('%i %j %s: %s', (status, headers, body, kind) => {
    expect(read(status, headers, body)).toBe(kind);
  });
});

const vendorFirst = (name: string) => {
  const found = VENDOR_ANSWER_SCENARIOS.find((scenario) => scenario.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  const [cause] = diagnose(evidenceOf(found)).causes;
  return cause;
};

describe("each vendor's errors, in the reader's values", () => {
  it('Entra: the .default scope of the resource the reader named', () => {
    const cause = vendorFirst('Entra: a scope without /.default (AADSTS1002012)');
    expect(cause.action).toBe('Set Scope to "api://reports-api/.default" and send again.');
  });

  it('Entra: the app and the tenant that do not match are named', () => {
    const cause = vendorFirst('Entra: application not found in the tenant (AADSTS700016)');
    expect(cause.summary).toContain('"6731de76-14a6-49ae-97bc-6eba6914391e"');
    expect(cause.summary).toContain('tenant "contoso.onmicrosoft.com"');
  });

  it('Auth0: the audience sent and the API without a grant are named', () => {
    expect(vendorFirst('Auth0: an audience that is no API of the tenant').summary).toContain(
      '"https://api.acme.example/v1"',
    );
    expect(
      vendorFirst('Auth0: the application is not authorized for the API (no client grant)').summary,
    ).toContain('"https://dev-abc123.us.auth0.com/api/v2/"');
  });

  it('Keycloak: the realm from the URL and the client are named', () => {
    const cause = vendorFirst('Keycloak: service accounts not enabled for the client');
    expect(cause.action).toContain('realm "acme" → Clients → orders-job');
  });

  it('a wrong secret at a vendor that documents the method sent: the credentials, not the method', () => {
    const cause = vendorFirst('Entra: a wrong secret that is not a secret ID (AADSTS7000215)');
    expect(cause.id).toBe('wrong-credentials');
  });
});

describe('what the diagnosis says of DPoP refusals, with the values the request carried', () => {
  it('a bound demo client without a proof: the client, and the checkbox that signs one', () => {
    const [cause] = scenario('DPoP: demo-dpop without a proof').causes;
    expect(cause.summary).toContain(
      'The demo client "Client whose tokens are bound to a key (DPoP)" requires DPoP-bound tokens',
    );
    expect(cause.action).toBe(
      'Turn on "DPoP (proof of possession)" and send again: the page signs a proof for every request.',
    );
  });

  it('the nonce round trip: the nonce the answer offers, and that the page retries once', () => {
    const [cause] = scenario('DPoP: the first proof, without a nonce').causes;
    expect(cause.summary).toContain(
      'the proof had none, and the answer gives one: eyJ7S_zG.yQW4bG1uUGVTYw2Qq9V8mK3fH6dJ0pL5xR',
    );
    expect(cause.action).toContain('the page retries once with it by itself');
    const [stale] = scenario('DPoP: a nonce the server no longer accepts').causes;
    expect(stale.summary).toContain(
      'The proof carried the nonce Tq3Zr8nB1mK6vX2cW9pL4hJ7fD0sA5gY-eU_iOuE3wQ',
    );
  });

  it('htu and htm: both values', () => {
    expect(scenario('DPoP: htu names another URL').causes[0].summary).toBe(
      "The proof's htu is http://127.0.0.1:4173/demo/tokens, but the request went to http://127.0.0.1:4173/demo/token (compared without query and fragment, RFC 9449 §4.3).",
    );
    expect(scenario('DPoP: htm names another method').causes[0].summary).toContain(
      "The proof's htm is GET, but the token request is a POST",
    );
  });

  it('iat: the clock skew from the answer’s Date, either way', () => {
    const [old] = scenario('DPoP: iat 400 s old, no nonce').causes;
    expect(old.summary).toContain("The proof's iat is 400 s behind the server's clock");
    expect(old.evidence.join(' ')).toContain("the answer's Date says 2027-01-15T08:00:01.000Z");
    const [ahead] = scenario("DPoP: iat 400 s ahead (the signing machine's clock is fast)").causes;
    expect(ahead.summary).toContain(
      "400 s ahead of the server's clock: the signing machine's clock is fast",
    );
  });

  it('a replayed proof names its jti; a bad signature names the header', () => {
    expect(scenario('DPoP: the same proof sent twice').causes[0].summary).toContain(
      'jti e1j3V_bKic8-LAEB',
    );
    expect(scenario('DPoP: typ JWT instead of dpop+jwt').causes[0].evidence).toContain(
      "The proof's header: typ JWT, alg ES256.",
    );
  });

  it("Okta: the app setting, and Okta's DPoP guide", () => {
    const [cause] = scenario('Okta: DPoP proof header missing (app requires DPoP)').causes;
    expect(cause.action).toContain(
      'turn off "Require Demonstrating Proof of Possession (DPoP) header in token requests" on the app',
    );
    expect(cause.evidence.join(' ')).toContain(
      'https://developer.okta.com/docs/guides/dpop/nonoktaresourceserver/main/',
    );
    expect(scenario('Okta: a nonce required').causes[0].evidence.join(' ')).toContain(
      'Authorization server requires nonce in DPoP proof.',
    );
  });
});
