import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCredentials, checkHmacSecret, type CredentialCheck } from './credential-checks.ts';

const ID = '0oa4xqz9kfTbN2cWd5d7';
const SECRET = 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO';

function only(
  checks: readonly CredentialCheck[],
  code: CredentialCheck['code'],
  field: CredentialCheck['field'],
): CredentialCheck {
  const found = checks.filter((c) => c.code === code && c.field === field);
  expect(found, `${field} ${code}`).toHaveLength(1);
  const [check] = found;
  if (!check) throw new Error('unreachable');
  return check;
}

const summary = (checks: readonly CredentialCheck[]) =>
  checks.map((c) => `${c.field}:${c.code}:${c.severity}`).sort();

describe('checkCredentials: each finding, its severity and its message', () => {
  it('finds nothing in Okta-style credentials, in either encoding', () => {
    expect(checkCredentials({ clientId: ID, clientSecret: SECRET }, 'raw')).toEqual([]);
    expect(checkCredentials({ clientId: ID, clientSecret: SECRET }, 'form')).toEqual([]);
    // Visible ASCII that is not Okta-style (space, + % & " \) is legal VSCHAR: nothing to report.
    expect(checkCredentials({ clientId: 'a b+c', clientSecret: 'p%41 "q" \\ &=~' }, 'raw')).toEqual(
      [],
    );
  });

  it('empty parts: info, and nothing else about that part', () => {
    const checks = checkCredentials({ clientId: '', clientSecret: '' }, 'raw');
    expect(summary(checks)).toEqual(['clientId:empty:info', 'clientSecret:empty:info']);
    expect(only(checks, 'empty', 'clientId').message).toBe('Client ID is empty.');
    expect(only(checks, 'empty', 'clientSecret').message).toBe('Client secret is empty.');
  });

  it('a ":" in the client ID: error for the raw pair (RFC 7617 §2), info when form-encoded', () => {
    const raw = only(
      checkCredentials({ clientId: 'my:client', clientSecret: SECRET }, 'raw'),
      'colon-in-client-id',
      'clientId',
    );
    expect(raw.severity).toBe('error');
    expect(raw.message).toContain('U+003A');
    // The plain words first, the rule behind them in `why`.
    expect(raw.message).not.toContain('RFC');
    expect(raw.why).toContain('RFC 7617 §2');
    const form = only(
      checkCredentials({ clientId: 'my:client', clientSecret: SECRET }, 'form'),
      'colon-in-client-id',
      'clientId',
    );
    expect(form.severity).toBe('info');
    expect(form.message).toContain('%3A');
  });

  it('a ":" in the secret: RFC 7617 allows it, but an info says some servers cut it', () => {
    const checks = checkCredentials({ clientId: ID, clientSecret: 'pa:ss:word' }, 'raw');
    expect(summary(checks)).toEqual(['clientSecret:colon-in-secret:info']);
    const { message, why } = only(checks, 'colon-in-secret', 'clientSecret');
    expect(message).toBe(
      'Client secret contains ":": some servers cut the secret at a second ":" in the Basic header. The request body (client_secret_post) carries it whole.',
    );
    expect(why).toContain('RFC 7617 §2 allows ":"');
    expect(why).toContain("passport-http's BasicStrategy");
  });

  it('a ":" in the client ID names client_secret_post for servers that read Basic raw', () => {
    for (const encoding of ['raw', 'form'] as const) {
      const { message } = only(
        checkCredentials({ clientId: 'my:client', clientSecret: SECRET }, encoding),
        'colon-in-client-id',
        'clientId',
      );
      expect(message).toContain('client_secret_post');
    }
  });

  it('control characters: error, each named with its 1-based position', () => {
    const checks = checkCredentials({ clientId: ID, clientSecret: 'secret\n' }, 'raw');
    const control = only(checks, 'control-character', 'clientSecret');
    expect(control.severity).toBe('error');
    expect(control.message).toContain('U+000A LINE FEED (LF) at position 7');
    expect(control.why).toContain('RFC 7617 §2');
    // A trailing LF is also an edge character.
    expect(summary(checks)).toEqual([
      'clientSecret:control-character:error',
      'clientSecret:edge-whitespace:warning',
    ]);

    const several = only(
      checkCredentials({ clientId: 'a\tb\u0000c\u007fd\re', clientSecret: SECRET }, 'form'),
      'control-character',
      'clientId',
    ).message;
    expect(several).toContain('U+0009 CHARACTER TABULATION (TAB) at position 2');
    expect(several).toContain('U+0000 NULL at position 4');
    expect(several).toContain('U+007F DELETE at position 6');
    expect(several).toContain('U+000D CARRIAGE RETURN (CR) at position 8');
  });

  it('lists at most four positions, then says how many more', () => {
    const message = only(
      checkCredentials(
        { clientId: ID, clientSecret: 'a\u0001\u0002\u0003\u0004\u0005\u0006b' },
        'raw',
      ),
      'control-character',
      'clientSecret',
    ).message;
    expect(message).toContain('U+0004 at position 5');
    expect(message).not.toContain('U+0005');
    expect(message).toContain('and 2 more');
  });

  it('leading or trailing white space or invisible characters: warning naming them', () => {
    const checks = checkCredentials({ clientId: '\u00a0' + ID, clientSecret: SECRET + ' ' }, 'raw');
    expect(summary(checks)).toEqual([
      'clientId:edge-whitespace:warning',
      'clientId:non-ascii:warning',
      'clientSecret:edge-whitespace:warning',
    ]);
    expect(only(checks, 'edge-whitespace', 'clientId').message).toContain(
      'U+00A0 NO-BREAK SPACE at position 1',
    );
    expect(only(checks, 'edge-whitespace', 'clientSecret').message).toContain(
      `U+0020 SPACE at position ${SECRET.length + 1}`,
    );

    const bom = only(
      checkCredentials({ clientId: '\ufeff' + ID, clientSecret: SECRET }, 'raw'),
      'edge-whitespace',
      'clientId',
    );
    expect(bom.message).toContain('U+FEFF BYTE ORDER MARK');
    expect(bom.message).toContain('at position 1');

    const both = only(
      checkCredentials({ clientId: ' x ', clientSecret: SECRET }, 'raw'),
      'edge-whitespace',
      'clientId',
    );
    expect(both.message).toContain('U+0020 SPACE at position 1, U+0020 SPACE at position 3');
    const single = only(
      checkCredentials({ clientId: ' ', clientSecret: SECRET }, 'raw'),
      'edge-whitespace',
      'clientId',
    );
    expect(single.message).toContain('U+0020 SPACE at position 1.');
  });

  it('invisible characters inside: warning naming them (spaces inside are not invisible)', () => {
    const checks = checkCredentials({ clientId: ID, clientSecret: 'ab\u200bc d\u2060e' }, 'raw');
    const hidden = only(checks, 'invisible-character', 'clientSecret');
    expect(hidden.severity).toBe('warning');
    expect(hidden.message).toBe(
      'Client secret contains invisible characters: U+200B ZERO WIDTH SPACE at position 3, U+2060 WORD JOINER at position 7.',
    );
  });

  it('non-ASCII: warning (RFC 6749 Appendix A VSCHAR) naming the code point', () => {
    const checks = checkCredentials({ clientId: ID, clientSecret: 'caf\u00e9' }, 'raw');
    expect(summary(checks)).toEqual(['clientSecret:non-ascii:warning']);
    const { message, why } = only(checks, 'non-ascii', 'clientSecret');
    expect(message).toContain('U+00E9 at position 4');
    expect(message).not.toContain('VSCHAR');
    expect(why).toContain('RFC 6749 Appendix A');
    expect(why).toContain('%x20-7E');
    // Defect 7: both strict servers named, and what to do when none can take it.
    expect(why).toContain('oidc-provider and @node-oauth/oauth2-server');
    expect(message).toContain('new ASCII secret');
  });

  it('non-ASCII in the client ID (a pasted BOM): the ID is to fix, never the secret', () => {
    const checks = checkCredentials({ clientId: `\ufeff${ID}`, clientSecret: 'plain' }, 'raw');
    const message = only(checks, 'non-ascii', 'clientId').message;
    expect(message).toContain('U+FEFF BYTE ORDER MARK');
    expect(message).toContain('the client ID without them');
    expect(message).not.toContain('secret');
  });

  it('positions count code points, not UTF-16 units, after astral characters', () => {
    // '🔑' is two UTF-16 code units: a count in code units would say 3 and 5.
    const checks = checkCredentials(
      { clientId: ID, clientSecret: '\u{1f511}\u{1f511}\u00a0x\u{1f511}\ny' },
      'raw',
    );
    expect(only(checks, 'non-ascii', 'clientSecret').message).toContain(
      'U+1F511 at position 1, U+1F511 at position 2, U+00A0 NO-BREAK SPACE at position 3, U+1F511 at position 5',
    );
    expect(only(checks, 'invisible-character', 'clientSecret').message).toContain(
      'U+00A0 NO-BREAK SPACE at position 3',
    );
    expect(only(checks, 'control-character', 'clientSecret').message).toContain(
      'U+000A LINE FEED (LF) at position 6',
    );
  });

  it('lone surrogates: error naming the code unit, not also counted as non-ASCII', () => {
    const checks = checkCredentials(
      { clientId: ID, clientSecret: 'a\u{1f511}\ud83db\udc00' },
      'raw',
    );
    expect(summary(checks)).toEqual([
      'clientSecret:lone-surrogate:error',
      'clientSecret:non-ascii:warning',
    ]);
    const lone = only(checks, 'lone-surrogate', 'clientSecret');
    expect(lone.message).toContain(
      'U+D83D (lone surrogate) at position 3, U+DC00 (lone surrogate) at position 5',
    );
    expect(lone.why).toContain('U+FFFD');
    expect(only(checks, 'non-ascii', 'clientSecret').message).not.toContain('surrogate');
  });

  it('reports each field under its own label', () => {
    const checks = checkCredentials({ clientId: 'a\n', clientSecret: 'b\n' }, 'raw');
    expect(only(checks, 'control-character', 'clientId').message).toMatch(/^Client ID /);
    expect(only(checks, 'control-character', 'clientSecret').message).toMatch(/^Client secret /);
  });
});

