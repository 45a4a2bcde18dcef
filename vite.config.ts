/// <reference types="vitest/config" />
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { playgroundServer } from './server/vite-plugin.ts';
import { compressTextAssets } from './server/build/compress-assets.ts';
import { prerenderIndexHtml } from './server/build/prerender.ts';

/**
 * After the client build (not the server's `--ssr` one): the first screen prerendered into
 * `index.html`, then a brotli and a gzip copy of every text file, `index.html` included.
 */
function firstPaint(): Plugin {
  let root = '';
  let outDir = '';
  let isClientBuild = false;
  return {
    name: 'playground:first-paint',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
      isClientBuild = !config.build.ssr;
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        if (!isClientBuild) return;
        await prerenderIndexHtml(root, outDir);
        await compressTextAssets(outDir);
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), playgroundServer(), firstPaint()],
  build: {
    target: 'es2022',
    sourcemap: false,
    // No modulepreload polyfill on the first screen (about 0.3 KB gzip): every browser the es2022
    // target runs in but Safari before 17 preloads modules itself, and there a missing preload
    // only means the lazy chunks are fetched when imported, as they are without one.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // React in one chunk of its own: left to itself the bundler split it into three small
        // ones shared with the lazy parts, which cost the first screen about 0.5 KB of gzip and
        // a request each; one vendor chunk also stays cached across releases of the app's code.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Vitest's default outside watch mode is one worker fewer than the cores: one worker on the
    // two-core CI machine. The files are independent (servers on ephemeral ports), so use both.
    maxWorkers: 2,
  },
});
