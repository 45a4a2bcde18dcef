import { describe, expect, it } from 'vitest';
import { describeKeyBinding, keyBindingOf } from './binding.ts';

const JKT = '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I';
const OTHER = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';

describe('keyBindingOf (RFC 9449 §6.1)', () => {
  it('compares cnf.jkt with the page key', () => {
    expect(keyBindingOf({ cnf: { jkt: JKT } }, 'DPoP', JKT)).toEqual({
      kind: 'this-key',
      jkt: JKT,
    });
    expect(keyBindingOf({ cnf: { jkt: JKT } }, 'DPoP', OTHER)).toEqual({
      kind: 'other-key',
      jkt: JKT,
      pageJkt: OTHER,
    });
    expect(keyBindingOf({ cnf: { jkt: JKT } }, null, null)).toEqual({
      kind: 'no-page-key',
      jkt: JKT,
    });
  });

  it('a token without cnf is unbound unless the answer said DPoP', () => {
    expect(keyBindingOf({ sub: 'x' }, 'Bearer', JKT)).toEqual({ kind: 'unbound' });
    expect(keyBindingOf(null, 'DPoP', JKT)).toEqual({ kind: 'bound-unreadable' });
    expect(keyBindingOf({ cnf: { 'x5t#S256': 'abc' } }, null, JKT)).toEqual({ kind: 'unbound' });
    expect(keyBindingOf({ cnf: 'jkt' }, null, JKT)).toEqual({ kind: 'unbound' });
  });

  it('says nothing of an unbound token and names both thumbprints when they differ', () => {
    expect(describeKeyBinding({ kind: 'unbound' })).toBeNull();
    const other = describeKeyBinding({ kind: 'other-key', jkt: JKT, pageJkt: OTHER });
    expect(other?.ok).toBe(false);
    expect(other?.text).toContain(JKT);
    expect(other?.text).toContain(OTHER);
  });
});
