import { quoteGo } from './quote-go.ts';
import { quoteJava } from './quote-java.ts';
import { quoteJavaScript } from './quote-javascript.ts';
import { quotePosix } from './quote-posix.ts';
import { quotePowerShell } from './quote-powershell.ts';
import { quotePython } from './quote-python.ts';
import type { Snippet, SnippetRequest, SnippetWarning } from './snippet-request.ts';
import type { SnippetTabId } from './snippet-tabs.ts';

/**
 * The token's reuse: each program target in a variant that keeps the access token and asks for a
 * new one only shortly before `expires_in` runs out. The client credentials flow issues no refresh
 * token (RFC 6749 §4.4.3): a new token is simply requested again, the same way.
 *
 * Every variant prints the token twice from two calls of its `get token` function, and sends ONE
 * token request for both (proven by running them: token-cache.test.ts).
 */

/** Seconds before `expires_in` ends at which a cached token is no longer used. */
export const TOKEN_CACHE_EARLY_SECONDS = 60;

const NO_REFRESH_COMMENT =
  'The client credentials flow has no refresh token (RFC 6749 §4.4.3): keep the token and ask for a new one shortly before expires_in runs out.';

const NO_STATE: SnippetWarning = {
  code: 'no-token-cache',
  message:
    'A single command keeps nothing between runs, so this tab has no variant that caches the token: take a program tab (Python, JavaScript, Go, Java, PowerShell) or bash.',
};

/** A client assertion in the body is single use (RFC 7523 §3): the next token request needs a new one. */
function assertionWarnings(request: SnippetRequest): SnippetWarning[] {
  return /(?:^|&)client_assertion=/.test(request.body)
    ? [
        {
          code: 'assertion-single-use',
          message:
            'The client assertion in this code is single use and short-lived: when the cached token runs out, sign a new assertion for the next token request.',
        },
      ]
    : [];
}

/**
 * A Python program that keeps the token in module state until `EARLY_SECONDS` before it runs out;
 * `imports` and `fetch` (the lines that send the request and read the JSON into `answer`) are the
 * library's own.
 */
function pythonCached(imports: readonly string[], fetch: readonly string[]): string {
  return [
    ...imports,
    '',
    `# ${NO_REFRESH_COMMENT}`,
    `EARLY_SECONDS = ${TOKEN_CACHE_EARLY_SECONDS}`,
    '_token = None',
    '_token_until = 0.0',
    '',
    '',
    'def get_token():',
    '    global _token, _token_until',
    '    if _token is not None and time.monotonic() < _token_until:',
    '        return _token',
    ...fetch,
    '    # expires_in is only RECOMMENDED (RFC 6749 §5.1): without it, the token is not kept.',
    '    expires_in = answer.get("expires_in", 0)',
    '    _token = answer["access_token"]',
    '    _token_until = time.monotonic() + max(0, expires_in - EARLY_SECONDS)',
    '    return _token',
    '',
    '',
    'print(get_token())',
    'print(get_token())  # the same token: no second token request',
  ].join('\n');
}

/** The request's headers and body as the arguments of a Python call, indented for get_token. */
const pythonHeadersAndData = (request: SnippetRequest): string[] => [
  '        headers={',
  ...request.headers.map(
    ([name, value]) => `            ${quotePython(name)}: ${quotePython(value)},`,
  ),
  '        },',
  `        data=${quotePython(request.body)}.encode("utf-8"),`,
];

function pythonUrllibCached(request: SnippetRequest): string {
  return pythonCached(
    ['import json', 'import time', 'import urllib.request'],
    [
      '    request = urllib.request.Request(',
      `        ${quotePython(request.url)},`,
      `        method=${quotePython(request.method)},`,
      ...pythonHeadersAndData(request),
      '    )',
      '    with urllib.request.urlopen(request) as response:',
      '        answer = json.load(response)',
    ],
  );
}

