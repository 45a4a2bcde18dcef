import type { PlaceholderRequest } from './placeholders.ts';
import type { SnippetTab } from './snippet-tabs.ts';

/**
 * The least a generator needs from the request model: the wire request. Structural on purpose,
 * so any model that carries `method`, `url`, `headers` and `body` (today's `TokenRequest`
 * included) can be rendered without an adapter.
 */
export interface SnippetRequest {
  readonly method: string;
  readonly url: string;
  /** In sending order, names as they should be written. */
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  /** `application/x-www-form-urlencoded` text (RFC 6749 §4.4.2). */
  readonly body: string;
}

/** A reason a target cannot carry the request exactly, shown beside the code (never hidden). */
export interface SnippetWarning {
  readonly code:
    | 'cmd-cannot-carry'
    | 'cmd-delayed-expansion'
    | 'non-ascii-console'
    | 'windows-powershell-native-quotes'
    | 'browser-cors'
    | 'urllib-non-ascii-url'
    | 'cmd-expands-variables'
    | 'no-token-cache'
    | 'assertion-single-use';
  readonly message: string;
}

export interface Snippet {
  /** Empty when the target cannot carry the request at all: `warnings` then say why. */
  readonly code: string;
  readonly warnings: readonly SnippetWarning[];
}

/** A tab's names (`snippet-tabs.ts`) and the generator of the code with the values. */
export interface SnippetValueTarget extends SnippetTab {
  /** A note shown under the code, written for this request (e.g. how the values are quoted). */
  readonly describe?: (request: SnippetRequest) => string | undefined;
  readonly generate: (request: SnippetRequest) => Snippet;
}

/** A tab's names and both its generators. */
export interface SnippetTarget extends SnippetValueTarget {
  /**
   * The same request reading the credentials from environment variables (`placeholders.ts`), for
   * a command someone else runs with their own: no value of a credential is in it.
   */
  readonly placeholders: (request: PlaceholderRequest) => Snippet;
}

/** A tab's code and the note under it. */
export interface ShownSnippet {
  readonly snippet: Snippet;
  readonly note?: string;
}
