import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUTH_WAYS,
  requestForWay,
  wayOf,
  type AuthWay,
} from '../../src/core/client-auth/auth-ways.ts';
import {
  authenticated,
  readAnswer,
  type AnswerReading,
  type Evidence,
  type WayOutcome,
} from '../../src/core/diagnosis/evidence.ts';
import {
  concludeProbes,
  MAX_EXTRA_ATTEMPTS,
  planProbes,
} from '../../src/core/diagnosis/find-what-works.ts';
import credentialVectors from '../../src/core/fixtures/credentials.json' with { type: 'json' };
import {
  PROXY_HEADERS,
  upstreamHeadersOf,
  type DemoClient,
} from '../../src/core/proxy/proxy-protocol.ts';
import { buildTokenRequest, type TokenRequest } from '../../src/core/request/token-request.ts';
import { parseTokenResponse } from '../../src/core/token/token-response.ts';
import { createDemoAuthorizationServer } from '../demo-as/provider.ts';
import { createRawDemoAuthorizationServer } from '../demo-as/raw-server.ts';
import { createProxyHandler } from '../proxy/handler.ts';
import { createProxyTokens, randomProxyTokenSecret } from '../proxy/proxy-token.ts';
import { mountUnderPrefix } from './route-prefix.ts';
import { createPassportTokenEndpoint } from './test-support/passport-server.ts';

/**
 * Interoperability with real authorization servers: the two built-in ones and
 * oauth2orize + passport-http, each registering one credential vector at a time, asked through
 * the real proxy handler in all three ways. The table of answers is a golden file, regenerated
 * only on purpose: `UPDATE_GOLDEN=1 npx vitest run server/node/interop.test.ts`.
 */

const GOLDEN = new URL('./interop-table.golden.json', import.meta.url);
const SERVERS = ['demo', 'demo-raw', 'passport'] as const;
type ServerName = (typeof SERVERS)[number];

interface Vector {
  readonly n: number;
  readonly name: string;
  readonly client_id: string;
  readonly client_secret: string;
}
const vectors = (credentialVectors as ReadonlyArray<{ kind: string }>).filter(
  (entry): entry is Vector & { kind: 'vector' } => entry.kind === 'vector',
);

const proxyTokens = createProxyTokens({ secret: randomProxyTokenSecret() });
let PROXY_TOKEN = '';
const proxy = createProxyHandler({
  proxyTokens,
  upstreamFetch: (url, init) => fetch(url, init),
  isTargetAllowed: () => ({ allowed: true }),
});

