/** A sentence with its spec references taken out, and those references. */
export interface FoldedText {
  /** The sentence in plain words, without the parenthesised references. */
  readonly plain: string;
  /** What each reference said, in order (e.g. `RFC 6749 §3.3`, `check spelling and case, RFC 6749 §3.3`). */
  readonly citations: readonly string[];
}

/** A parenthesised aside that cites an RFC (no nested parentheses). */
const CITATION = /\s*\(([^()]*\bRFC \d[^()]*)\)/g;

/**
 * Takes the parenthesised RFC references out of a sentence, so the page can say it in plain words
 * first and keep the references behind a "Why" disclosure. Other parentheses stay; nothing else
 * of the sentence changes. Does not split sentences or judge whether a reference is right.
 */
export function foldCitations(text: string): FoldedText {
  const citations = [...text.matchAll(CITATION)].map(([, citation = '']) => citation.trim());
  return { plain: text.replace(CITATION, ''), citations };
}
