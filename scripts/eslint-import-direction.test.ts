import { Linter } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDirection } from './eslint-import-direction.js';

const root = path.resolve(import.meta.dirname, '..');
const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { sourceType: 'module', ecmaVersion: 'latest' },
    plugins: { local: { rules: { 'import-direction': importDirection } } },
    rules: { 'local/import-direction': 'error' },
  },
];

/** The rule's messages for `code` written in the file at `file` (relative to the project root). */
function problems(file: string, code: string): string[] {
  return linter.verify(code, config, path.join(root, file)).map((message) => message.message);
}

describe('the import-direction rule', () => {
  it.each([
    ['src/app/App.tsx', "import { x } from '../features/send/SendPanel.tsx';"],
    ['src/features/send/SendPanel.tsx', "import { x } from '../../components/CopyButton.tsx';"],
    ['src/features/send/SendPanel.tsx', "import { x } from './session.ts';"],
    ['src/components/Notices.tsx', "import { x } from '../core/credentials/credential-checks.ts';"],
    ['src/core/token/token-response.ts', "import { z } from 'zod';"],
    ['src/core/credentials/credentials.test.ts', "import fc from 'fast-check';"],
    ['src/core/test-support/shell.ts', "import { execFileSync } from 'node:child_process';"],
    ['server/proxy/handler.ts', "import { x } from '../../src/core/token/token-response.ts';"],
    ['server/proxy/errors.ts', "import { x } from '../../src/core/proxy/proxy-protocol.ts';"],
    ['server/proxy/ip-address.ts', "import ipaddr from 'ipaddr.js';"],
    ['server/proxy/handler.test.ts', "import { createServer } from 'node:http';"],
    ['server/proxy/handler.test.ts', "import { x } from '../node/ssrf-guard.ts';"],
    ['server/demo-as/clients.ts', "import { x } from '../../src/core/proxy/proxy-protocol.ts';"],
    ['server/demo-as/provider.ts', "import { generateKeyPair } from 'node:crypto';"],
    ['server/node/main.ts', "import { x } from '../proxy/handler.ts';"],
    ['server/node/main.ts', "import { x } from '../demo-as/provider.ts';"],
    ['server/node/playground-routes.ts', "import { x } from '../demo-api/reports-api.ts';"],
    ['server/demo-api/access-token.ts', "import { jwtVerify } from 'jose';"],
    ['server/node/main.ts', "import { createServer } from 'node:http';"],
    ['server/vite-plugin.ts', "import { x } from './node/playground-routes.ts';"],
    ['server/node/static-files.ts', "import { x } from '../web/security-headers.ts';"],
    ['server/edge/worker.ts', "import { x } from '../proxy/fetch-handler.ts';"],
    ['server/edge/worker.ts', "import { x } from '../web/security-headers.ts';"],
    ['server/edge/worker.ts', "import { x } from '../static/asset-policy.ts';"],
    ['server/build/compress-assets.ts', "import { x } from '../static/asset-policy.ts';"],
    ['server/build/compress-assets.ts', "import { gzip } from 'node:zlib';"],
    ['src/services/proxy-client.ts', "import { x } from '../core/proxy/proxy-protocol.ts';"],
    ['src/services/proxy-client.ts', "import { useQuery } from '@tanstack/react-query';"],
    ['src/features/send/SendPanel.tsx', "import { x } from '../../services/proxy-client.ts';"],
    ['src/app/App.tsx', "import { x } from '../services/proxy-client.ts';"],
  ])('allows %s: %s', (file, code) => {
    expect(problems(file, code)).toEqual([]);
  });

  it.each([
    [
      'src/core/credentials/credentials.ts',
      "import { x } from '../../features/send/SendPanel.tsx';",
      'features/send',
    ],
    ['src/core/credentials/credentials.ts', "import React from 'react';", 'package "react"'],
    [
      'src/core/credentials/credentials.ts',
      "import { readFileSync } from 'node:fs';",
      'package "node:fs"',
    ],
    [
      'src/components/Notices.tsx',
      "import { x } from '../features/send/SendPanel.tsx';",
      'features/send',
    ],
    [
      'src/features/send/SendPanel.tsx',
      "import { x } from '../credentials/CredentialsSection.tsx';",
      'features/credentials',
    ],
    ['src/features/send/SendPanel.tsx', "import { x } from '../../app/form-state.ts';", 'app'],
    ['src/app/App.tsx', "import { x } from '../../server/proxy/handler.ts';", 'server'],
    [
      'server/proxy/handler.ts',
      "import { x } from '../../src/features/send/session.ts';",
      'features/send',
    ],
    [
      'src/features/send/SendPanel.tsx',
      "export { x } from '../credentials/CredentialsSection.tsx';",
      'features/credentials',
    ],
    ['src/app/App.tsx', "const m = import('../../server/node/main.ts');", 'server'],
    ['server/proxy/handler.ts', "import { lookup } from 'node:dns';", 'package "node:dns"'],
    ['server/static/asset-policy.ts', "import { readFile } from 'node:fs';", 'package "node:fs"'],
    ['server/static/asset-policy.ts', "import { x } from '../node/main.ts';", 'server/host'],
    ['server/edge/worker.ts', "import { x } from '../build/prerender.ts';", 'server/build'],
    ['server/proxy/handler.ts', "import { Buffer } from 'buffer';", 'package "buffer"'],
    ['server/proxy/session.ts', "import { x } from '../demo-as/clients.ts';", 'server/demo-as'],
    ['server/proxy/handler.ts', "import { x } from '../node/pinned-fetch.ts';", 'server/host'],
    ['server/demo-as/provider.ts', "import { x } from '../proxy/session.ts';", 'server/proxy'],
    ['server/edge/worker.ts', "import { x } from '../node/static-files.ts';", 'server/host'],
    ['server/edge/worker.ts', "import { x } from '../demo-as/provider.ts';", 'server/demo-as'],
    [
      'server/demo-api/reports-api.ts',
      "import { x } from '../demo-as/constants.ts';",
      'server/demo-as',
    ],
    [
      'server/demo-api/reports-api.ts',
      "import { webcrypto } from 'node:crypto';",
      'package "node:crypto"',
    ],
    ['server/edge/worker.ts', "import { readFile } from 'node:fs';", 'package "node:fs"'],
    ['server/web/security-headers.ts', "import { x } from '../proxy/handler.ts';", 'server/proxy'],
    [
      'src/services/proxy-client.ts',
      "import { x } from '../features/send/SendPanel.tsx';",
      'features/send',
    ],
    ['src/services/proxy-client.ts', "import { x } from '../app/form-state.ts';", 'app'],
    ['src/components/Notices.tsx', "import { x } from '../services/proxy-client.ts';", 'services'],
    ['src/core/token-request.ts', "import { x } from '../services/proxy-client.ts';", 'services'],
  ])('refuses %s: %s', (file, code, what) => {
    const found = problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`must not import ${what}`);
  });
});