function pythonRequestsCached(request: SnippetRequest): string {
  return pythonCached(
    ['import time', '', 'import requests'],
    [
      '    response = requests.request(',
      `        ${quotePython(request.method)},`,
      `        ${quotePython(request.url)},`,
      ...pythonHeadersAndData(request),
      '    )',
      '    response.raise_for_status()',
      '    answer = response.json()',
    ],
  );
}

function javascriptFetchCached(request: SnippetRequest): string {
  return [
    '// Node 18+: save as token.mjs and run `node token.mjs`.',
    `// ${NO_REFRESH_COMMENT}`,
    `const EARLY_SECONDS = ${TOKEN_CACHE_EARLY_SECONDS};`,
    'let cached = null;',
    '',
    'async function getToken() {',
    '  if (cached !== null && Date.now() < cached.until) return cached.token;',
    `  const response = await fetch(${quoteJavaScript(request.url)}, {`,
    `    method: ${quoteJavaScript(request.method)},`,
    '    headers: {',
    ...request.headers.map(
      ([name, value]) => `      ${quoteJavaScript(name)}: ${quoteJavaScript(value)},`,
    ),
    '    },',
    `    body: ${quoteJavaScript(request.body)},`,
    '  });',
    '  if (!response.ok) throw new Error(`token request: ${response.status} ${await response.text()}`);',
    '  const answer = await response.json();',
    '  // expires_in is only RECOMMENDED (RFC 6749 §5.1): without it, the token is not kept.',
    '  const expiresIn = typeof answer.expires_in === "number" ? answer.expires_in : 0;',
    '  cached = {',
    '    token: answer.access_token,',
    '    until: Date.now() + Math.max(0, expiresIn - EARLY_SECONDS) * 1000,',
    '  };',
    '  return cached.token;',
    '}',
    '',
    'console.log(await getToken());',
    'console.log(await getToken()); // the same token: no second token request',
  ].join('\n');
}

function curlBashCached(request: SnippetRequest): string {
  return [
    '#!/usr/bin/env bash',
    `# ${NO_REFRESH_COMMENT}`,
    '# get_token sets $token: call it as a command, not in $(…), which would forget the cache.',
    `early_seconds=${TOKEN_CACHE_EARLY_SECONDS}`,
    "token=''",
    'token_until=0',
    '',
    'get_token() {',
    '  if [[ -n $token ]] && (( SECONDS < token_until )); then return 0; fi',
    '  local answer expires_in=0',
    '  answer=$(curl --silent --show-error --fail-with-body \\',
    `    --request ${quotePosix(request.method)} \\`,
    `    --url ${quotePosix(request.url)} \\`,
    ...request.headers.map(([name, value]) => `    --header ${quotePosix(`${name}: ${value}`)} \\`),
    `    --data ${quotePosix(request.body)}) || { printf '%s\\n' "$answer" >&2; return 1; }`,
    '  [[ $answer =~ \\"access_token\\"[[:space:]]*:[[:space:]]*\\"([^\\"]+)\\" ]] ||',
    '    { printf \'no access_token in: %s\\n\' "$answer" >&2; return 1; }',
    '  token=${BASH_REMATCH[1]}',
    '  # expires_in is only RECOMMENDED (RFC 6749 §5.1): without it, the token is not kept.',
    '  [[ $answer =~ \\"expires_in\\"[[:space:]]*:[[:space:]]*([0-9]+) ]] && expires_in=${BASH_REMATCH[1]}',
    '  token_until=$(( SECONDS + (expires_in > early_seconds ? expires_in - early_seconds : 0) ))',
    '}',
    '',
    'get_token && printf \'%s\\n\' "$token"',
    'get_token && printf \'%s\\n\' "$token"  # the same token: no second token request',
  ].join('\n');
}

