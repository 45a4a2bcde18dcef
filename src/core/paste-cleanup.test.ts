import { describe, expect, it } from 'vitest';
import { describeDroppedLineBreaks } from './paste-cleanup.ts';

describe('describeDroppedLineBreaks (issue 10, defect 8)', () => {
  it.each([
    ['Zq9x\n', 'a line break at the end'],
    ['Zq9x\r\n', 'a line break at the end'],
    ['Zq9x\n\n', '2 line breaks at the end'],
    ['Zq\n9x', 'a line break,'],
    ['Zq\n9\r\nx', '2 line breaks,'],
  ])('%j: says what was removed', (pasted, expected) => {
    const note = describeDroppedLineBreaks(pasted, 'client secret');
    expect(note).toContain(`The pasted client secret had ${expected}`);
    // Never quotes what was pasted: it is a secret.
    expect(note).not.toMatch(/Zq|9x/);
  });

  it('says nothing when nothing was removed', () => {
    expect(describeDroppedLineBreaks('secret', 'client secret')).toBeUndefined();
    expect(describeDroppedLineBreaks('sec\tret ', 'client secret')).toBeUndefined();
  });
});
