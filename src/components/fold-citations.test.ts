import { describe, expect, it } from 'vitest';
import { foldCitations } from './fold-citations.ts';

describe('foldCitations', () => {
  it('takes a trailing RFC reference out of the sentence', () => {
    expect(
      foldCitations('Send it to your API as "Authorization: Bearer <token>" (RFC 6750).'),
    ).toEqual({
      plain: 'Send it to your API as "Authorization: Bearer <token>".',
      citations: ['RFC 6750'],
    });
  });

  it('keeps the words of an aside that also cites, with its reference', () => {
    expect(
      foldCitations(
        'Request a scope the server registered (check spelling and case, RFC 6749 §3.3).',
      ),
    ).toEqual({
      plain: 'Request a scope the server registered.',
      citations: ['check spelling and case, RFC 6749 §3.3'],
    });
  });

  it('leaves other parentheses and references outside parentheses alone', () => {
    const text = 'The server refuses the resource (audience), as RFC 8707 says (see below).';
    expect(foldCitations(text)).toEqual({ plain: text, citations: [] });
  });

  it('takes every reference, in order', () => {
    expect(foldCitations('A (RFC 7519 §4.1.7) and B (RFC 9068 §2.2).')).toEqual({
      plain: 'A and B.',
      citations: ['RFC 7519 §4.1.7', 'RFC 9068 §2.2'],
    });
  });
});
