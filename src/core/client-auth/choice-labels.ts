import type { CredentialEncoding } from '../credentials/credentials.ts';

/** How the page names one option of a choice: the label, then a hint in parentheses. */
export interface ChoiceWords {
  /** The words the page's sentences quote ("choose Client authentication …"). */
  readonly label: string;
  readonly hint: string;
}

/** The options of the `Credential encoding` choice: the guide's raw bytes, or RFC 6749 §2.3.1. */
export const ENCODING_WORDS: Readonly<Record<CredentialEncoding, ChoiceWords>> = {
  raw: { label: 'Raw UTF-8', hint: 'as the Okta guide does' },
  form: {
    label: 'RFC 6749 form-encoded first',
    hint: '§2.3.1: each part form-urlencoded, then Basic',
  },
};

/** A choice's options in the order its Record lists them, each with its value. */
export function choiceOptions<T extends string>(
  words: Readonly<Record<T, ChoiceWords>>,
): ReadonlyArray<ChoiceWords & { readonly value: T }> {
  return (Object.keys(words) as T[]).map((value) => ({ value, ...words[value] }));
}
