/** What the page says about an answer or a failure: one line of meaning, then what to check. */
export interface Explanation {
  /** One line: what the answer means. */
  readonly meaning: string;
  /** What to check or change, most likely first, tied to the user's inputs. */
  readonly checks: readonly string[];
}
