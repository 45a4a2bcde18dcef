import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedAssertion } from '../client-auth/client-assertion.ts';
import { buildTokenRequest, type TokenRequestInput } from '../request/token-request.ts';
import { referenceFormEncode } from '../test-support/reference-form-encode.ts';
import { parsePowerShell } from '../test-support/powershell-grammar.ts';
import { findCommand, runShell, SHELL_ENV, shellStringUnit } from '../test-support/shell.ts';
import { curlBash } from './curl-bash.ts';
import { curlBashPlaceholders } from './curl-bash-target.ts';
import { goNetHttp, goNetHttpPlaceholders } from './go-net-http.ts';
import { javaHttpClient, javaHttpClientPlaceholders } from './java-httpclient.ts';
import { javascriptFetch, javascriptFetchPlaceholders } from './javascript-fetch.ts';
import { placeholderRequest, type PlaceholderRequest } from './placeholders.ts';
import { posixPrelude } from './posix-placeholders.ts';
import { pythonRequests, pythonRequestsPlaceholders } from './python-requests.ts';
import { pythonUrllib, pythonUrllibPlaceholders } from './python-urllib.ts';
import { snippetTargets } from './registry.ts';
import type { SnippetRequest } from './snippet-request.ts';

// The placeholder variant of every target must hold no credential, and, run for real with the
// credentials in the environment, send the same Authorization header and body as the variant
// with the values. Golden files: fixtures/<case>.placeholders.<target> (UPDATE_GOLDEN=1 rewrites).

const run = promisify(execFile);
const FIXTURES = join(import.meta.dirname, 'fixtures');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const ENDPOINT = 'http://127.0.0.1:9/oauth2/default/v1/token';
const SPECIAL_ID = 'sp3cial-id';
// No `~` or `*`: there Python's and Go's form encoders differ in bytes from the page's
// (`~` left as is, `*` as %2A), though a form decoder reads the same value (docs/decisions/250).
const SPECIAL_SECRET = `s3cr3t+/:%2B& with 'space' "$(id)" !x é🔑`;
const ASSERTION: SignedAssertion = {
  header: { alg: 'HS256', typ: 'JWT' },
  claims: { iss: SPECIAL_ID, sub: SPECIAL_ID, aud: ENDPOINT, iat: 1, exp: 301, jti: 'j1' },
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJzcDNjaWFsLWlkIn0.c2lnbmF0dXJl',
};

const base = {
  tokenEndpoint: ENDPOINT,
  clientId: SPECIAL_ID,
  clientSecret: SPECIAL_SECRET,
  scope: 'customScope read:reports',
};
const CASES: Readonly<Record<string, TokenRequestInput>> = {
  'guide-basic-raw': {
    tokenEndpoint: 'https://dev-123456.okta.com/oauth2/default/v1/token',
    clientId: '0oa4xqz9kfTbN2cWd5d7',
    clientSecret: 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO',
    scope: 'customScope',
    authMethod: 'client_secret_basic',
    encoding: 'raw',
  },
  'special-basic-raw': { ...base, authMethod: 'client_secret_basic', encoding: 'raw' },
  'special-basic-form': { ...base, authMethod: 'client_secret_basic', encoding: 'form' },
  'special-post': { ...base, authMethod: 'client_secret_post', encoding: 'raw' },
  'secret-jwt': {
    ...base,
    authMethod: 'client_secret_jwt',
    encoding: 'raw',
    clientAssertion: ASSERTION,
  },
  'private-key-jwt-unsigned': { ...base, authMethod: 'private_key_jwt', encoding: 'raw' },
  'extra-parameters-basic': {
    ...base,
    authMethod: 'client_secret_basic',
    encoding: 'raw',
    extraFields: [
      ['audience', 'https://api.example.com/v1'],
      ['resource', 'api://playground'],
      ['organization', "org_1 'x' $HOME"],
    ],
  },
};

const placeholdersOf = (input: TokenRequestInput): PlaceholderRequest =>
  placeholderRequest({ ...buildTokenRequest(input), ...input });

/** Every form a credential of `input` takes on the wire, none of which a placeholder may hold. */
function credentialForms(input: TokenRequestInput): string[] {
  const forms = [input.clientSecret, referenceFormEncode(input.clientSecret)];
  for (const pair of [
    `${input.clientId}:${input.clientSecret}`,
    `${referenceFormEncode(input.clientId)}:${referenceFormEncode(input.clientSecret)}`,
  ]) {
    forms.push(Buffer.from(pair, 'utf8').toString('base64'));
  }
  if (input.clientAssertion) forms.push(input.clientAssertion.jwt);
  return [...forms, input.clientId];
}

