// `npm run bench:proxy`: the proxy's throughput and added latency against cors-anywhere, in one
// run, against one local stub token endpoint. A benchmark, not a test: it prints figures and
// ratios, and asserts nothing. Ratios from one run are what count; absolute figures drift with
// the machine's load.
//
// Each server runs in its own process (this file, started with a role): the stub token endpoint,
// our standalone server as built (dist-server/main.js, every guard on: token, Host and caller
// checks, SSRF policy and pinned connections, rate limit, one log line per request), and
// cors-anywhere 0.4.4 with a keep-alive agent, and the edge worker as built (dist-edge/worker.js)
// in workerd through miniflare, with the platform's fetch. autocannon drives them from this process.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOKEN_BODY = JSON.stringify({
  token_type: 'Bearer',
  expires_in: 3600,
  access_token: 'eyJhbGciOiJSUzI1NiJ9.' + 'a'.repeat(600) + '.signature',
  scope: 'customScope',
});
const REQUEST_BODY = 'grant_type=client_credentials&scope=customScope';
const AUTHORIZATION = `Basic ${Buffer.from('bench-client:bench-secret').toString('base64')}`;

const settings = {
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  seconds: Number(process.env.BENCH_SECONDS ?? 4),
  connections: 50,
  sequential: Number(process.env.BENCH_SEQUENTIAL ?? 2000),
  port: Number(process.env.BENCH_PORT ?? 4311),
};

// ---------------------------------------------------------------- child roles

/** Tells the parent the child is ready, and answers its heap and CPU-time questions. */
function serveParent(ready) {
  process.send?.({ ready });
  process.on('message', (message) => {
    if (message === 'heap') {
      globalThis.gc?.();
      const { heapUsed, rss } = process.memoryUsage();
      process.send?.({ heapUsed, rss });
    }
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

async function runStub(port) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json;charset=UTF-8',
        'cache-control': 'no-store',
        pragma: 'no-cache',
        'content-length': Buffer.byteLength(TOKEN_BODY),
      });
      res.end(TOKEN_BODY);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  serveParent({ port });
}

async function runCorsAnywhere(port) {
  const { Agent } = await import('node:http');
  const corsAnywhere = (await import('cors-anywhere')).default;
  const server = corsAnywhere.createServer({
    originWhitelist: [],
    // As the playground's proxy does for Okta: the browser's Origin never reaches the upstream.
    removeHeaders: ['origin', 'referer', 'cookie'],
    httpProxyOptions: { agent: new Agent({ keepAlive: true, maxSockets: 256 }) },
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  serveParent({ port });
}

async function runOurs(port, stubPort) {
  process.env.HOST = '127.0.0.1';
  process.env.PORT = String(port);
  process.env.PROXY_ALLOWED_HOSTS = `127.0.0.1:${stubPort}`;
  // The rate limit stays on (its cost is measured) but above what the benchmark sends.
  process.env.PROXY_RATE_LIMIT = '100000000';
  await import(path.join(root, 'dist-server', 'main.js'));
  serveParent({ port });
}

/** The edge worker in workerd: the same proxy handler, the platform fetch, a secret of its own. */
async function runWorkerd(port, stubPort) {
  const { randomBytes } = await import('node:crypto');
  const { Miniflare } = await import('miniflare');
  const miniflare = new Miniflare({
    modules: true,
    scriptPath: path.join(root, 'dist-edge', 'worker.js'),
    compatibilityDate: '2026-01-28',
    host: '127.0.0.1',
    port,
    bindings: {
      PROXY_TOKEN_SECRET: randomBytes(32).toString('base64url'),
      PROXY_ALLOWED_HOSTS: `127.0.0.1:${stubPort}`,
      PUBLIC_ORIGINS: `http://127.0.0.1:${port}`,
      // As for our Node server: the limit stays on, above what the benchmark sends.
      PROXY_RATE_LIMIT: '100000000',
    },
  });
  await miniflare.ready;
  // workerd is miniflare's own child: stop it before this process goes (the parent kills with SIGTERM).
  const stop = () => void miniflare.dispose().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  serveParent({ port });
}

// ---------------------------------------------------------------- parent

function start(role, args) {
  const child = fork(fileURLToPath(import.meta.url), [role, ...args.map(String)], {
    execArgv: ['--expose-gc'],
    // Our server prints one line per request: to /dev/null, as a daemon's stdout would be.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
    child.once('message', () => resolve(child));
  });
}

function ask(child, question) {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send(question);
  });
}

