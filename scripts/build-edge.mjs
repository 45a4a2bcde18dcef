// Bundles the edge worker (server/edge/worker.ts and everything it imports, packages included)
// into one module, dist-edge/worker.js, for workerd. `wrangler deploy` bundles the same entry
// itself; this is for the local run (`npm run start:edge`), the tests and the benchmark. Also
// bundles, for Node, the local run's own pieces: dist-edge/edge-network.js (its outbound network)
// and dist-edge/edge-front.js (its stand-in for Cloudflare's edge in front of workerd).
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
    ssr: true,
    outDir: path.join(root, 'dist-edge'),
    emptyOutDir: false,
    target: 'node20',
    rollupOptions: {
      input: {
        'edge-network': path.join(root, 'server', 'node', 'edge-network.ts'),
        'edge-front': path.join(root, 'server', 'node', 'edge-front.ts'),
      },
      output: { entryFileNames: '[name].js' },
    },
  },
});
