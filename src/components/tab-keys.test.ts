import { describe, expect, it } from 'vitest';
import { tabIndexAfterKey } from './tab-keys.ts';

describe('tabIndexAfterKey (WAI-ARIA tabs)', () => {
  it.each([
    [0, 'ArrowRight', 1],
    [9, 'ArrowRight', 0],
    [0, 'ArrowLeft', 9],
    [4, 'Home', 0],
    [4, 'End', 9],
    [4, 'Enter', undefined],
  ])('from %i, %s → %s', (current, key, expected) => {
    expect(tabIndexAfterKey(current, key, 10)).toBe(expected);
  });
});
