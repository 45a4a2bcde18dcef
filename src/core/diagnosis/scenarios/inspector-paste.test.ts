import { describe, expect, it } from 'vitest';
import { readPastedToken } from '../../token/read-pasted-token.ts';
import { INSPECTOR_PASTE_SCENARIOS } from './inspector-paste.ts';

describe('the inspector on what people paste', () => {
  it.each(INSPECTOR_PASTE_SCENARIOS)('$name', (scenario) => {
    const reading = readPastedToken(scenario.pasted);
    if (scenario.truth === 'token') {
      expect(reading).toMatchObject({ kind: 'token', token: scenario.token });
      expect(reading.kind === 'token' && reading.removed.map((w) => w.kind)).toEqual(
        scenario.removed,
      );
    } else {
      expect(reading.kind).toBe('not-a-token');
      expect(reading.kind === 'not-a-token' && reading.reason.kind).toBe(scenario.reason);
    }
  });
});
