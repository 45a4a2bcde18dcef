import {
  isSnippetTabId,
  SNIPPET_TABS,
  type SnippetTabId,
} from '../../core/snippets/snippet-tabs.ts';

/** Holds a target id only (e.g. `python-urllib`): never a request, a header or a secret. */
export const SNIPPET_TARGET_STORAGE_KEY = 'playground.snippetTarget';

/** The remembered target id if it still names a target, else the first target (the guide's curl). */
export function readRememberedTarget(storage: Pick<Storage, 'getItem'> | undefined): SnippetTabId {
  const fallback = SNIPPET_TABS[0].id;
  try {
    const id = storage?.getItem(SNIPPET_TARGET_STORAGE_KEY);
    return id && isSnippetTabId(id) ? id : fallback;
  } catch {
    // Storage can be blocked (an embed with third-party storage off): the default is fine.
    return fallback;
  }
}

/** Remembers the chosen target id; silently does nothing where storage is blocked. */
export function rememberTarget(storage: Pick<Storage, 'setItem'> | undefined, id: string): void {
  try {
    storage?.setItem(SNIPPET_TARGET_STORAGE_KEY, id);
  } catch {
    // Nothing to do: the choice then lasts for this page only.
  }
}
