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

describe('the import-direction rule (GUIDE §2)', () => {
  it.each([
    ['src/app/App.tsx', "import { x } from '../features/send/SendPanel.tsx';"],
    ['src/features/send/SendPanel.tsx', "import { x } from '../../components/CopyButton.tsx';"],
    ['src/features/send/SendPanel.tsx', "import { x } from './session.ts';"],
    ['src/components/Notices.tsx', "import { x } from '../core/credential-checks.ts';"],
    ['src/core/token-response.ts', "import { z } from 'zod';"],
    ['src/core/credentials.test.ts', "import fc from 'fast-check';"],
    ['src/core/test-support/shell.ts', "import { execFileSync } from 'node:child_process';"],
    ['server/proxy/handler.ts', "import { x } from '../../src/core/token-response.ts';"],
  ])('allows %s: %s', (file, code) => {
    expect(problems(file, code)).toEqual([]);
  });

  it.each([
    [
      'src/core/credentials.ts',
      "import { x } from '../features/send/SendPanel.tsx';",
      'features/send',
    ],
    ['src/core/credentials.ts', "import React from 'react';", 'package "react"'],
    ['src/core/credentials.ts', "import { readFileSync } from 'node:fs';", 'package "node:fs"'],
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
  ])('refuses %s: %s', (file, code, what) => {
    const found = problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`must not import ${what}`);
  });
});
