import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { importJWK, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRIVATE_JWK } from '../../src/core/client-auth/demo-private-key.ts';
import { curlBash } from '../../src/core/snippets/curl-bash.ts';
import { goNetHttp } from '../../src/core/snippets/go-net-http.ts';
import { javaHttpClient } from '../../src/core/snippets/java-httpclient.ts';
import { javascriptFetch } from '../../src/core/snippets/javascript-fetch.ts';
import { pythonRequests } from '../../src/core/snippets/python-requests.ts';
import { pythonUrllib } from '../../src/core/snippets/python-urllib.ts';
import type { SnippetRequest } from '../../src/core/snippets/snippet-request.ts';
import { findCommand } from '../../src/core/test-support/shell.ts';
import { tokenRequestFor, type RequestSpec } from '../../src/core/test-support/snippet-cases.ts';
import { buildTokenRequest } from '../../src/core/request/token-request.ts';
import type { DemoClient } from '../../src/core/proxy/proxy-protocol.ts';
import { demoClients, demoKeyClient, demoSecretJwtClient } from '../demo-as/clients.ts';
import { startPlaygroundServer, type PlaygroundServer } from './create-server.ts';

// The generated snippets are run for real against the built-in demo authorization server
// (oidc-provider, which form-decodes Basic credentials): each must get a token for both demo
// clients, in the encoding that works there. Asynchronous child processes: the server answers
// from this same process.

const run = promisify(execFile);
const [oktaStyle, special] = demoClients;
if (!oktaStyle || !special) throw new Error('two demo clients expected');

const curl = findCommand(
  'curl',
  'snippets-against-demo.test.ts: curl is not installed; the bash curl run is SKIPPED.',
);
const python = findCommand(
  'python3',
  'snippets-against-demo.test.ts: python3 is not installed; the urllib run is SKIPPED.',
);
const java = findCommand(
  'java',
  'snippets-against-demo.test.ts: java is not installed; the HttpClient run is SKIPPED.',
);
const go = findCommand(
  'go',
  'snippets-against-demo.test.ts: go is not installed; the net/http run is SKIPPED.',
);

let root: string;
let playground: PlaygroundServer;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'snippets-against-demo-'));
  const dist = path.join(root, 'dist');
  await mkdir(dist, { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Playground</title>');
  playground = await startPlaygroundServer({ host: '127.0.0.1', port: 0, distDir: dist });
});

afterAll(async () => {
  await playground?.close();
  await rm(root, { recursive: true, force: true });
});

/** Both demo clients with the encoding this server accepts (it form-decodes, RFC 6749 §2.3.1). */
function demoClientsFor(auth: 'basic' | 'post'): Array<[string, Omit<RequestSpec, 'url'>]> {
  return [
    [oktaStyle!.label, { ...oktaStyle!, scope: 'customScope', auth, encoding: 'raw' }],
    [special!.label, { ...special!, scope: 'customScope', auth, encoding: 'form' }],
  ];
}

/** The request, addressed to the running demo server (known only once it listens). */
function toDemo(spec: Omit<RequestSpec, 'url'>): SnippetRequest {
  return tokenRequestFor({ ...spec, url: playground.demo.tokenEndpoint });
}

/** The status and JSON body a snippet printed as `<status> <body>`. */
function statusAndBody(output: string): { status: number; body: Record<string, unknown> } {
  const match = /^(\d{3}) (.*)$/s.exec(output.trim());
  if (!match) throw new Error(`unexpected snippet output: ${output}`);
  return { status: Number(match[1]), body: JSON.parse(match[2]!) as Record<string, unknown> };
}

function expectToken(body: Record<string, unknown>): void {
  expect(body).toMatchObject({ token_type: 'Bearer', scope: 'customScope' });
  expect(typeof body.access_token).toBe('string');
}

describe.runIf(curl)('curl (bash) gets a token', () => {
  it.each([...demoClientsFor('basic'), ...demoClientsFor('post')])('%s', async (_label, spec) => {
    const request = toDemo(spec);
    const { stdout } = await run('bash', [
      '--norc',
      '--noprofile',
      '-c',
      `${curlBash(request)} --silent`,
    ]);
    expectToken(JSON.parse(stdout) as Record<string, unknown>);
  });

  it('and the raw encoding of the special secret is refused: the server form-decodes', async () => {
    const request = tokenRequestFor({
      url: playground.demo.tokenEndpoint,
      ...special,
      scope: 'customScope',
      auth: 'basic',
      encoding: 'raw',
    });
    const { stdout } = await run('bash', [
      '--norc',
      '--noprofile',
      '-c',
      `${curlBash(request)} --silent`,
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ error: 'invalid_client' });
  });
});

