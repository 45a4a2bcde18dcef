import { describe, expect, it } from 'vitest';
import { diagnoseDpopPaste, readDpopPaste } from '../../header-diagnosis/dpop-headers.ts';
import { DPOP_HEADER_PASTE_SCENARIOS } from './dpop-header-pastes.ts';
import { HEADER_DOCTOR_SCENARIOS } from './header-doctor.ts';

describe('the header doctor on pasted DPoP calls', () => {
  it.each(DPOP_HEADER_PASTE_SCENARIOS)('$name', ({ pasted, context, verdict, firstCause }) => {
    const paste = readDpopPaste(pasted);
    expect(paste).not.toBeNull();
    const diagnosis = diagnoseDpopPaste(paste!, context);
    expect(diagnosis.verdict).toBe(verdict);
    expect(diagnosis.findings.find((f) => f.severity === verdict)?.code).toBe(firstCause);
  });

  it('never calls a call whose headers are right one that will not work', () => {
    for (const scenario of DPOP_HEADER_PASTE_SCENARIOS.filter((s) => s.verdict !== 'error')) {
      const diagnosis = diagnoseDpopPaste(readDpopPaste(scenario.pasted)!, scenario.context);
      expect(diagnosis.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('leaves every Basic header paste to the Basic doctor', () => {
    for (const scenario of HEADER_DOCTOR_SCENARIOS)
      expect(readDpopPaste(scenario.pasted)).toBeNull();
  });
});
