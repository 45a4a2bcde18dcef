import { describe, expect, it } from 'vitest';
import { describeRemovedLineBreaks, lineBreaksRemoved } from './paste-cleanup.ts';

describe('what a one-line field removes from a paste', () => {
  it.each([
    ['Zq9x\n', 'a line break at the end'],
    ['Zq9x\r\n', 'a line break at the end'],
    ['Zq9x\n\n', '2 line breaks at the end'],
    ['Zq\n9x', 'a line break,'],
    ['Zq\n9\r\nx', '2 line breaks,'],
  ])('%j: says what was removed', (pasted, expected) => {
    const removed = lineBreaksRemoved(pasted);
    if (!removed) throw new Error('nothing removed');
    const note = describeRemovedLineBreaks(removed, 'client secret');
    expect(note).toContain(`The pasted client secret had ${expected}`);
    // Never quotes what was pasted: it is a secret.
    expect(note).not.toMatch(/Zq|9x/);
  });

  it('keeps the value the field was left with', () => {
    expect(lineBreaksRemoved('Zq\n9\r\nx\n')).toEqual({
      count: 3,
      atEnd: false,
      leftValue: 'Zq9x',
    });
  });

  it('says nothing when nothing was removed', () => {
    expect(lineBreaksRemoved('secret')).toBeUndefined();
    expect(lineBreaksRemoved('sec\tret ')).toBeUndefined();
  });
});