function goCached(request: SnippetRequest): string {
  return [
    'package main',
    '',
    'import (',
    '\t"encoding/json"',
    '\t"fmt"',
    '\t"io"',
    '\t"net/http"',
    '\t"strings"',
    '\t"time"',
    ')',
    '',
    `// ${NO_REFRESH_COMMENT}`,
    `const earlySeconds = ${TOKEN_CACHE_EARLY_SECONDS}`,
    '',
    'var (',
    '\ttoken      string',
    '\ttokenUntil time.Time',
    ')',
    '',
    'func getToken() (string, error) {',
    '\tif token != "" && time.Now().Before(tokenUntil) {',
    '\t\treturn token, nil',
    '\t}',
    `\treq, err := http.NewRequest(${quoteGo(request.method)}, ${quoteGo(request.url)}, strings.NewReader(${quoteGo(request.body)}))`,
    '\tif err != nil {',
    '\t\treturn "", err',
    '\t}',
    ...request.headers.map(
      ([name, value]) => `\treq.Header[${quoteGo(name)}] = []string{${quoteGo(value)}}`,
    ),
    '\tres, err := http.DefaultClient.Do(req)',
    '\tif err != nil {',
    '\t\treturn "", err',
    '\t}',
    '\tdefer res.Body.Close()',
    '\tbody, err := io.ReadAll(res.Body)',
    '\tif err != nil {',
    '\t\treturn "", err',
    '\t}',
    '\tif res.StatusCode != http.StatusOK {',
    '\t\treturn "", fmt.Errorf("token request: %d %s", res.StatusCode, body)',
    '\t}',
    '\tvar answer struct {',
    '\t\tAccessToken string `json:"access_token"`',
    '\t\t// expires_in is only RECOMMENDED (RFC 6749 §5.1): without it, the token is not kept.',
    '\t\tExpiresIn int `json:"expires_in"`',
    '\t}',
    '\tif err := json.Unmarshal(body, &answer); err != nil {',
    '\t\treturn "", err',
    '\t}',
    '\ttoken = answer.AccessToken',
    '\tseconds := answer.ExpiresIn - earlySeconds',
    '\tif seconds < 0 {',
    '\t\tseconds = 0',
    '\t}',
    '\ttokenUntil = time.Now().Add(time.Duration(seconds) * time.Second)',
    '\treturn token, nil',
    '}',
    '',
    'func main() {',
    '\tfor i := 0; i < 2; i++ { // the second call reuses the token: no second token request',
    '\t\tt, err := getToken()',
    '\t\tif err != nil {',
    '\t\t\tpanic(err)',
    '\t\t}',
    '\t\tfmt.Println(t)',
    '\t}',
    '}',
  ].join('\n');
}

function javaCached(request: SnippetRequest): string {
  return [
    '// Java 11+: save as TokenCache.java and run `java TokenCache.java`.',
    'import java.net.URI;',
    'import java.net.http.HttpClient;',
    'import java.net.http.HttpRequest;',
    'import java.net.http.HttpResponse;',
    'import java.time.Instant;',
    'import java.util.regex.Matcher;',
    'import java.util.regex.Pattern;',
    '',
    'public class TokenCache {',
    `    // ${NO_REFRESH_COMMENT}`,
    `    static final long EARLY_SECONDS = ${TOKEN_CACHE_EARLY_SECONDS};`,
    '    static String token;',
    '    static Instant tokenUntil = Instant.MIN;',
    '',
    '    static String getToken() throws Exception {',
    '        if (token != null && Instant.now().isBefore(tokenUntil)) return token;',
    '        HttpRequest request = HttpRequest.newBuilder()',
    `            .uri(URI.create(${quoteJava(request.url)}))`,
    ...request.headers
      // HttpClient sets these itself and refuses them as restricted headers.
      .filter(([name]) => !['content-length', 'host', 'connection'].includes(name.toLowerCase()))
      .map(([name, value]) => `            .header(${quoteJava(name)}, ${quoteJava(value)})`),
    `            .method(${quoteJava(request.method)}, HttpRequest.BodyPublishers.ofString(${quoteJava(request.body)}))`,
    '            .build();',
    '        HttpResponse<String> response =',
    '            HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());',
    '        String answer = response.body();',
    '        if (response.statusCode() != 200)',
    '            throw new IllegalStateException("token request: " + response.statusCode() + " " + answer);',
    '        // A JSON library reads this better; the standard library has none.',
    '        Matcher accessToken = Pattern.compile("\\"access_token\\"\\\\s*:\\\\s*\\"([^\\"]+)\\"").matcher(answer);',
    '        if (!accessToken.find()) throw new IllegalStateException("no access_token in: " + answer);',
    '        // expires_in is only RECOMMENDED (RFC 6749 §5.1): without it, the token is not kept.',
    '        Matcher expiresIn = Pattern.compile("\\"expires_in\\"\\\\s*:\\\\s*(\\\\d+)").matcher(answer);',
    '        long seconds = expiresIn.find() ? Long.parseLong(expiresIn.group(1)) : 0;',
    '        token = accessToken.group(1);',
    '        tokenUntil = Instant.now().plusSeconds(Math.max(0, seconds - EARLY_SECONDS));',
    '        return token;',
    '    }',
    '',
    '    public static void main(String[] args) throws Exception {',
    '        System.out.println(getToken());',
    '        System.out.println(getToken()); // the same token: no second token request',
    '    }',
    '}',
  ].join('\n');
}

