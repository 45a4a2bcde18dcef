import { describe, expect, it } from 'vitest';
import { diagnoseAuthorizationHeader } from '../../core/header-diagnosis/diagnose-authorization-header.ts';
import { flaggedPieces } from './FlaggedText.tsx';

const flagged = (pasted: string) =>
  flaggedPieces(pasted, diagnoseAuthorizationHeader(pasted).findings)
    .filter((piece) => piece.flagged)
    .map((piece) => piece.text);

describe('the characters marked in the paste', () => {
  it('marks what is wrong, not what is only a note', () => {
    expect(flagged('Authorization: Basic Basic YTpi')).toEqual(['Basic']);
    expect(flagged("-H 'Authorization: Basic YTpi'")).toEqual([]);
  });

  it('marks a line break inside the Base64 and a stray CR', () => {
    expect(flagged('Basic YT\npi\r')).toEqual(['\n', '\r']);
  });
});
