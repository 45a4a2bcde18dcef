// `npm start`: build when the build is missing or older than its sources, then run the
// standalone server (dist-server/main.js) in this same process, so stopping this PID stops it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fromRoot, root, staleReason } from './build-freshness.mjs';

const OUTPUTS = [fromRoot('dist', 'index.html'), fromRoot('dist-server', 'main.js')];

function runVite(args) {
  const vite = fromRoot('node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    console.error('Vite is not installed: run `npm ci` (or `npm install`) first.');
    process.exit(1);
  }
  const result = spawnSync(process.execPath, [vite, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`The build failed (vite ${args.join(' ')}).`);
    process.exit(result.status ?? 1);
  }
}

const reason = staleReason(OUTPUTS);
if (reason) {
  console.log(`Building the playground first (${reason})…`);
  // The same two steps as `npm run build`.
  runVite(['build']);
  runVite(['build', '--ssr', 'server/node/main.ts', '--outDir', 'dist-server']);
}

await import(pathToFileURL(fromRoot('dist-server', 'main.js')).href);
