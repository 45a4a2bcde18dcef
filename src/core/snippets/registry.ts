import { curlBashTarget } from './curl-bash-target.ts';
import { curlCmdTarget } from './curl-cmd.ts';
import { curlPowerShellTarget } from './curl-powershell.ts';
import { goNetHttpTarget } from './go-net-http.ts';
import { httpieTarget } from './httpie.ts';
import { javaHttpClientTarget } from './java-httpclient.ts';
import { javascriptFetchTarget } from './javascript-fetch.ts';
import { powerShellInvokeRestMethodTarget } from './powershell-invoke-restmethod.ts';
import { pythonRequestsTarget } from './python-requests.ts';
import { pythonUrllibTarget } from './python-urllib.ts';
import { describeCarriedDpopProof, withCarriedDpopNote } from './dpop-programs.ts';
import { describePlaceholders, placeholderRequest, type PlaceholderInput } from './placeholders.ts';
import type { ShownSnippet, SnippetTarget } from './snippet-request.ts';
import { isSnippetTabId, SNIPPET_TABS, type SnippetTabId } from './snippet-tabs.ts';
import { cachedTokenSnippet } from './token-cache.ts';

const TARGETS: Readonly<Record<SnippetTabId, SnippetTarget>> = {
  'curl-bash': curlBashTarget,
  'curl-powershell': curlPowerShellTarget,
  'powershell-invoke-restmethod': powerShellInvokeRestMethodTarget,
  'curl-cmd': curlCmdTarget,
  httpie: httpieTarget,
  'javascript-fetch': javascriptFetchTarget,
  'python-requests': pythonRequestsTarget,
  'python-urllib': pythonUrllibTarget,
  'go-net-http': goNetHttpTarget,
  'java-httpclient': javaHttpClientTarget,
};

/**
 * Every place people run the token request, in the tab order of `SNIPPET_TABS`. Adding a target
 * is one generator file, one tab and one entry above (the compiler asks for the entry).
 */
export const snippetTargets: readonly SnippetTarget[] = SNIPPET_TABS.map((tab) =>
  withCarriedDpopNote(TARGETS[tab.id]),
);

/** The target with this id, or undefined (e.g. a stale id remembered from an older version). */
export function findSnippetTarget(id: string): SnippetTarget | undefined {
  return isSnippetTabId(id) ? withCarriedDpopNote(TARGETS[id]) : undefined;
}

/** The placeholder variant of a tab's code and its note (which variables to set). */
export function placeholderSnippet(id: string, input: PlaceholderInput): ShownSnippet | undefined {
  const target = findSnippetTarget(id);
  if (!target) return undefined;
  const request = placeholderRequest(input);
  const dpopNote = describeCarriedDpopProof(input);
  const note = describePlaceholders(request);
  return {
    snippet: target.placeholders(request),
    note: dpopNote === undefined ? note : `${note} ${dpopNote}`,
  };
}

/** Instead of the code with the values: the credentials as variables, or keeping the token (token-cache.ts). */
export type SnippetVariant = 'placeholders' | 'cached';

/** A tab's code and note, with the values or in a variant; undefined for an unknown tab id. */
export function variantSnippet(
  id: string,
  variant: SnippetVariant | undefined,
  input: PlaceholderInput,
): ShownSnippet | undefined {
  if (!isSnippetTabId(id)) return undefined;
  if (variant === 'placeholders') return placeholderSnippet(id, input);
  if (variant === 'cached') return { snippet: cachedTokenSnippet(id, input) };
  const target = TARGETS[id];
  return { snippet: target.generate(input), note: target.describe?.(input) };
}
