import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScope, type ScopeCheck } from './scope.ts';

const summary = (checks: readonly ScopeCheck[]) => checks.map((c) => `${c.code}:${c.severity}`);

function invalidMessage(scope: string): string {
  const found = checkScope(scope).filter((c) => c.code === 'invalid-character');
  expect(found).toHaveLength(1);
  return found[0]?.message ?? '';
}

describe('checkScope (RFC 6749 §3.3)', () => {
  it.each([
    'customScope',
    'a b',
    'okta.users.read okta.apps.manage',
    'urn:example:scope/read',
    "!#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}~",
  ])('accepts %j', (scope) => {
    expect(checkScope(scope)).toEqual([]);
  });

  it('empty: info, mentioning that Okta needs a custom scope', () => {
    const checks = checkScope('');
    expect(summary(checks)).toEqual(['empty:info']);
    expect(checks[0]?.message).toContain("'scope' must be provided");
  });

  it.each([' a', 'a ', 'a  b', ' ', '  '])('extra space in %j: warning', (scope) => {
    expect(summary(checkScope(scope))).toEqual(['extra-space:warning']);
  });

  it('" and \\ are the two visible ASCII characters a scope token cannot hold: error', () => {
    expect(summary(checkScope('a"b'))).toEqual(['invalid-character:error']);
    expect(invalidMessage('a"b')).toContain('U+0022 at position 2');
    expect(invalidMessage('a\\b')).toContain('U+005C at position 2');
    expect(invalidMessage('a\\b')).toContain('RFC 6749 §3.3');
  });

  it('tab, line break and non-ASCII: error naming them, positions in code points', () => {
    expect(invalidMessage('a\tb')).toContain('U+0009 CHARACTER TABULATION (TAB) at position 2');
    expect(invalidMessage('a\nb')).toContain('U+000A LINE FEED (LF) at position 2');
    expect(invalidMessage('\u{1f511}\u{1f511} caf\u00e9')).toContain(
      'U+1F511 at position 1, U+1F511 at position 2, U+00E9 at position 7',
    );
    expect(invalidMessage('a\u00a0b')).toContain('U+00A0 NO-BREAK SPACE at position 2');
    expect(invalidMessage('x\ud800')).toContain('U+D800 (lone surrogate) at position 2');
  });

  it('reports both problems of one scope', () => {
    expect(summary(checkScope(' a\tb'))).toEqual([
      'extra-space:warning',
      'invalid-character:error',
    ]);
  });

  it('agrees with the ABNF for every string (property)', () => {
    // scope = scope-token *( SP scope-token ); scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
    const unit = fc.oneof(
      fc.constantFrom(' ', ' ', ' ', '"', '\\', '\t', 'a', 'Z', ':', '.', '~', '!', '#'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (scope) => {
        const codes = checkScope(scope).map((c) => c.code);
        if (scope === '') {
          expect(codes).toEqual(['empty']);
          return;
        }
        const tokens = scope.split(' ');
        expect(codes.includes('extra-space')).toBe(tokens.some((t) => t === ''));
        expect(codes.includes('invalid-character')).toBe(
          !tokens.every((t) => /^[\x21\x23-\x5b\x5d-\x7e]*$/.test(t)),
        );
        const wellFormed = /^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/.test(scope);
        expect(codes.length === 0).toBe(wellFormed);
      }),
      { numRuns: 500 },
    );
  });
});