describe('placeholderRequest', () => {
  it('reads the client ID, secret and assertion from the variables that each method needs', () => {
    expect(placeholdersOf(CASES['special-basic-form']!).variables).toEqual([
      'CLIENT_ID',
      'CLIENT_SECRET',
    ]);
    expect(placeholdersOf(CASES['special-post']!).variables).toEqual([
      'CLIENT_ID',
      'CLIENT_SECRET',
    ]);
    expect(placeholdersOf(CASES['secret-jwt']!).variables).toEqual(['CLIENT_ASSERTION']);
    // Before the page has signed one, the assertion is still a field to fill in.
    const unsigned = placeholdersOf(CASES['private-key-jwt-unsigned']!);
    expect(unsigned.fields.map(([name]) => name)).toEqual([
      'grant_type',
      'scope',
      'client_assertion_type',
      'client_assertion',
    ]);
    expect(unsigned.variables).toEqual(['CLIENT_ASSERTION']);
  });
});

describe.each(Object.entries(CASES))('placeholder snippets: %s', (caseName, input) => {
  it.each(snippetTargets.map((t) => [t.id, t] as const))('%s holds no credential', (id, target) => {
    const { code, warnings } = target.placeholders(placeholdersOf(input));
    const file = join(FIXTURES, `${caseName}.placeholders.${id}`);
    if (UPDATE) writeFileSync(file, code);
    expect(code).toBe(existsSync(file) ? readFileSync(file, 'utf8') : '(no golden file)');
    for (const form of credentialForms(input)) expect(code).not.toContain(form);
    for (const warning of warnings) {
      for (const form of credentialForms(input)) expect(warning.message).not.toContain(form);
    }
    if (code === '') expect(warnings.length).toBeGreaterThan(0);
  });
});

// No PowerShell installs here: its two targets are parsed with the real grammar instead, and
// must expand nothing but the variables (no double-quoted strings that could expand a value).
describe.each(Object.entries(CASES))('PowerShell placeholders parse: %s', (_caseName, input) => {
  it.each(
    snippetTargets
      .filter((target) => target.language === 'powershell')
      .map((target) => [target.id, target] as const),
  )('%s', async (_id, target) => {
    const { code } = target.placeholders(placeholdersOf(input));
    const parsed = await parsePowerShell(code);
    expect(parsed.hasError).toBe(false);
    expect(parsed.otherLiterals).toEqual([]);
    expect(code).toContain('$env:');
  });
});

const bash = findCommand('bash');
const zsh = findCommand('zsh', 'placeholders.test.ts: zsh is not installed; its runs are SKIPPED.');
const curl = findCommand(
  'curl',
  'placeholders.test.ts: curl is not installed; its runs are SKIPPED.',
);
const python = findCommand(
  'python3',
  'placeholders.test.ts: python3 is not installed; its runs are SKIPPED.',
);
const java = findCommand(
  'java',
  'placeholders.test.ts: java is not installed; its run is SKIPPED.',
);
const go = findCommand('go', 'placeholders.test.ts: go is not installed; its run is SKIPPED.');

describe.each([
  ['bash', bash],
  ['zsh', zsh],
])('form_encode in %s: the bytes the page form-encodes (property)', (name, shellPath) => {
  it.runIf(shellPath)('for random strings', () => {
    const prelude = posixPrelude(placeholdersOf(CASES['special-basic-form']!)).join('\n');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: shellStringUnit, maxLength: 12 }), {
          minLength: 1,
          maxLength: 20,
        }),
        (values) => {
          const env: Record<string, string> = { ...SHELL_ENV };
          values.forEach((value, index) => {
            env[`V${index}`] = value;
          });
          const script = `${prelude}\n${values.map((_, index) => `form_encode "$V${index}"; printf '\\n'`).join('\n')}`;
          const args = name === 'zsh' ? ['-f', '-c'] : ['-c'];
          const output = runShell(shellPath ?? name, args, script, env).toString('utf8');
          expect(output.split('\n').slice(0, -1)).toEqual(values.map(referenceFormEncode));
        },
      ),
      { numRuns: 5 },
    );
  });
});

// A local listener records what each run sends; nothing leaves the machine.
interface Received {
  readonly authorization: string | undefined;
  readonly body: string;
}
let server: Server;
let received: Received[] = [];
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'placeholders-test-'));
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        authorization: request.headers.authorization,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

function local(input: TokenRequestInput): TokenRequestInput {
  const { port } = server.address() as AddressInfo;
  return { ...input, tokenEndpoint: `http://127.0.0.1:${port}/token` };
}

/** The environment a reader sets: each credential in its variable. */
function environmentFor(input: TokenRequestInput): Record<string, string> {
  return {
    ...SHELL_ENV,
    CLIENT_ID: input.clientId,
    CLIENT_SECRET: input.clientSecret,
    CLIENT_ASSERTION: input.clientAssertion?.jwt ?? '',
  };
}

