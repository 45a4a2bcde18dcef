/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { playgroundServer } from './server/vite-plugin.ts';
import { contentSecurityPolicy } from './server/web/security-headers.ts';

/**
 * The built page carries its own Content-Security-Policy, so it stays protected even when a
 * docs site serves `dist/` from a static host. Not in `vite dev`: React Refresh needs an
 * inline preamble there.
 */
function cspMeta(): Plugin {
  return {
    name: 'playground:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: contentSecurityPolicy(),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), cspMeta(), playgroundServer()],
  build: { target: 'es2022', sourcemap: false },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