function powerShellCached(request: SnippetRequest): string {
  const headers = request.headers.filter(([name]) => name.toLowerCase() !== 'content-type');
  const contentType = request.headers.find(([name]) => name.toLowerCase() === 'content-type');
  return [
    `# ${NO_REFRESH_COMMENT}`,
    `$EarlySeconds = ${TOKEN_CACHE_EARLY_SECONDS}`,
    '$script:Token = $null',
    '$script:TokenUntil = [DateTime]::MinValue',
    '',
    'function Get-Token {',
    '  if ($script:Token -and [DateTime]::UtcNow -lt $script:TokenUntil) { return $script:Token }',
    '  $answer = Invoke-RestMethod `',
    `    -Method ${quotePowerShell(request.method)} \``,
    `    -Uri ${quotePowerShell(request.url)} \``,
    '    -Headers @{',
    ...headers.map(([name, value]) => `      ${quotePowerShell(name)} = ${quotePowerShell(value)}`),
    '    } `',
    ...(contentType ? [`    -ContentType ${quotePowerShell(contentType[1])} \``] : []),
    `    -Body ${quotePowerShell(request.body)}`,
    '  # expires_in is only RECOMMENDED (RFC 6749 §5.1): without it, the token is not kept.',
    '  $expiresIn = if ($answer.expires_in) { [int]$answer.expires_in } else { 0 }',
    '  $script:Token = $answer.access_token',
    '  $script:TokenUntil = [DateTime]::UtcNow.AddSeconds([Math]::Max(0, $expiresIn - $EarlySeconds))',
    '  return $script:Token',
    '}',
    '',
    'Get-Token',
    'Get-Token  # the same token: no second token request',
  ].join('\n');
}

const PROGRAMS: Readonly<Record<SnippetTabId, ((request: SnippetRequest) => string) | null>> = {
  'curl-bash': curlBashCached,
  'curl-powershell': null,
  'powershell-invoke-restmethod': powerShellCached,
  'curl-cmd': null,
  httpie: null,
  'javascript-fetch': javascriptFetchCached,
  'python-requests': pythonRequestsCached,
  'python-urllib': pythonUrllibCached,
  'go-net-http': goCached,
  'java-httpclient': javaCached,
};

/**
 * The tab's code in the variant that caches the token (with the values, never placeholders), or
 * no code and a warning for a tab that is a single command.
 *
 * Does NOT make a bash or PowerShell session remember the token across runs: the cache lives as
 * long as the program or script.
 */
export function cachedTokenSnippet(id: SnippetTabId, request: SnippetRequest): Snippet {
  const program = PROGRAMS[id];
  if (program === null) return { code: '', warnings: [NO_STATE] };
  return { code: program(request), warnings: assertionWarnings(request) };
}
