/**
 * The code tabs, in tab order: the guide's curl first, then the other shells, then languages.
 * Names only, no generators: the page draws the tab list from this on its first screen and loads
 * the generators of the other targets when one of them is chosen (`registry.ts`). Each target file
 * takes its names from here, so a name is written once.
 */
export const SNIPPET_TABS = [
  // The guide's command: its output and copy button have fixed names (README, Contracts).
  { id: 'curl-bash', label: 'curl (bash)', language: 'bash', outputName: 'curl command' },
  { id: 'curl-powershell', label: 'PowerShell (curl.exe)', language: 'powershell' },
  {
    id: 'powershell-invoke-restmethod',
    label: 'PowerShell (Invoke-RestMethod)',
    language: 'powershell',
  },
  { id: 'curl-cmd', label: 'cmd.exe (curl)', language: 'bat' },
  { id: 'httpie', label: 'HTTPie', language: 'bash' },
  { id: 'javascript-fetch', label: 'JavaScript (fetch)', language: 'javascript' },
  { id: 'python-requests', label: 'Python (requests)', language: 'python' },
  { id: 'python-urllib', label: 'Python (urllib)', language: 'python' },
  { id: 'go-net-http', label: 'Go (net/http)', language: 'go' },
  { id: 'java-httpclient', label: 'Java (HttpClient)', language: 'java' },
] as const satisfies ReadonlyArray<SnippetTab>;

export interface SnippetTab {
  /** Stable: stored as the remembered tab, used in file names of golden tests. */
  readonly id: string;
  /** The tab's name (README, Contracts): tool or language, then the shell or library in parentheses. */
  readonly label: string;
  /** For syntax hints and the code block's label. */
  readonly language: string;
  /**
   * The code output's accessible name and its copy button's `Copy …` name, when a contract fixes
   * them (the guide's curl is `curl command`, README Contracts); otherwise `<label> code`.
   */
  readonly outputName?: string;
}

export type SnippetTabId = (typeof SNIPPET_TABS)[number]['id'];

/** The names of one tab (for a target file to spread into its target). */
export function snippetTab(id: SnippetTabId): SnippetTab {
  const tab: SnippetTab | undefined = SNIPPET_TABS.find((candidate) => candidate.id === id);
  if (!tab) throw new Error(`No snippet tab ${id}`); // unreachable: `id` is typed
  return tab;
}

/** The code output's accessible name (`curl command`, or `<label> code`). */
export function snippetOutputName(tab: SnippetTab): string {
  return tab.outputName ?? `${tab.label} code`;
}

export function isSnippetTabId(id: string): id is SnippetTabId {
  return SNIPPET_TABS.some((tab) => tab.id === id);
}
