import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findCommand,
  runShell,
  SHELL_ENV,
  shellSpecialCharacter,
  splitNulTerminated,
} from '../test-support/shell.ts';
import { tokenRequestFor } from '../test-support/snippet-cases.ts';
import { httpie } from './httpie.ts';

// HTTPie is not installed here: a stand-in `http` prints its arguments NUL-separated, so the test
// proves what bash and zsh hand to HTTPie (it prints the argument count first).
const fakeBin = mkdtempSync(join(tmpdir(), 'httpie-test-'));
writeFileSync(
  join(fakeBin, 'http'),
  '#!/bin/sh\nprintf \'%s\\0\' "$#"\nfor arg in "$@"; do printf \'%s\\0\' "$arg"; done\n',
);
chmodSync(join(fakeBin, 'http'), 0o755);
afterAll(() => rmSync(fakeBin, { recursive: true, force: true }));

const bash = findCommand('bash');
const zsh = findCommand('zsh');
const unit = fc.oneof(
  shellSpecialCharacter,
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const text = fc.string({ unit, maxLength: 12 }).filter((s) => !s.includes('\0'));
const spec = fc.record({
  url: text.map((s) => `https://auth.example.com/${s}`).filter((s) => s.trim() === s),
  clientId: text,
  clientSecret: text,
  scope: text,
  auth: fc.constantFrom('basic' as const, 'post' as const),
  encoding: fc.constantFrom('raw' as const, 'form' as const),
});

function check(
  shell: string,
  args: readonly string[],
  specs: ReadonlyArray<Parameters<typeof tokenRequestFor>[0]>,
): void {
  const requests = specs.map(tokenRequestFor);
  const output = runShell(shell, args, requests.map(httpie).join('\n'), {
    ...SHELL_ENV,
    PATH: fakeBin,
  });
  const fields = splitNulTerminated(output);
  const calls: string[][] = [];
  for (let i = 0; i < fields.length; i += 1 + Number(fields[i])) {
    calls.push(fields.slice(i + 1, i + 1 + Number(fields[i])));
  }
  expect(calls).toEqual(
    requests.map((r) => [
      '--ignore-stdin',
      'POST',
      r.url,
      ...r.headers.map(([n, v]) => `${n}:${v}`),
      '--raw',
      r.body,
    ]),
  );
}

describe.each([
  ['bash', bash, ['-c']],
  ['zsh', zsh, ['-f', '-c']],
] as const)(
  'httpie: the command in %s passes exactly the expected arguments',
  (_name, shell, args) => {
    it.runIf(shell)('random requests, in batches (property)', () => {
      fc.assert(
        fc.property(fc.array(spec, { minLength: 1, maxLength: 15 }), (specs) =>
          check(shell ?? 'bash', args, specs),
        ),
        { numRuns: 6 },
      );
    });
  },
);
