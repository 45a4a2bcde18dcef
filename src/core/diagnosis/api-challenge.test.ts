import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainApiAnswer, parseWwwAuthenticate } from './api-challenge.ts';
import { DPOP_API_ANSWER_SCENARIOS, type ApiAnswerScenario } from './scenarios/dpop-answers.ts';

describe('parseWwwAuthenticate (RFC 9110 §11.6.1)', () => {
  it('reads two challenges, each with its parameters', () => {
    expect(
      parseWwwAuthenticate('Bearer realm="demo-api", DPoP algs="ES256 RS256", realm="demo-api"'),
    ).toEqual([
      { scheme: 'Bearer', params: { realm: 'demo-api' } },
      { scheme: 'DPoP', params: { algs: 'ES256 RS256', realm: 'demo-api' } },
    ]);
  });

  it('keeps commas and escaped quotes inside quoted strings, lower-cases parameter names', () => {
    expect(
      parseWwwAuthenticate('DPoP Error="invalid_token", error_description="a, b \\"c\\" d\\\\"'),
    ).toEqual([
      { scheme: 'DPoP', params: { error: 'invalid_token', error_description: 'a, b "c" d\\' } },
    ]);
  });

  it('reads token values, spaces around "=", a bare scheme and a token68', () => {
    expect(parseWwwAuthenticate('Basic, Bearer error = invalid_token ,Negotiate abc+/==')).toEqual([
      { scheme: 'Basic', params: {} },
      { scheme: 'Bearer', params: { error: 'invalid_token' } },
      { scheme: 'Negotiate', params: {}, token68: 'abc+/==' },
    ]);
  });

  it('returns what it read of a malformed value, and nothing for an empty one', () => {
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate('Bearer error="unterminated')).toEqual([
      { scheme: 'Bearer', params: {} },
    ]);
  });

  it('never throws, whatever the header', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(Array.isArray(parseWwwAuthenticate(value))).toBe(true);
      }),
    );
  });
});

const explain = (scenario: ApiAnswerScenario) =>
  explainApiAnswer(
    { ...scenario.call, sentAt: 1_800_000_001_000 },
    { status: scenario.answer.status, headers: new Headers(scenario.answer.headers) },
  );
const named = (name: string) => {
  const found = DPOP_API_ANSWER_SCENARIOS.find((each) => each.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  return explain(found);
};

describe('the demo API answers (scenario corpus)', () => {
  for (const scenario of DPOP_API_ANSWER_SCENARIOS)
    it(`${scenario.name}: ${scenario.cause} first, with an action and evidence`, () => {
      const [first] = explain(scenario);
      expect(first?.id).toBe(scenario.cause);
      expect(first?.action.length).toBeGreaterThan(10);
      expect(first?.evidence.length).toBeGreaterThan(0);
    });

  it('says nothing for an accepted call', () => {
    expect(
      explainApiAnswer(
        { method: 'GET', url: 'https://api.example/r', headers: [] },
        {
          status: 200,
          headers: new Headers(),
        },
      ),
    ).toEqual([]);
  });

  it('names the values the reader can compare', () => {
    expect(named('API: a bound token sent as Bearer')[0]?.summary).toContain(
      'cnf.jkt NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
    );
    expect(named('API: htu of the token endpoint')[0]?.summary).toBe(
      "The proof's htu is http://127.0.0.1:4173/demo/token, but the call went to http://127.0.0.1:4173/demo-api/reports (compared without query and fragment, RFC 9449 §4.3). A proof made for the token endpoint does not work at the API.",
    );
    expect(named('API: the proof made for the token endpoint (htm POST)')[0]?.action).toBe(
      'Sign a new proof with htm GET.',
    );
    expect(named('API: the same proof twice')[0]?.summary).toContain('jti Zx81-pQ');
    expect(named('API: a token without read:reports')[0]?.summary).toBe(
      'The token lacks the scope the API needs (read:reports): it carries "customScope".',
    );
    expect(named('API: an expired token')[0]?.summary).toBe(
      'The access token expired at 2027-01-15T07:59:51.000Z.',
    );
    expect(named('API: a proof 301 s old')[0]?.evidence.join(' ')).toContain(
      "The proof's iat is 1799999700",
    );
  });

  it('a call with another scheme: the schemes the API offers', () => {
    const [cause] = explainApiAnswer(
      {
        method: 'GET',
        url: 'http://127.0.0.1:4173/demo-api/reports',
        headers: [['authorization', 'Basic YTpi']],
      },
      {
        status: 401,
        headers: new Headers({ 'www-authenticate': 'Bearer realm="demo-api", DPoP algs="ES256"' }),
      },
    );
    expect(cause?.summary).toBe(
      'The API does not take the Basic scheme the call used; it offers Bearer and DPoP.',
    );
  });

  it('an API that asks for a nonce (RFC 9449 §9) names it', () => {
    const [cause] = explainApiAnswer(
      { method: 'GET', url: 'https://api.example/r', headers: [] },
      {
        status: 401,
        headers: new Headers({
          'www-authenticate':
            'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"',
          'dpop-nonce': 'n-42',
        }),
      },
    );
    expect(cause).toMatchObject({ id: 'dpop-nonce-required' });
    expect(cause?.action).toBe('Sign a new proof with nonce n-42 and call again.');
  });
});
