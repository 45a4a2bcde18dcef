import { codePointsOf, describeCodePoint } from '../../core/encoding/characters.ts';
import type { CheckSeverity } from '../../core/credentials/credential-checks.ts';

export interface ScopeCheck {
  readonly code: 'empty' | 'invalid-character' | 'extra-space';
  readonly severity: CheckSeverity;
  readonly message: string;
}

/** RFC 6749 §3.3 `scope-token = 1*( %x21 / %x23-5B / %x5D-7E )`. */
function isScopeTokenChar(codePoint: number): boolean {
  return (
    codePoint === 0x21 ||
    (codePoint >= 0x23 && codePoint <= 0x5b) ||
    (codePoint >= 0x5d && codePoint <= 0x7e)
  );
}

/**
 * RFC 6749 §3.3: scope is a list of space-delimited (exactly one %x20) scope tokens, each of
 * visible ASCII except `"` and `\`. Okta also requires at least one custom scope in this flow.
 *
 * Does NOT know which scopes a server defines: that is the server's `invalid_scope`.
 */
export function checkScope(scope: string): ScopeCheck[] {
  if (scope === '') {
    return [
      {
        code: 'empty',
        severity: 'info',
        message:
          'No scope: Okta requires at least one custom scope here ("\'scope\' must be provided"); other servers grant a default.',
      },
    ];
  }
  const checks: ScopeCheck[] = [];
  if (/^ | $| {2}/.test(scope)) {
    checks.push({
      code: 'extra-space',
      severity: 'warning',
      message:
        'Scope tokens are separated by exactly one space (RFC 6749 §3.3); remove leading, trailing or double spaces.',
    });
  }
  const bad = codePointsOf(scope).filter(
    (p) => p.codePoint !== 0x20 && !isScopeTokenChar(p.codePoint),
  );
  if (bad.length > 0) {
    const shown = bad
      .slice(0, 4)
      .map((p) => `${describeCodePoint(p.codePoint)} at position ${p.index + 1}`)
      .join(', ');
    checks.push({
      code: 'invalid-character',
      severity: 'error',
      message: `Scope contains characters RFC 6749 §3.3 does not allow in a scope token: ${shown}.`,
    });
  }
  return checks;
}
