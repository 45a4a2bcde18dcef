import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedAssertion } from '../client-auth/client-assertion.ts';
import { buildTokenRequest, type TokenRequestInput } from '../request/token-request.ts';
import { parsePowerShell } from '../test-support/powershell-grammar.ts';
import { findCommand } from '../test-support/shell.ts';
import { SNIPPET_TABS, type SnippetTabId } from './snippet-tabs.ts';
import { cachedTokenSnippet } from './token-cache.ts';

// The variant that caches the token: golden files (fixtures/<case>.cached.<target>;
// UPDATE_GOLDEN=1 rewrites them), and each program run for real where its interpreter is
// installed, against a token endpoint that counts the requests: two calls, one request.

const run = promisify(execFile);
const FIXTURES = join(import.meta.dirname, 'fixtures');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const GUIDE: TokenRequestInput = {
  tokenEndpoint: 'https://dev-123456.okta.com/oauth2/default/v1/token',
  clientId: '0oa4xqz9kfTbN2cWd5d7',
  clientSecret: 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO',
  scope: 'customScope',
  authMethod: 'client_secret_basic',
  encoding: 'raw',
};

describe('golden files', () => {
  for (const { id } of SNIPPET_TABS) {
    it(`guide-basic-raw.cached.${id}`, () => {
      const snippet = cachedTokenSnippet(id, buildTokenRequest(GUIDE));
      const file = join(FIXTURES, `guide-basic-raw.cached.${id}`);
      const text =
        snippet.code === ''
          ? snippet.warnings.map((warning) => warning.message).join('\n')
          : snippet.code;
      if (UPDATE || !existsSync(file)) writeFileSync(file, text);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('a client assertion in the body: the program says it is single use', () => {
    const assertion = { jwt: 'h.c.s' } as SignedAssertion;
    const request = buildTokenRequest({
      ...GUIDE,
      authMethod: 'private_key_jwt',
      clientAssertion: assertion,
    });
    expect(cachedTokenSnippet('python-urllib', request).warnings.map((w) => w.code)).toEqual([
      'assertion-single-use',
    ]);
    expect(cachedTokenSnippet('python-urllib', buildTokenRequest(GUIDE)).warnings).toEqual([]);
  });
});

// No PowerShell installs here: its variant is parsed with a real grammar instead of run.
it('the PowerShell variant parses without an error (tree-sitter-powershell)', async () => {
  const code = cachedTokenSnippet('powershell-invoke-restmethod', buildTokenRequest(GUIDE)).code;
  expect((await parsePowerShell(code)).hasError).toBe(false);
});

/** A token endpoint that numbers the tokens it issues, with the `expires_in` a test sets. */
let server: Server;
let endpoint: string;
let issued = 0;
let expiresIn = 3600;
const received: string[] = [];
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'token-cache-'));
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(`${req.method} ${req.headers.authorization ?? ''} ${body}`);
      issued += 1;
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'no-store');
      res.end(
        JSON.stringify({
          access_token: `tok-${issued}`,
          token_type: 'Bearer',
          expires_in: expiresIn,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/default/v1/token`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

const request = () => buildTokenRequest({ ...GUIDE, tokenEndpoint: endpoint });

interface Interpreter {
  readonly id: SnippetTabId;
  readonly command: string | undefined;
  readonly file: string;
  readonly args: (file: string, dir: string) => { args: string[]; env?: NodeJS.ProcessEnv };
}

const python = findCommand('python3');
/** The requests package is not in Python's standard library: its run is skipped without it. */
const pythonWithRequests =
  python !== undefined && spawnSync(python, ['-c', 'import requests']).status === 0
    ? python
    : undefined;
if (python !== undefined && pythonWithRequests === undefined)
  console.warn('token-cache.test.ts: the requests package is not installed; its run is SKIPPED.');

const INTERPRETERS: readonly Interpreter[] = [
  {
    id: 'python-urllib',
    command: python,
    file: 'cached_token.py',
    args: (file) => ({ args: [file] }),
  },
  {
    id: 'python-requests',
    command: pythonWithRequests,
    file: 'cached_token.py',
    args: (file) => ({ args: [file] }),
  },
  {
    id: 'javascript-fetch',
    command: 'node',
    file: 'token.mjs',
    args: (file) => ({ args: [file] }),
  },
  {
    id: 'curl-bash',
    command: findCommand('bash'),
    file: 'token.sh',
    args: (file) => ({ args: ['--norc', '--noprofile', file] }),
  },
  {
    id: 'java-httpclient',
    command: findCommand('java'),
    file: 'TokenCache.java',
    args: (file) => ({ args: [file] }),
  },
  {
    id: 'go-net-http',
    command: findCommand('go'),
    file: 'main.go',
    args: (file, dir) => ({
      args: ['run', file],
      env: { ...process.env, GOCACHE: join(dir, 'go-cache'), GO111MODULE: 'off' },
    }),
  },
];

async function runProgram(interpreter: Interpreter): Promise<string[]> {
  const dir = await mkdtemp(join(root, `${interpreter.id}-`));
  const file = join(dir, interpreter.file);
  await writeFile(file, cachedTokenSnippet(interpreter.id, request()).code);
  const { args, env } = interpreter.args(file, dir);
  const { stdout } = await run(interpreter.command ?? interpreter.id, args, {
    env: env ?? process.env,
    timeout: 120_000,
  });
  return stdout.trim().split('\n');
}

describe('run for real: two calls, one token request', () => {
  for (const interpreter of INTERPRETERS) {
    it.runIf(interpreter.command !== undefined)(
      interpreter.id,
      async () => {
        issued = 0;
        expiresIn = 3600;
        received.length = 0;
        expect(await runProgram(interpreter)).toEqual(['tok-1', 'tok-1']);
        expect(issued).toBe(1);
        // The request the token tab sends, byte for byte.
        expect(received).toEqual([
          `POST ${request().headers.find(([name]) => name === 'authorization')?.[1]} grant_type=client_credentials&scope=customScope`,
        ]);
      },
      120_000,
    );
  }

  it.runIf(INTERPRETERS[0]?.command !== undefined)(
    'a token that expires within the margin is not kept (python-urllib)',
    async () => {
      issued = 0;
      expiresIn = 30;
      expect(await runProgram(INTERPRETERS[0]!)).toEqual(['tok-1', 'tok-2']);
      expect(issued).toBe(2);
    },
  );
});