type Runner = (code: string, env: Record<string, string>) => Promise<unknown>;

/** What the value variant and the placeholder variant each sent. */
async function bothSend(
  input: TokenRequestInput,
  write: { values: (r: SnippetRequest) => string; placeholders: (r: PlaceholderRequest) => string },
  runner: Runner,
): Promise<Received[]> {
  received = [];
  const wire = local(input);
  await runner(write.values(buildTokenRequest(wire)), { ...SHELL_ENV });
  await runner(write.placeholders(placeholdersOf(wire)), environmentFor(wire));
  return received;
}

function expectSame(sent: Received[]): void {
  expect(sent).toHaveLength(2);
  expect(sent[1]).toEqual(sent[0]);
}

const SIGNED_CASES = ['special-basic-raw', 'special-basic-form', 'special-post', 'secret-jwt'];

describe.runIf(bash && curl)('curl (bash): both variants send the same bytes', () => {
  it.each(SIGNED_CASES)('%s', async (caseName) => {
    const runner: Runner = (code, env) =>
      run(bash ?? 'bash', ['--norc', '--noprofile', '-c', `${code} --silent`], { env });
    expectSame(
      await bothSend(
        CASES[caseName]!,
        { values: curlBash, placeholders: curlBashPlaceholders },
        runner,
      ),
    );
  });

  it.runIf(zsh)('and in zsh', async () => {
    const runner: Runner = (code, env) =>
      run(zsh ?? 'zsh', ['-f', '-c', `${code} --silent`], { env });
    expectSame(
      await bothSend(
        CASES['special-basic-form']!,
        { values: curlBash, placeholders: curlBashPlaceholders },
        runner,
      ),
    );
  });
});

/** Runs a program saved in a file of its own. */
function fileRunner(fileName: string, command: (file: string) => [string, string[]]): Runner {
  return async (code, env) => {
    const dir = await mkdtemp(join(root, 'run-'));
    const file = join(dir, fileName);
    await writeFile(file, code);
    const [program, args] = command(file);
    return run(program, args, { env: { ...process.env, ...env } });
  };
}

describe('JavaScript (fetch) in Node: both variants send the same bytes', () => {
  it.each(SIGNED_CASES)('%s', async (caseName) => {
    const runner = fileRunner('token.mjs', (file) => [process.execPath, [file]]);
    expectSame(
      await bothSend(
        CASES[caseName]!,
        { values: javascriptFetch, placeholders: javascriptFetchPlaceholders },
        runner,
      ),
    );
  });
});

describe.runIf(python)('Python: both variants send the same bytes', () => {
  const runner = fileRunner('get_token.py', (file) => [python ?? 'python3', [file]]);
  it.each(SIGNED_CASES)('urllib, %s', async (caseName) => {
    expectSame(
      await bothSend(
        CASES[caseName]!,
        {
          values: (r) => pythonUrllib(r).code,
          placeholders: (r) => pythonUrllibPlaceholders(r).code,
        },
        runner,
      ),
    );
  });

  it('requests, the form-encoded Basic header', { timeout: 60_000 }, async (context) => {
    try {
      await run(python ?? 'python3', ['-c', 'import requests']);
    } catch {
      console.warn('placeholders.test.ts: the requests package is not installed; SKIPPED.');
      context.skip();
    }
    expectSame(
      await bothSend(
        CASES['special-basic-form']!,
        { values: pythonRequests, placeholders: pythonRequestsPlaceholders },
        runner,
      ),
    );
  });
});

describe.runIf(java)('Java (HttpClient): both variants send the same bytes', () => {
  // One JVM start each is slow: the case with the most computed (Base64 over form-encodings).
  it.each(['special-basic-form'])(
    '%s',
    async (caseName) => {
      const runner = fileRunner('GetToken.java', (file) => [java ?? 'java', [file]]);
      expectSame(
        await bothSend(
          CASES[caseName]!,
          { values: javaHttpClient, placeholders: javaHttpClientPlaceholders },
          runner,
        ),
      );
    },
    120_000,
  );
});

describe.runIf(go)('Go (net/http): both variants send the same bytes', () => {
  // A compile each is slow: the case with the form-encoded body.
  it.each(['special-post'])(
    '%s',
    async (caseName) => {
      const cache = join(root, 'go-cache');
      await mkdir(cache, { recursive: true });
      const runner = fileRunner('main.go', (file) => [go ?? 'go', ['run', file]]);
      const env = { GOCACHE: cache, GOFLAGS: '-mod=mod', GO111MODULE: 'off', HOME: root };
      expectSame(
        await bothSend(
          CASES[caseName]!,
          { values: goNetHttp, placeholders: goNetHttpPlaceholders },
          (code, variables) => runner(code, { ...variables, ...env }),
        ),
      );
    },
    120_000,
  );
});