describe('JavaScript (fetch) in Node gets a token', () => {
  it.each(demoClientsFor('basic'))('%s', async (_label, spec) => {
    const request = toDemo(spec);
    const file = path.join(root, 'token.mjs');
    await writeFile(file, javascriptFetch(request));
    const { stdout } = await run(process.execPath, [file]);
    const { status, body } = statusAndBody(stdout);
    expect(status).toBe(200);
    expectToken(body);
  });
});

describe.runIf(python)('Python (urllib) gets a token', () => {
  it.each([...demoClientsFor('basic'), ...demoClientsFor('post')])('%s', async (_label, spec) => {
    const request = toDemo(spec);
    const file = path.join(root, 'get_token_urllib.py');
    await writeFile(file, pythonUrllib(request).code);
    const { stdout } = await run(python ?? 'python3', [file]);
    const { status, body } = statusAndBody(stdout);
    expect(status).toBe(200);
    expectToken(body);
  });
});

/** Whether the `requests` package is importable (it is not part of the standard library). */
async function hasPythonRequests(): Promise<boolean> {
  if (!python) return false;
  try {
    await run(python, ['-c', 'import requests']);
    return true;
  } catch {
    console.warn(
      'snippets-against-demo.test.ts: the requests package is not installed; the requests run is SKIPPED.',
    );
    return false;
  }
}

describe.runIf(await hasPythonRequests())('Python (requests) gets a token', () => {
  it.each(demoClientsFor('basic'))('%s', async (_label, spec) => {
    const request = toDemo(spec);
    const file = path.join(root, 'get_token_requests.py');
    await writeFile(file, pythonRequests(request));
    const { stdout } = await run(python ?? 'python3', [file]);
    const { status, body } = statusAndBody(stdout);
    expect(status).toBe(200);
    expectToken(body);
  });
});

describe.runIf(java)('Java (HttpClient) gets a token (one JVM per client)', () => {
  it.each(demoClientsFor('basic'))(
    '%s',
    async (_label, spec) => {
      const request = toDemo(spec);
      const dir = await mkdtemp(path.join(root, 'java-'));
      const file = path.join(dir, 'GetToken.java');
      await writeFile(file, javaHttpClient(request));
      const { stdout } = await run(java ?? 'java', [file]);
      const { status, body } = statusAndBody(stdout);
      expect(status).toBe(200);
      expectToken(body);
    },
    60_000,
  );
});

describe.runIf(go)('Go (net/http) compiles and gets a token', () => {
  it.each(demoClientsFor('basic'))(
    '%s',
    async (_label, spec) => {
      const dir = await mkdtemp(path.join(root, 'go-'));
      const file = path.join(dir, 'main.go');
      await writeFile(file, goNetHttp(toDemo(spec)));
      // Its build cache inside the test's folder: nothing is left in the machine's home.
      const { stdout } = await run(go ?? 'go', ['run', file], {
        env: {
          ...process.env,
          GOCACHE: path.join(dir, 'cache'),
          GOFLAGS: '-mod=mod',
          GO111MODULE: 'off',
        },
      });
      const { status, body } = statusAndBody(stdout);
      expect(status).toBe(200);
      expectToken(body);
    },
    120_000,
  );
});

/** A demo client that signs its assertion, with how it signs (RFC 7523 §3, RFC 7518 §3). */
interface SigningClient {
  readonly client: DemoClient;
  readonly header: { readonly alg: 'RS256' | 'HS256'; readonly kid?: string; readonly typ: 'JWT' };
  readonly key: () => Promise<CryptoKey | Uint8Array>;
}

const SIGNING_CLIENTS: ReadonlyArray<readonly [string, SigningClient]> = [
  [
    'private_key_jwt (the published demo key)',
    {
      client: demoKeyClient,
      header: { alg: 'RS256', kid: DEMO_PRIVATE_JWK.kid, typ: 'JWT' },
      key: async () => (await importJWK(DEMO_PRIVATE_JWK, 'RS256')) as CryptoKey,
    },
  ],
  [
    'client_secret_jwt (HMAC over the demo secret, no kid)',
    {
      client: demoSecretJwtClient,
      header: { alg: 'HS256', typ: 'JWT' },
      key: async () => new TextEncoder().encode(demoSecretJwtClient.clientSecret),
    },
  ],
];

