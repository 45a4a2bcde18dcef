// Shared by `npm start` and `npm run start:edge`: where the project is, and whether a build is
// missing or older than its sources (then the start scripts build first).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fromRoot = (...parts) => path.join(root, ...parts);

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

/**
 * Why `outputs` (absolute paths) must be built again, or undefined when they are all there and
 * newer than every source.
 */
export function staleReason(outputs) {
  const missing = outputs.find((output) => !existsSync(output));
  if (missing) return `${path.relative(root, missing)} is missing`;
  const built = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  const changed = SOURCES.find((source) => newestMtime(fromRoot(source)) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}