// Oracles written from the RFC grammars with Unicode regular expressions (code-point aware via
// the `u` flag), independent of characters.ts.
// eslint-disable-next-line no-control-regex -- RFC 5234 CTL: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/u;
const LONE_SURROGATE = /\p{Cs}/u; // with `u`, only unpaired surrogates are seen as Cs
// eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000
const NON_ASCII = /[^\u0000-\u007f\p{Cs}]/u;
const EDGE = /^[\s\u0085\u00ad\u200b-\u200f\u2060]|[\s\u0085\u00ad\u200b-\u200f\u2060]$/u;

const unit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)),
  fc.constantFrom(':', ' ', '\t', '\n', '\u00a0', '\u200b', '\ufeff', '\u{1f511}', 'a', 'Z', '0'),
);
const credential = fc.string({ unit, maxLength: 12 });

describe('checkCredentials for all strings (property)', () => {
  it('reports a finding exactly when the grammar says so', () => {
    fc.assert(
      fc.property(
        credential,
        credential,
        fc.constantFrom('raw' as const, 'form' as const),
        (clientId, clientSecret, encoding) => {
          const checks = checkCredentials({ clientId, clientSecret }, encoding);
          for (const [field, value] of [
            ['clientId', clientId],
            ['clientSecret', clientSecret],
          ] as const) {
            const found = (code: CredentialCheck['code']) =>
              checks.some((c) => c.field === field && c.code === code);
            expect(found('empty')).toBe(value === '');
            if (value === '') {
              expect(checks.filter((c) => c.field === field)).toHaveLength(1);
              continue;
            }
            expect(found('control-character')).toBe(CONTROL.test(value));
            expect(found('lone-surrogate')).toBe(LONE_SURROGATE.test(value));
            expect(found('non-ascii')).toBe(NON_ASCII.test(value));
            expect(found('edge-whitespace')).toBe(EDGE.test(value));
            expect(found('colon-in-client-id')).toBe(field === 'clientId' && value.includes(':'));
            expect(found('colon-in-secret')).toBe(field === 'clientSecret' && value.includes(':'));
          }
          for (const check of checks) {
            const expected =
              check.code === 'colon-in-client-id'
                ? encoding === 'raw'
                  ? 'error'
                  : 'info'
                : {
                    'colon-in-secret': 'info',
                    empty: 'info',
                    'control-character': 'error',
                    'lone-surrogate': 'error',
                    'edge-whitespace': 'warning',
                    'invisible-character': 'warning',
                    'non-ascii': 'warning',
                    'short-hmac-key': 'warning',
                  }[check.code];
            expect(check.severity).toBe(expected);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('names the first offending code point at its 1-based code point position', () => {
    fc.assert(
      fc.property(credential, (secret) => {
        const checks = checkCredentials({ clientId: ID, clientSecret: secret }, 'raw');
        const characters = Array.from(secret); // splits by code point, lone surrogates alone
        const firstControl = characters.findIndex((c) => CONTROL.test(c));
        if (firstControl >= 0) {
          const hex = (characters[firstControl]?.codePointAt(0) ?? -1)
            .toString(16)
            .toUpperCase()
            .padStart(4, '0');
          expect(only(checks, 'control-character', 'clientSecret').message).toMatch(
            new RegExp(`: U\\+${hex}( [A-Z() -]+)? at position ${firstControl + 1}[,.]`),
          );
        }
        const firstNonAscii = characters.findIndex((c) => NON_ASCII.test(c));
        if (firstNonAscii >= 0) {
          const hex = (characters[firstNonAscii]?.codePointAt(0) ?? -1)
            .toString(16)
            .toUpperCase()
            .padStart(4, '0');
          expect(only(checks, 'non-ascii', 'clientSecret').message).toMatch(
            new RegExp(`\\(U\\+${hex}( [A-Z() -]+)? at position ${firstNonAscii + 1}[,) ]`),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkHmacSecret (client_secret_jwt keys HS256 with the secret)', () => {
  it('warns below 32 bytes of UTF-8, naming the count', () => {
    expect(checkHmacSecret('s'.repeat(31))).toEqual([
      expect.objectContaining({
        code: 'short-hmac-key',
        field: 'clientSecret',
        severity: 'warning',
      }),
    ]);
    expect(checkHmacSecret('s'.repeat(31))[0]?.message).toMatch(/^This secret is 31 bytes/);
    // Bytes, not characters: 11 three-byte characters are 33 bytes.
    expect(checkHmacSecret('€'.repeat(11))).toEqual([]);
    expect(checkHmacSecret('€'.repeat(10))[0]?.message).toMatch(/30 bytes/);
  });

  it('says nothing for an empty secret (the missing-credentials note does) or a long enough one', () => {
    expect(checkHmacSecret('')).toEqual([]);
    expect(checkHmacSecret('hs256-Zq8vN3tLw5xR2cKp9mYb7sFd4gHj6uEaTn1W')).toEqual([]);
  });
});