/**
 * A request of a signing demo client to the running demo server: the model built by the page's
 * own `buildTokenRequest`, carrying an assertion signed here by jose (independently of the page's
 * signer), new for every run since the server refuses a `jti` twice.
 */
async function signingClientRequest({
  client,
  header,
  key,
}: SigningClient): Promise<SnippetRequest> {
  const { clientId, clientSecret, scope, authMethod } = client;
  const tokenEndpoint = playground.demo.tokenEndpoint;
  const iat = Math.floor(Date.now() / 1000);
  const claims = {
    iss: clientId,
    sub: clientId,
    aud: tokenEndpoint,
    iat,
    exp: iat + 300,
    jti: randomUUID(),
  };
  const jwt = await new SignJWT(claims).setProtectedHeader(header).sign(await key());
  return buildTokenRequest({
    tokenEndpoint,
    clientId,
    clientSecret,
    scope: scope.split(' ')[0] ?? '',
    authMethod,
    encoding: 'raw',
    clientAssertion: { header, claims, jwt },
  });
}

describe.each(SIGNING_CLIENTS)(
  '%s: the snippets carry the assertion, never a secret, and get a token',
  (_name, signing) => {
    const file = (stem: string, extension: string) =>
      path.join(root, `${stem}-${signing.client.clientId}.${extension}`);

    it('the request has no Authorization header and no client secret', async () => {
      const request = await signingClientRequest(signing);
      expect(request.headers.map(([header]) => header)).not.toContain('authorization');
      expect(new URLSearchParams(request.body).has('client_secret')).toBe(false);
      expect(new URLSearchParams(request.body).get('client_assertion_type')).toBe(
        'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      );
    });

    it.runIf(curl)('curl (bash)', async () => {
      const { stdout } = await run('bash', [
        '--norc',
        '--noprofile',
        '-c',
        `${curlBash(await signingClientRequest(signing))} --silent`,
      ]);
      expectToken(JSON.parse(stdout) as Record<string, unknown>);
    });

    it('JavaScript (fetch) in Node', async () => {
      const script = file('token', 'mjs');
      await writeFile(script, javascriptFetch(await signingClientRequest(signing)));
      const { stdout } = await run(process.execPath, [script]);
      const { status, body } = statusAndBody(stdout);
      expect(status).toBe(200);
      expectToken(body);
    });

    it.runIf(python)('Python (urllib)', async () => {
      const script = file('get_token_urllib', 'py');
      await writeFile(script, pythonUrllib(await signingClientRequest(signing)).code);
      const { stdout } = await run(python ?? 'python3', [script]);
      const { status, body } = statusAndBody(stdout);
      expect(status).toBe(200);
      expectToken(body);
    });
  },
);

/** The `aud` of a JWT access token, read without the code under test. */
function audienceOf(body: Record<string, unknown>): unknown {
  const payload = String(body.access_token).split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { aud?: unknown }).aud;
}

describe('an audience parameter in the snippets reaches the demo server: the token is for that API', () => {
  const spec = {
    ...oktaStyle,
    scope: 'customScope',
    auth: 'post' as const,
    encoding: 'raw' as const,
    extra: [['audience', 'api://playground-reports']] as const,
  };

  it.runIf(curl)('curl (bash)', async () => {
    const { stdout } = await run('bash', [
      '--norc',
      '--noprofile',
      '-c',
      `${curlBash(toDemo(spec))} --silent`,
    ]);
    expect(audienceOf(JSON.parse(stdout) as Record<string, unknown>)).toBe(
      'api://playground-reports',
    );
  });

  it('JavaScript (fetch) in Node', async () => {
    const file = path.join(root, 'audience.mjs');
    await writeFile(file, javascriptFetch(toDemo(spec)));
    const { stdout } = await run(process.execPath, [file]);
    expect(audienceOf(statusAndBody(stdout).body)).toBe('api://playground-reports');
  });

  it.runIf(python)('Python (urllib)', async () => {
    const file = path.join(root, 'audience.py');
    await writeFile(file, pythonUrllib(toDemo(spec)).code);
    const { stdout } = await run(python ?? 'python3', [file]);
    expect(audienceOf(statusAndBody(stdout).body)).toBe('api://playground-reports');
  });
});
