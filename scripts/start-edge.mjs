// `npm run start:edge`: the same build and proxy as `npm start`, served by workerd (through
// miniflare) instead of Node, on loopback behind a front on HOST:PORT that plays Cloudflare's edge
// (server/node/edge-front.ts), with an outbound network of public destinations only
// (server/node/edge-network.ts; docs/decisions/025). Builds first when the page or a bundle is
// missing or older than its sources; runs in this process, so stopping this PID stops workerd too.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';
import { fromRoot, root, staleReason } from './build-freshness.mjs';

const OUTPUTS = [
  fromRoot('dist', 'index.html'),
  fromRoot('dist-edge', 'worker.js'),
  fromRoot('dist-edge', 'edge-network.js'),
  fromRoot('dist-edge', 'edge-front.js'),
];

function fail(message) {
  console.error(message);
  process.exit(1);
}

function run(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`The build failed (${what}).`);
}

const vite = fromRoot('node_modules', 'vite', 'bin', 'vite.js');
if (!existsSync(vite) || !existsSync(fromRoot('node_modules', 'miniflare'))) {
  fail('Vite or miniflare is not installed: run `npm ci` (or `npm install`) first.');
}

const host = process.env.HOST || '127.0.0.1';
const portText = process.env.PORT || '4173';
if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
  fail(`PORT must be a port number (0-65535), not "${portText}".`);
}

const reason = staleReason(OUTPUTS);
if (reason) {
  console.log(`Building the playground (edge) first (${reason})…`);
  run([vite, 'build'], 'vite build');
  run([fromRoot('scripts', 'build-edge.mjs')], 'the worker bundle');
}

/** PORT=0: an ephemeral port, chosen before start because the worker must know its own origin. */
async function freePort(onHost) {
  const probe = createServer();
  await new Promise((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, onHost, resolve);
  });
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const port = Number(portText) === 0 ? await freePort(host) : Number(portText);
const urlHost = host.includes(':') ? `[${host}]` : host;
const ownOrigins = [`http://${urlHost}:${port}`];
if (host === '127.0.0.1') ownOrigins.push(`http://localhost:${port}`);
const origins = [...ownOrigins, process.env.PUBLIC_ORIGINS ?? ''].filter(Boolean).join(',');
const builtModule = (name) => import(pathToFileURL(fromRoot('dist-edge', name)).href);

// Cloudflare's network reaches public destinations only; so does this one (server/node/edge-network.ts).
const { localEdgeNetwork } = await builtModule('edge-network.js');
let network;
try {
  network = await localEdgeNetwork(process.env.PROXY_ALLOWED_HOSTS);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const { Miniflare } = await import('miniflare');
const miniflare = new Miniflare({
  modules: true,
  scriptPath: fromRoot('dist-edge', 'worker.js'),
  compatibilityDate: '2026-01-28',
  outboundService: { network: { ...network, tlsOptions: { trustBrowserCas: true } } },
  // workerd listens on loopback only, behind the front (below) that plays Cloudflare's edge.
  host: '127.0.0.1',
  port: 0,
  bindings: {
    // A secret per start unless one is given: set the same PROXY_TOKEN_SECRET on several
    // instances and they accept each other's tokens.
    PROXY_TOKEN_SECRET: process.env.PROXY_TOKEN_SECRET || randomBytes(32).toString('base64url'),
    PROXY_ALLOWED_HOSTS: process.env.PROXY_ALLOWED_HOSTS ?? '',
    PROXY_RATE_LIMIT: process.env.PROXY_RATE_LIMIT ?? '',
    PROXY_TIMEOUT_S: process.env.PROXY_TIMEOUT_S ?? '',
    FRAME_ANCESTORS: process.env.FRAME_ANCESTORS ?? '',
    PUBLIC_ORIGINS: origins,
    // The front sets CF-Connecting-IP from the socket, as Cloudflare does.
    BEHIND_CLOUDFLARE: 'true',
  },
  assets: {
    directory: fromRoot('dist'),
    binding: 'ASSETS',
    // As on Node: `/x.html` is served as is, not redirected to `/x` (the worker maps `/`).
    assetConfig: { html_handling: 'none', not_found_handling: 'none' },
    // The worker decides every response (it adds the security headers), as wrangler.jsonc says.
    routerConfig: { invoke_user_worker_ahead_of_assets: true, has_user_worker: true },
  },
});

let stopping = false;
let front;
async function stop() {
  if (stopping) return;
  stopping = true;
  front?.closeAllConnections();
  front?.close();
  await miniflare.dispose().catch(() => undefined);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

let workerdUrl;
try {
  workerdUrl = await miniflare.ready;
} catch (error) {
  fail(`workerd could not start: ${error instanceof Error ? error.message : String(error)}`);
}

// What Cloudflare's edge does before a request reaches a worker (server/node/edge-front.ts).
const { createEdgeFront } = await builtModule('edge-front.js');
try {
  front = createEdgeFront({ origins, workerdPort: Number(workerdUrl.port) });
} catch (error) {
  await miniflare.dispose().catch(() => undefined);
  fail(error instanceof Error ? error.message : String(error));
}
await new Promise((resolve) => {
  front.once('error', async (error) => {
    await miniflare.dispose().catch(() => undefined);
    fail(`The playground (edge) could not listen on ${urlHost}:${port}: ${error.message}`);
  });
  front.listen(port, host, resolve);
});
console.log(`Playground (edge) ready at http://${urlHost}:${port}/`);
