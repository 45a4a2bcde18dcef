import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { javascriptDpop, pythonDpop } from '../../src/core/snippets/dpop-programs.ts';
import type { SnippetRequest } from '../../src/core/snippets/snippet-request.ts';
import { findCommand } from '../../src/core/test-support/shell.ts';
import { tokenRequestFor } from '../../src/core/test-support/snippet-cases.ts';
import { demoDpopClient } from '../demo-as/clients.ts';
import { startPlaygroundServer, type PlaygroundServer } from './create-server.ts';

// The DPoP programs of the JavaScript and Python tabs, run for real against the demo server's
// demo-dpop client (a nonce is always required, so each goes through the use_dpop_nonce retry)
// and then, with API_URL, against the demo API with the token. One process per language.

const run = promisify(execFile);
const python = findCommand(
  'python3',
  'dpop-snippets-against-demo.test.ts: python3 is not installed; the Python run is SKIPPED.',
);

/** Whether `cryptography` is importable (Debian's python3-cryptography; .ci/run installs it). */
async function hasCryptography(): Promise<boolean> {
  if (!python) return false;
  try {
    await run(python, ['-c', 'import cryptography']);
    return true;
  } catch {
    if (process.env.CI) throw new Error('python3-cryptography is missing: .ci/run installs it');
    console.warn(
      'dpop-snippets-against-demo.test.ts: the cryptography package is not installed; the Python run is SKIPPED.',
    );
    return false;
  }
}

const pythonRuns = await hasCryptography();

/** Whether `requests` is importable too (not in the standard library; skipped without it, as elsewhere). */
async function hasRequests(): Promise<boolean> {
  if (!pythonRuns) return false;
  try {
    await run(python ?? 'python3', ['-c', 'import requests']);
    return true;
  } catch {
    console.warn(
      'dpop-snippets-against-demo.test.ts: the requests package is not installed; the requests run is SKIPPED.',
    );
    return false;
  }
}
const requestsRuns = await hasRequests();

let root: string;
let playground: PlaygroundServer;
let request: SnippetRequest;
let apiUrl: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dpop-snippets-against-demo-'));
  const dist = path.join(root, 'dist');
  await mkdir(dist, { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Playground</title>');
  // The Node program imports jose as an installed package: this checkout's, beside the script.
  await symlink(path.resolve('node_modules'), path.join(root, 'node_modules'), 'dir');
  playground = await startPlaygroundServer({ host: '127.0.0.1', port: 0, distDir: dist });
  if (!playground.demo.apiUrl) throw new Error('the demo API is not mounted');
  apiUrl = playground.demo.apiUrl;
  request = tokenRequestFor({
    url: playground.demo.tokenEndpoint,
    clientId: demoDpopClient.clientId,
    clientSecret: demoDpopClient.clientSecret,
    scope: 'read:reports',
    auth: 'basic',
    encoding: 'raw',
    // The page's proof, which the programs leave out: they sign their own.
    dpop: 'page.proof.unused',
  });
});

afterAll(async () => {
  await playground?.close();
  await rm(root, { recursive: true, force: true });
});

/** Each `<status> <body>` line the program printed: the token answer, then the API's. */
function answers(output: string): Array<{ status: number; body: Record<string, unknown> }> {
  return output
    .trim()
    .split('\n')
    .map((line) => {
      const match = /^(\d{3}) (.*)$/.exec(line);
      if (!match) throw new Error(`unexpected program output: ${line}`);
      return { status: Number(match[1]), body: JSON.parse(match[2]!) as Record<string, unknown> };
    });
}

/** The token is DPoP-bound (cnf.jkt) and the demo API answered its reports. */
function expectBoundTokenAndReports(output: string): void {
  const [token, api] = answers(output);
  expect(token?.status).toBe(200);
  expect(token?.body).toMatchObject({ token_type: 'DPoP', scope: 'read:reports' });
  const payload = String(token?.body.access_token).split('.')[1] ?? '';
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    cnf?: { jkt?: unknown };
  };
  expect(typeof claims.cnf?.jkt).toBe('string');
  expect(api?.status).toBe(200);
}

describe('the DPoP programs get a bound token through the nonce retry and call the demo API', () => {
  it('JavaScript (Node, jose)', async () => {
    const file = path.join(root, 'token.mjs');
    await writeFile(file, javascriptDpop(request));
    const { stdout } = await run(process.execPath, [file], {
      env: { ...process.env, API_URL: apiUrl },
    });
    expectBoundTokenAndReports(stdout);
  });

  it.runIf(pythonRuns)('Python (urllib, cryptography)', async () => {
    const file = path.join(root, 'get_token_dpop.py');
    await writeFile(file, pythonDpop(request, 'urllib'));
    const { stdout } = await run(python ?? 'python3', [file], {
      env: { ...process.env, API_URL: apiUrl },
    });
    expectBoundTokenAndReports(stdout);
  });

  it.runIf(requestsRuns)('Python (requests, cryptography)', async () => {
    const file = path.join(root, 'get_token_dpop_requests.py');
    await writeFile(file, pythonDpop(request, 'requests'));
    const { stdout } = await run(python ?? 'python3', [file], {
      env: { ...process.env, API_URL: apiUrl },
    });
    expectBoundTokenAndReports(stdout);
  });
});
