// Bundles the edge worker (server/edge/worker.ts and everything it imports, packages included)
// into one module, dist-edge/worker.js, for workerd. `wrangler deploy` bundles the same entry
// itself; this is for the local run (`npm run start:edge`), the tests and the benchmark. Also
// bundles, for Node, dist-edge/edge-network.js: the local run's outbound network rules.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  // Workers resolve packages for a web worker, with no Node built-ins.
  resolve: { conditions: ['workerd', 'worker', 'browser', 'import', 'default'] },
  ssr: { noExternal: true, target: 'webworker' },
  build: {
    ssr: path.join(root, 'server', 'edge', 'worker.ts'),
    outDir: path.join(root, 'dist-edge'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { output: { entryFileNames: 'worker.js' } },
  },
});

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: path.join(root, 'server', 'node', 'edge-network.ts'),
    outDir: path.join(root, 'dist-edge'),
    emptyOutDir: false,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'edge-network.js' } },
  },
});
