import { describe, expect, it } from 'vitest';
import { readPastedToken } from '../../core/token/read-pasted-token.ts';
import { describeNotAToken, describeRemovedWrappers } from './describe-pasted-token.ts';

function words(pasted: string): string | null {
  const reading = readPastedToken(pasted);
  if (reading.kind === 'token') return describeRemovedWrappers(reading.removed);
  if (reading.kind === 'not-a-token') return describeNotAToken(reading.reason);
  return null;
}

describe('the inspector says what it took off a paste', () => {
  it('names each wrapper, in the order it was met', () => {
    expect(words('Authorization: Bearer abc')).toBe(
      'Read from a whole header line: removed the header name Authorization: and the scheme Bearer. The token below is what an API receives.',
    );
    expect(words(`-H 'authorization: bearer abc'`)).toBe(
      "Read from a whole header line: removed the curl option -H, the quotes ('), the header name authorization: and the scheme bearer. The token below is what an API receives.",
    );
    expect(words('{"access_token":"abc"}')).toBe(
      'Read the access_token of a pasted token response (RFC 6749 §5.1): only the token is inspected.',
    );
    expect(words('abc')).toBeNull();
  });

  it('calls what cannot be a token that, never an opaque token', () => {
    const text = words('not a token at all')!;
    expect(text).toMatch(/^This cannot be an access token: it contains spaces/);
    expect(text).toContain('RFC 6750 §2.1');
    expect(text).not.toMatch(/opaque/);
    expect(words('tok,en')).toContain('"," (U+002C)');
    expect(words('{"error":"invalid_client"}')).toContain('error "invalid_client"');
  });
});
