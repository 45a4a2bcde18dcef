import { describe, expect, it } from 'vitest';
import { diagnoseAuthorizationHeader } from '../../header-diagnosis/diagnose-authorization-header.ts';
import { HEADER_DOCTOR_SCENARIOS } from './header-doctor.ts';

describe('the header doctor on what people paste', () => {
  it.each(HEADER_DOCTOR_SCENARIOS)(
    '$name',
    ({ pasted, expected, verdict, firstCause, corrected }) => {
      const diagnosis = diagnoseAuthorizationHeader(pasted, expected);
      expect(diagnosis.verdict).toBe(verdict);
      expect(diagnosis.findings.find((f) => f.severity === verdict)?.code).toBe(firstCause);
      expect(diagnosis.corrected ?? null).toBe(corrected);
    },
  );

  it('never calls a header whose bytes are right one that will not work', () => {
    for (const scenario of HEADER_DOCTOR_SCENARIOS.filter((s) => s.verdict !== 'error')) {
      const { findings } = diagnoseAuthorizationHeader(scenario.pasted, scenario.expected);
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });
});
