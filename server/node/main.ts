import { fileURLToPath } from 'node:url';
import { startPlaygroundServer, type PlaygroundServer } from './create-server.ts';
import { EnvError, parseServerEnv, type ServerEnv } from './env.ts';
import { createLineWriter, formatProxyLogLine } from './log-lines.ts';

// The standalone server (`npm start`). Built to dist-server/main.js, which serves ../dist.
// Importing this module starts the server: scripts/start.mjs does exactly that.

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));

function readEnv(): ServerEnv {
  try {
    return parseServerEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function start(env: ServerEnv): Promise<PlaygroundServer> {
  try {
    return await startPlaygroundServer({
      host: env.HOST,
      port: env.PORT,
      distDir,
      allowedHosts: env.PROXY_ALLOWED_HOSTS,
      publicOrigins: env.PUBLIC_ORIGINS,
      frameAncestors: env.FRAME_ANCESTORS,
      proxy: {
        timeoutMs: env.PROXY_TIMEOUT_MS,
        rateLimit:
          env.PROXY_RATE_LIMIT === 0 ? false : { limit: env.PROXY_RATE_LIMIT, windowMs: 60_000 },
      },
      onLog: (entry) => logLines.line(formatProxyLogLine(entry)),
    });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'EADDRINUSE')
      console.error(`Port ${env.PORT} on ${env.HOST} is already in use: set PORT to another port.`);
    else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      console.error(`HOST=${env.HOST} is not an address of this machine.`);
    else if (code === 'EACCES')
      console.error(`Not allowed to listen on port ${env.PORT}: choose a port above 1023.`);
    else
      console.error(
        'The playground could not start:',
        error instanceof Error ? error.message : error,
      );
    process.exit(1);
  }
}

const logLines = createLineWriter((text) => process.stdout.write(text));
const env = readEnv();
const playground = await start(env);
console.log(`Playground ready at ${playground.origin}/`);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) process.exit(1); // a second Ctrl-C does not wait
  stopping = true;
  logLines.flush();
  console.log(`${signal} received, stopping the playground.`);
  await playground.close();
  process.exit(0);
}
process.on('SIGINT', (signal) => void stop(signal));
process.on('SIGTERM', (signal) => void stop(signal));
