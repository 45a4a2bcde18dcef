import { describe, expect, it } from 'vitest';
import { initialFormState, isInitialFormState } from './form-state.ts';

describe('isInitialFormState', () => {
  it('is true for the defaults, even as a copy', () => {
    expect(isInitialFormState({ ...initialFormState })).toBe(true);
  });

  it('is false as soon as any field differs', () => {
    expect(isInitialFormState({ ...initialFormState, clientSecret: 's' })).toBe(false);
    expect(isInitialFormState({ ...initialFormState, scope: '' })).toBe(false);
    expect(
      isInitialFormState({
        ...initialFormState,
        tokenEndpointOverride: { url: '', source: 'typed' },
      }),
    ).toBe(false);
    expect(isInitialFormState({ ...initialFormState, encoding: 'form' })).toBe(false);
  });
});