const heapOf = (child) => ask(child, 'heap');
/** CPU time (user + system, µs) the process has used so far. */
const cpuOf = async (child) => (await ask(child, 'cpu')).cpuMicros;

async function saturate(autocannon, target) {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: target.headers,
    body: REQUEST_BODY,
    connections: settings.connections,
    duration: settings.seconds,
  });
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * `count` requests one after another over one keep-alive connection; per-request times in ms.
 * The first `warmUp` are not counted (connection set-up, JIT).
 */
async function sequential(target, count, warmUp) {
  const { Agent, request } = await import('undici');
  const agent = new Agent({ connections: 1 });
  const times = [];
  try {
    for (let i = 0; i < count + warmUp; i++) {
      const started = process.hrtime.bigint();
      const answer = await request(target.url, {
        dispatcher: agent,
        method: 'POST',
        headers: target.headers,
        body: REQUEST_BODY,
      });
      await answer.body.text();
      if (answer.statusCode !== 200) throw new Error(`${target.name}: ${answer.statusCode}`);
      if (i >= warmUp) times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    await agent.close();
  }
  return times;
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (value, digits = 2) => value.toFixed(digits);

async function main() {
  for (const built of [
    ['dist-server', 'main.js'],
    ['dist-edge', 'worker.js'],
  ]) {
    if (!existsSync(path.join(root, ...built)))
      throw new Error(
        `${built.join('/')} is missing: run \`npm run bench:proxy\`, which builds it.`,
      );
  }
  const autocannon = (await import('autocannon')).default;
  const stubPort = settings.port;
  const oursPort = settings.port + 1;
  const corsPort = settings.port + 2;
  const workerdPort = settings.port + 3;
  const children = [];
  try {
    const stub = await start('stub', [stubPort]);
    children.push(stub);
    const ours = await start('ours', [oursPort, stubPort]);
    children.push(ours);
    const corsAnywhere = await start('cors-anywhere', [corsPort]);
    children.push(corsAnywhere);
    children.push(await start('workerd', [workerdPort, stubPort]));

    const stubUrl = `http://127.0.0.1:${stubPort}/oauth2/default/v1/token`;
    const session = await (await fetch(`http://127.0.0.1:${oursPort}/api/session`)).json();
    const edgeSession = await (await fetch(`http://127.0.0.1:${workerdPort}/api/session`)).json();
    const common = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      authorization: AUTHORIZATION,
    };
    const targets = [
      { name: 'direct', url: stubUrl, headers: common, process: stub },
      {
        name: 'ours',
        url: `http://127.0.0.1:${oursPort}/api/proxy`,
        process: ours,
        headers: {
          ...common,
          'x-proxy-token': session.proxyToken,
          'x-proxy-target': stubUrl,
          origin: `http://127.0.0.1:${oursPort}`,
          'sec-fetch-site': 'same-origin',
        },
      },
      {
        name: 'workerd',
        url: `http://127.0.0.1:${workerdPort}/api/proxy`,
        headers: {
          ...common,
          'x-proxy-token': edgeSession.proxyToken,
          'x-proxy-target': stubUrl,
          origin: `http://127.0.0.1:${workerdPort}`,
          'sec-fetch-site': 'same-origin',
        },
      },
      {
        name: 'cors-anywhere',
        url: `http://127.0.0.1:${corsPort}/${stubUrl}`,
        process: corsAnywhere,
        headers: { ...common, origin: 'http://127.0.0.1:9999' },
      },
    ];

    const heapBefore = await heapOf(ours);
    const rps = Object.fromEntries(targets.map((target) => [target.name, []]));
    const failures = Object.fromEntries(targets.map((target) => [target.name, 0]));
    // CPU time the serving process spent per request under load: unlike req/s, it does not
    // depend on how much of the machine the process got. (workerd is miniflare's own child.)
    const cpuPerRequest = Object.fromEntries(targets.map((target) => [target.name, []]));
    for (let round = 1; round <= settings.rounds; round++) {
      // Rotate the order so no one always runs first (or right after the busiest).
      const order = targets.map((_, i) => targets[(i + round) % targets.length]);
      for (const target of order) {
        const cpuBefore = target.process ? await cpuOf(target.process) : 0;
        const result = await saturate(autocannon, target);
        if (target.process)
          cpuPerRequest[target.name].push(
            ((await cpuOf(target.process)) - cpuBefore) / result.requests,
          );
        rps[target.name].push(result.rps);
        failures[target.name] += result.non2xx + result.errors;
        console.log(
          `round ${round} ${target.name.padEnd(14)} ${fmt(result.rps, 0).padStart(7)} req/s`,
        );
      }
    }
    const heapAfter = await heapOf(ours);

    // Latency in interleaved slices too, so a burst of load from elsewhere hits every target.
    const slices = 5;
    const latency = Object.fromEntries(targets.map((target) => [target.name, []]));
    for (let slice = 0; slice < slices; slice++) {
      const order = targets.map((_, i) => targets[(i + slice) % targets.length]);
      for (const target of order)
        latency[target.name].push(
          ...(await sequential(target, Math.ceil(settings.sequential / slices), 50)),
        );
    }
    for (const times of Object.values(latency)) times.sort((a, b) => a - b);

    const direct = latency.direct;
    const corsRps = median(rps['cors-anywhere']);
    const oursRps = median(rps.ours);
    console.log(
      `\n${settings.connections} connections, ${settings.rounds} interleaved rounds of ${settings.seconds} s (median); ` +
        `${settings.sequential} sequential requests per target for latency, in ${slices} interleaved slices.\n`,
    );
    const corsCpu = median(cpuPerRequest['cors-anywhere']);
    console.log(
      'target          req/s   vs Node host   vs cors-anywhere   CPU µs/req   CPU vs cors-anywhere   failures   p50 ms   p99 ms   added p50   added p99',
    );
    for (const target of targets) {
      const times = latency[target.name];
      const p50 = percentile(times, 0.5);
      const p99 = percentile(times, 0.99);
      const addedP50 = target.name === 'direct' ? '' : fmt(p50 - percentile(direct, 0.5), 3);
      const addedP99 = target.name === 'direct' ? '' : fmt(p99 - percentile(direct, 0.99), 3);
      const cpu = cpuPerRequest[target.name].length ? median(cpuPerRequest[target.name]) : NaN;
      console.log(
        `${target.name.padEnd(14)} ${fmt(median(rps[target.name]), 0).padStart(6)}   ${`${fmt(median(rps[target.name]) / oursRps)}x`.padStart(12)}   ${`${fmt(median(rps[target.name]) / corsRps)}x`.padStart(16)}   ${(Number.isNaN(cpu) ? 'n/a' : fmt(cpu, 1)).padStart(10)}   ${(Number.isNaN(cpu) ? '' : `${fmt(cpu / corsCpu)}x`).padStart(20)}   ${String(failures[target.name]).padStart(8)}   ${fmt(p50, 3).padStart(6)}   ${fmt(p99, 3).padStart(6)}   ${addedP50.padStart(9)}   ${addedP99.padStart(9)}`,
      );
    }
    const mb = (bytes) => `${fmt(bytes / 1024 / 1024, 1)} MB`;
    console.log(
      `\nour server's heap after forced GC: ${mb(heapBefore.heapUsed)} before the load, ${mb(heapAfter.heapUsed)} after ` +
        `(growth ${mb(heapAfter.heapUsed - heapBefore.heapUsed)}); RSS ${mb(heapAfter.rss)}.`,
    );
  } finally {
    for (const child of children) child.kill();
  }
}

const [role, ...args] = process.argv.slice(2);
if (role === 'stub') await runStub(Number(args[0]));
else if (role === 'cors-anywhere') await runCorsAnywhere(Number(args[0]));
else if (role === 'ours') await runOurs(Number(args[0]), Number(args[1]));
else if (role === 'workerd') await runWorkerd(Number(args[0]), Number(args[1]));
else await main();
