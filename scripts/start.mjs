// `npm start`: build when the build is missing or older than its sources, then run the
// standalone server (dist-server/main.js) in this same process, so stopping this PID stops it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fromRoot = (...parts) => path.join(root, ...parts);

/** Everything a build reads; a change to any of them makes the build stale. */
const SOURCES = [
  'src',
  'server',
  'public',
  'index.html',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
];
const OUTPUTS = [fromRoot('dist', 'index.html'), fromRoot('dist-server', 'main.js')];

/** The newest modification time under a file or folder (0 when absent). */
function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs; // a deleted file shows only as its folder's change
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function staleReason() {
  const missing = OUTPUTS.find((output) => !existsSync(output));
  if (missing) return `${path.relative(root, missing)} is missing`;
  const built = Math.min(...OUTPUTS.map((output) => statSync(output).mtimeMs));
  const changed = SOURCES.find((source) => newestMtime(fromRoot(source)) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

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

const reason = staleReason();
if (reason) {
  console.log(`Building the playground first (${reason})…`);
  // The same two steps as `npm run build`.
  runVite(['build']);
  runVite(['build', '--ssr', 'server/node/main.ts', '--outDir', 'dist-server']);
}

await import(pathToFileURL(fromRoot('dist-server', 'main.js')).href);
