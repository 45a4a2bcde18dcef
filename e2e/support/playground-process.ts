import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const READY_LINE = /Playground (?:\(edge\) )?ready at (http:\/\/\S+?)\/?$/m;

export interface PlaygroundProcessOptions {
  /** Extra environment for the server (PROXY_ALLOWED_HOSTS, …). */
  env?: Record<string, string>;
  /** Preload the heap probe (and expose gc) so `heapUsedAfterGc()` works. */
  heapProbe?: boolean;
  /** `edge`: `npm run start:edge` (workerd through miniflare) instead of `npm start`. */
  runtime?: 'node' | 'edge';
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface PlaygroundProcess {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  /** Everything the process printed so far, stdout and stderr interleaved in arrival order. */
  output: () => string;
  /** The process's stdout lines so far. */
  stdoutLines: () => string[];
  /** How the process ended, while the test was still using it; undefined while it runs. */
  exited: () => ExitInfo | undefined;
  /** The server's `heapUsed` after a forced full collection (needs `heapProbe`). */
  heapUsedAfterGc: () => Promise<number>;
  /** SIGTERM, then SIGKILL after 3 s; resolves when the process is gone. */
  stop: () => Promise<void>;
}

/**
 * Starts the playground exactly as `npm start` does (`node scripts/start.mjs`: the built
 * dist-server/main.js, rebuilt first when stale) in a child process on an ephemeral port.
 *
 * A child process, not the server module inside the test runner: the defects these suites hunt
 * end the whole process (an uncaught exception), and only a separate process lets a test see that
 * it died, and go on to report the other faults. `PROXY_RATE_LIMIT=0` (no limit) unless the caller says
 * otherwise: these suites send thousands of requests from one client on purpose.
 */
export async function startPlaygroundProcess(
  options: PlaygroundProcessOptions = {},
): Promise<PlaygroundProcess> {
  const nodeFlags = options.heapProbe
    ? ['--expose-gc', '--import', fileURLToPath(new URL('./heap-probe.mjs', import.meta.url))]
    : [];
  const script = options.runtime === 'edge' ? 'scripts/start-edge.mjs' : 'scripts/start.mjs';
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, script], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      PROXY_RATE_LIMIT: '0',
      PUBLIC_ORIGINS: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  let stdout = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    output += chunk;
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk: string) => (output += chunk));
  let exitInfo: ExitInfo | undefined;
  let stopping = false;
  const exited = new Promise<ExitInfo>((resolve) =>
    child.once('exit', (code, signal) => {
      const info = { code, signal };
      if (!stopping) exitInfo = info;
      resolve(info);
    }),
  );

  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the playground did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = () => {
      const match = READY_LINE.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    void exited.then((info) => {
      clearTimeout(timer);
      reject(
        new Error(`the playground exited before it was ready (${describeExit(info)}):\n${output}`),
      );
    });
  });

  return {
    origin,
    port: Number(new URL(origin).port),
    output: () => output,
    stdoutLines: () => stdout.split('\n').filter((line) => line !== ''),
    exited: () => exitInfo,
    heapUsedAfterGc: () =>
      new Promise<number>((resolve, reject) => {
        if (!options.heapProbe) {
          reject(new Error('start the playground with heapProbe: true to measure its heap'));
          return;
        }
        const onMessage = (message: unknown) => {
          if (typeof message === 'object' && message !== null && 'heapUsed' in message) {
            child.off('message', onMessage);
            resolve(Number(message.heapUsed));
          }
        };
        child.on('message', onMessage);
        child.send('heap');
      }),
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const force = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(force);
    },
  };
}

export function describeExit(info: ExitInfo): string {
  return info.signal ? `killed by ${info.signal}` : `exit code ${info.code}`;
}
