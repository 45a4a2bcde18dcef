import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialFormState, type FormState } from '../core/request/request-form.ts';
import { readUrlState, writeUrlState } from './url-state.ts';

// The URL parameters of the README's Contracts: clientId, domain, authServer, tokenUrl, scope, auth (basic|post), encoding (raw|form),
// embed=1; a secret is never read from, or written to, a URL. Expected queries are written by hand.

/** Any well-formed string, biased towards what a query string must escape. */
const fieldText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom(
      '&',
      '=',
      '+',
      '%',
      ' ',
      '?',
      '#',
      '/',
      ':',
      '%2B',
      '%20',
      'é',
      '€',
      '😀',
      '\u0000',
      '\n',
      'a',
      'Z',
      '0',
      '.',
      '-',
      '_',
    ),
  }),
);

/** Resource indicators as the field holds them after a link: filled lines, one per indicator. */
const resourceLines = fc
  .array(
    fieldText.filter((line) => line !== '' && !/[\r\n]/.test(line)),
    { maxLength: 3 },
  )
  .map((lines) => lines.join('\n'));

const formState: fc.Arbitrary<FormState> = fc.record({
  clientId: fieldText,
  clientSecret: fieldText,
  server: fc.constantFrom('okta', 'okta-org', 'auth0', 'entra', 'keycloak', 'cognito', 'generic'),
  domain: fieldText,
  tenant: fieldText,
  baseUrl: fieldText,
  realm: fieldText,
  userPoolId: fieldText,
  audience: fieldText,
  resources: resourceLines,
  // Never in a link (it may hold a secret): always empty after one.
  extraParameters: fc.constant(''),
  authServerId: fc.oneof(fc.constant('default'), fieldText),
  tokenEndpointOverride: fc.option(
    fc.record({ url: fieldText, source: fc.constantFrom('typed', 'demo', 'link') }),
    { nil: null },
  ),
  scope: fc.oneof(fc.constant('customScope'), fieldText),
  authMethod: fc.constantFrom('client_secret_basic', 'client_secret_post', 'private_key_jwt'),
  encoding: fc.constantFrom('raw', 'form'),
  privateKey: fieldText,
  keyAlgorithm: fc.constant('RS256'),
  assertionLifetime: fc.constant(300),
  dpop: fc.boolean(),
  dpopAlgorithm: fc.constant('ES256'),
});

