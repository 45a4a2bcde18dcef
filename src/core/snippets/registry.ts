import { curlBashTarget } from './curl-bash.ts';
import { curlCmdTarget } from './curl-cmd.ts';
import { curlPowerShellTarget } from './curl-powershell.ts';
import { goNetHttpTarget } from './go-net-http.ts';
import { httpieTarget } from './httpie.ts';
import { javaHttpClientTarget } from './java-httpclient.ts';
import { javascriptFetchTarget } from './javascript-fetch.ts';
import { powerShellInvokeRestMethodTarget } from './powershell-invoke-restmethod.ts';
import { pythonRequestsTarget } from './python-requests.ts';
import { pythonUrllibTarget } from './python-urllib.ts';
import type { SnippetTarget } from './snippet-request.ts';

/**
 * Every place people run the token request, in tab order: the guide's curl first, then the other
 * shells, then languages. Adding a target is one generator file and one entry here.
 */
export const snippetTargets: readonly SnippetTarget[] = [
  curlBashTarget,
  curlPowerShellTarget,
  powerShellInvokeRestMethodTarget,
  curlCmdTarget,
  httpieTarget,
  javascriptFetchTarget,
  pythonRequestsTarget,
  pythonUrllibTarget,
  goNetHttpTarget,
  javaHttpClientTarget,
];

/** The target with this id, or undefined (e.g. a stale id remembered from an older version). */
export function findSnippetTarget(id: string): SnippetTarget | undefined {
  return snippetTargets.find((target) => target.id === id);
}