let server: Server;
let origin: string;
const listeners = new Map<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const prefix = (req.url ?? '/').split('/').slice(0, 3).join('/');
    const listener = listeners.get(prefix);
    if (listener) void listener(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  PROXY_TOKEN = (await proxyTokens.issue(origin)).token;
  for (const vector of vectors) {
    const client: DemoClient = {
      label: vector.name,
      clientId: vector.client_id,
      clientSecret: vector.client_secret,
      scope: 'customScope',
      authMethod: 'client_secret_basic',
    };
    const demoPrefix = `/v${vector.n}/demo`;
    const rawPrefix = `/v${vector.n}/demo-raw`;
    const passportPrefix = `/v${vector.n}/passport`;
    const demo = await createDemoAuthorizationServer(origin, [client], demoPrefix);
    const raw = await createRawDemoAuthorizationServer(origin, [client], rawPrefix);
    listeners.set(demoPrefix, mountUnderPrefix(demoPrefix, demo.callback));
    listeners.set(rawPrefix, mountUnderPrefix(rawPrefix, raw.callback));
    listeners.set(
      passportPrefix,
      mountUnderPrefix(passportPrefix, createPassportTokenEndpoint(client)),
    );
  }
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function tokenEndpoint(serverName: ServerName, vector: Vector): string {
  return `${origin}/v${vector.n}/${serverName}/token`;
}

/** Sends a token request through the real proxy handler, as the page does, and reads the answer. */
async function send(request: TokenRequest): Promise<{ answer: AnswerReading; cell: string }> {
  const headers = new Headers(
    request.headers.map(([name, value]): [string, string] => [name, value]),
  );
  headers.set(PROXY_HEADERS.target, request.url);
  headers.set(PROXY_HEADERS.token, PROXY_TOKEN);
  const response = await proxy(
    new Request(`${origin}/api/proxy`, { method: 'POST', headers, body: request.body }),
  );
  const answerHeaders = upstreamHeadersOf(response.headers);
  const parsed = parseTokenResponse({
    status: response.status,
    headers: answerHeaders,
    body: await response.text(),
  });
  const cell =
    parsed.kind === 'token'
      ? 'token'
      : parsed.kind === 'oauth-error'
        ? `${response.status} ${parsed.error.error}`
        : `${response.status} (not JSON)`;
  if (wayOf(request) === null) throw new Error('The interop table sends secrets only.');
  return { answer: readAnswer({ status: response.status, headers: answerHeaders, parsed }), cell };
}

function requestTo(serverName: ServerName, vector: Vector): TokenRequest {
  return buildTokenRequest({
    tokenEndpoint: tokenEndpoint(serverName, vector),
    clientId: vector.client_id,
    clientSecret: vector.client_secret,
    scope: 'customScope',
    authMethod: 'client_secret_basic',
    encoding: 'raw',
  });
}

type Table = Record<string, Record<ServerName, Record<AuthWay, string>>>;

describe('interoperability with real authorization servers', () => {
  it('each server accepts each credential vector in the ways the golden table records', async () => {
    const table: Table = {};
    for (const vector of vectors) {
      const row = {} as Record<ServerName, Record<AuthWay, string>>;
      for (const serverName of SERVERS) {
        const cells = {} as Record<AuthWay, string>;
        for (const way of AUTH_WAYS)
          cells[way] = (await send(requestForWay(requestTo(serverName, vector), way))).cell;
        row[serverName] = cells;
      }
      table[`${vector.n} ${vector.name}`] = row;
    }
    if (process.env.UPDATE_GOLDEN) await writeFile(GOLDEN, `${JSON.stringify(table, null, 2)}\n`);
    const golden = JSON.parse(await readFile(GOLDEN, 'utf8')) as Table;
    expect(table).toEqual(golden);
  }, 120_000);

  it('"Find what this server accepts" reaches a token whenever some way works, in at most two more requests', async () => {
    const golden = JSON.parse(await readFile(GOLDEN, 'utf8')) as Table;
    for (const vector of vectors) {
      for (const serverName of SERVERS) {
        const cells = golden[`${vector.n} ${vector.name}`]?.[serverName];
        if (!cells) throw new Error(`no golden row for vector ${vector.n}`);
        const someWayWorks = Object.values(cells).includes('token');
        // The page's default: the Basic header with the raw bytes, as the Okta guide sends it.
        const first = requestTo(serverName, vector);
        const { answer } = await send(first);
        if (answer.kind === 'token') continue;
        // The page knows nothing of these servers: what it says comes from the answers alone.
        const evidence: Evidence = {
          request: first,
          answer,
          attempts: [],
          server: { demos: [] },
          pasted: {},
        };
        const plan = planProbes(evidence);
        expect(plan.length).toBeLessThanOrEqual(MAX_EXTRA_ATTEMPTS);
        const probes: WayOutcome[] = [];
        for (const way of plan) {
          const next = (await send(requestForWay(first, way))).answer;
          probes.push({ way, answer: next });
          if (authenticated(next)) break;
        }
        const where = `vector ${vector.n} at ${serverName}: plan ${plan.join(', ')}`;
        const finding = concludeProbes({ ...evidence, attempts: probes });
        expect(finding.kind, where).toBe(someWayWorks ? 'found' : 'nothing');
        // The strict servers refuse non-VSCHAR credentials in every method: the search says so,
        // and blames the field that holds them.
        if (
          serverName !== 'passport' &&
          /[^\x20-\x7e]/.test(vector.client_id + vector.client_secret)
        )
          expect(finding.diagnosis.causes[0].id, where).toBe(
            /[^\x20-\x7e]/.test(vector.client_id) ? 'client-id-characters' : 'secret-characters',
          );
      }
    }
  }, 120_000);
});