describe('writeUrlState → readUrlState', () => {
  it('gives back every field but the secret and the private key, which are always empty', () => {
    fc.assert(
      fc.property(
        formState,
        fc.boolean(),
        fc.option(fc.string({ unit: 'grapheme' }), { nil: null }),
        (form, embed, tool) => {
          const state = readUrlState(writeUrlState(form, embed, tool));
          expect(state.form).toEqual({
            ...form,
            clientSecret: '',
            privateKey: '',
            // A link carries the endpoint, not how it was set: it reads back as "from the link".
            tokenEndpointOverride: form.tokenEndpointOverride && {
              url: form.tokenEndpointOverride.url,
              source: 'link',
            },
          });
          expect(state.embed).toBe(embed);
          expect(state.tool).toBe(tool);
          expect(state.ignoredSecretParams).toEqual([]);
          expect(state.invalidParams).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the secret has no influence at all on the query', () => {
    fc.assert(
      fc.property(formState, fc.boolean(), fieldText, (form, embed, secret) => {
        expect(writeUrlState({ ...form, clientSecret: secret }, embed)).toBe(
          writeUrlState({ ...form, clientSecret: '' }, embed),
        );
      }),
    );
  });

  it('the query never contains the secret, raw or decoded', () => {
    fc.assert(
      fc.property(
        formState,
        fc.boolean(),
        fc.string({ minLength: 1, maxLength: 20 }),
        (form, embed, tail) => {
          const secret = `SECRET\u00a7${tail}`;
          // The marker cannot come from another field unless that field holds it.
          fc.pre(
            ![
              form.clientId,
              form.domain,
              form.authServerId,
              form.tokenEndpointOverride?.url ?? '',
              form.scope,
            ].some((v) => v.includes('SECRET')),
          );
          const query = writeUrlState({ ...form, clientSecret: secret }, embed);
          expect(query).not.toContain('SECRET');
          expect(decodeURIComponent(query.replace(/\+/g, ' '))).not.toContain(secret);
          expect(
            [...new URLSearchParams(query).keys()].filter((key) => /secret/i.test(key)),
          ).toEqual([]);
        },
      ),
    );
  });
});

describe('what a URL cannot carry', () => {
  it('a lone surrogate comes back as U+FFFD (URLs carry UTF-8; the credential checks warn about it)', () => {
    const state = readUrlState(writeUrlState({ ...initialFormState, clientId: 'a\ud800b' }, false));
    expect(state.form.clientId).toBe('a\ufffdb');
  });
});

describe('writeUrlState', () => {
  it('omits every default: the initial state is an empty query', () => {
    expect(writeUrlState(initialFormState, false)).toBe('');
  });

  it('omits defaults but keeps what differs, escaped', () => {
    expect(
      writeUrlState(
        { ...initialFormState, clientId: '0oa1b2c3d4', domain: 'dev-1.okta.com' },
        false,
      ),
    ).toBe('?clientId=0oa1b2c3d4&domain=dev-1.okta.com');
    expect(
      writeUrlState({ ...initialFormState, clientId: 'a b&c=d+e%', scope: 'read write' }, false),
    ).toBe('?clientId=a+b%26c%3Dd%2Be%25&scope=read+write');
    expect(writeUrlState({ ...initialFormState, clientId: 'é€' }, false)).toBe(
      '?clientId=%C3%A9%E2%82%AC',
    );
  });

  it('writes the choices by their short URL names', () => {
    expect(
      writeUrlState(
        { ...initialFormState, authMethod: 'client_secret_post', encoding: 'form' },
        false,
      ),
    ).toBe('?auth=post&encoding=form');
    expect(writeUrlState({ ...initialFormState, dpop: true }, false)).toBe('?dpop=1');
    expect(readUrlState('?dpop=1').form.dpop).toBe(true);
    expect(readUrlState('?dpop=yes').form.dpop).toBe(false);
  });

  it('writes an empty scope and an empty authorization server (they differ from the defaults)', () => {
    expect(writeUrlState({ ...initialFormState, scope: '', authServerId: '' }, false)).toBe(
      '?authServer=&scope=',
    );
  });

  it('writes a token endpoint override, even an empty one', () => {
    expect(
      writeUrlState(
        {
          ...initialFormState,
          tokenEndpointOverride: { url: 'https://as.example/token?x=1', source: 'typed' },
        },
        false,
      ),
    ).toBe('?tokenUrl=https%3A%2F%2Fas.example%2Ftoken%3Fx%3D1');
    expect(
      writeUrlState(
        { ...initialFormState, tokenEndpointOverride: { url: '', source: 'typed' } },
        false,
      ),
    ).toBe('?tokenUrl=');
  });

  it('writes the tool when it is not the default one', () => {
    expect(writeUrlState(initialFormState, false, 'check')).toBe('?tool=check');
    expect(writeUrlState({ ...initialFormState, clientId: 'id' }, true, 'inspect')).toBe(
      '?clientId=id&tool=inspect&embed=1',
    );
  });

  it('embed=1', () => {
    expect(writeUrlState(initialFormState, true)).toBe('?embed=1');
  });

  it('never writes the secret', () => {
    expect(
      writeUrlState({ ...initialFormState, clientId: 'id', clientSecret: 'hunter2' }, true),
    ).toBe('?clientId=id&embed=1');
  });
});

describe('the view parameters: theme, guided, demo', () => {
  it('reads them as written', () => {
    expect(readUrlState('?embed=1&theme=dark&guided=1&demo=1').view).toEqual({
      theme: 'dark',
      guided: true,
      demo: true,
    });
    expect(readUrlState('?theme=light').view.theme).toBe('light');
    expect(readUrlState('?theme=auto').view.theme).toBe('auto');
  });

  it('an unknown theme is reported and left at auto; anything but 1 is off', () => {
    const state = readUrlState('?theme=blue&guided=yes&demo=true');
    expect(state.view).toEqual({ theme: 'auto', guided: false, demo: false });
    expect(state.invalidParams).toEqual(['theme']);
  });

  it('writes only what differs from the defaults, after the form', () => {
    expect(
      writeUrlState({ ...initialFormState, clientId: 'id' }, true, null, {
        theme: 'dark',
        guided: true,
        demo: true,
      }),
    ).toBe('?clientId=id&embed=1&theme=dark&guided=1&demo=1');
    expect(
      writeUrlState(initialFormState, false, null, { theme: 'auto', guided: false, demo: false }),
    ).toBe('');
  });
});

describe('readUrlState', () => {
  it('an empty query gives the initial state', () => {
    for (const search of ['', '?']) {
      expect(readUrlState(search)).toEqual({
        form: initialFormState,
        embed: false,
        view: { theme: 'auto', guided: false, demo: false },
        tool: null,
        ignoredSecretParams: [],
        invalidParams: [],
        presetDefaults: [],
      });
    }
  });

  it('reads a docs-site embed link', () => {
    const state = readUrlState(
      '?clientId=0oa1b2c3d4&domain=dev-1.okta.com&authServer=aus9&scope=read+write&auth=post&encoding=form&embed=1',
    );
    expect(state).toEqual({
      form: {
        ...initialFormState,
        clientId: '0oa1b2c3d4',
        domain: 'dev-1.okta.com',
        authServerId: 'aus9',
        scope: 'read write',
        authMethod: 'client_secret_post',
        encoding: 'form',
      },
      embed: true,
      view: { theme: 'auto', guided: false, demo: false },
      tool: null,
      ignoredSecretParams: [],
      invalidParams: [],
      presetDefaults: [],
    });
  });

  it('reads with or without the leading "?"', () => {
    expect(readUrlState('clientId=a%2Bb').form.clientId).toBe('a+b');
    expect(
      readUrlState('?tokenUrl=http%3A%2F%2F127.0.0.1%3A4173%2Fdemo%2Ftoken').form
        .tokenEndpointOverride,
    ).toEqual({ url: 'http://127.0.0.1:4173/demo/token', source: 'link' });
  });

  it('reports secret parameters and never reads them into the form', () => {
    const state = readUrlState(
      '?clientId=abc&secret=s1-leak&client_secret=s2-leak&clientSecret=s3-leak',
    );
    expect(state.ignoredSecretParams).toEqual(['secret', 'client_secret', 'clientSecret']);
    expect(state.form.clientSecret).toBe('');
    expect(state.form.clientId).toBe('abc');
    expect(JSON.stringify(state)).not.toMatch(/leak/);
  });

  it.each(['secret', 'client_secret', 'clientSecret'])('reports %s alone, even empty', (name) => {
    const state = readUrlState(`?${name}=`);
    expect(state.ignoredSecretParams).toEqual([name]);
    expect(state.form).toEqual(initialFormState);
  });

  it('never reads any secret parameter into the form (property)', () => {
    const name = fc.constantFrom('secret', 'client_secret', 'clientSecret');
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1 }), fieldText, (names, value) => {
        const params = new URLSearchParams();
        for (const n of names) params.set(n, value);
        const state = readUrlState(`?${params.toString()}`);
        expect(state.form).toEqual(initialFormState);
        expect([...state.ignoredSecretParams].sort()).toEqual([...names].sort());
      }),
    );
  });

  it.each([
    ['auth=header', ['auth']],
    ['auth=Basic', ['auth']],
    ['auth=client_secret_post', ['auth']],
    ['auth=', ['auth']],
    ['auth=__proto__', ['auth']],
    ['auth=toString', ['auth']],
    ['encoding=base64', ['encoding']],
    ['encoding=constructor', ['encoding']],
    ['auth=x&encoding=y', ['auth', 'encoding']],
  ])('invalid %s → defaults and invalidParams %j', (search, invalid) => {
    const state = readUrlState(`?${search}`);
    expect(state.form.authMethod).toBe('client_secret_basic');
    expect(state.form.encoding).toBe('raw');
    expect(state.invalidParams).toEqual(invalid);
  });

  it('an invalid choice does not disturb the valid one', () => {
    const state = readUrlState('?auth=post&encoding=utf16');
    expect(state.form.authMethod).toBe('client_secret_post');
    expect(state.form.encoding).toBe('raw');
    expect(state.invalidParams).toEqual(['encoding']);
  });

  it('reads the tool parameter as written (the shell checks it against its tools)', () => {
    expect(readUrlState('?tool=build').tool).toBe('build');
    expect(readUrlState('?tool=no-such-tool').tool).toBe('no-such-tool');
    expect(readUrlState('?clientId=a').tool).toBeNull();
  });

  it.each([
    ['embed=1', true],
    ['embed=0', false],
    ['embed=true', false],
    ['embed', false],
    ['', false],
  ])('%s → embed %s', (search, embed) => {
    expect(readUrlState(`?${search}`).embed).toBe(embed);
  });
});

describe('a link to another server', () => {
  it("names its scope and method always, so a hand-made link without them takes that server's", () => {
    const form = { ...initialFormState, server: 'entra' as const, tenant: 't' };
    expect(writeUrlState(form, false)).toBe('?server=entra&tenant=t&scope=customScope&auth=basic');
    expect(readUrlState('?server=entra&tenant=t').presetDefaults).toEqual(['scope', 'authMethod']);
    expect(readUrlState('?server=entra&scope=x').presetDefaults).toEqual(['authMethod']);
    expect(readUrlState('?scope=x').presetDefaults).toEqual([]);
  });

  it('an unknown server is said, and the page stays Okta', () => {
    const state = readUrlState('?server=ping');
    expect(state.form.server).toBe('okta');
    expect(state.invalidParams).toEqual(['server']);
  });
});
