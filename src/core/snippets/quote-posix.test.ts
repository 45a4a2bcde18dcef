import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findCommand,
  runShell,
  shellStringUnit,
  splitNulTerminated,
} from '../test-support/shell.ts';
import { quotePosix } from './quote-posix.ts';

// The quoting is proven by running real shells: each quoted word goes through `printf '%s\0'`
// and the bytes that come out must be the UTF-8 of the original string. One shell process per
// batch of strings keeps this fast.

interface Shell {
  /** Runs `script`; returns its standard output. */
  readonly run: (script: string) => Buffer;
}

const bash = findCommand('bash');
const dash = findCommand('dash');
const zsh = findCommand(
  'zsh',
  'quote-posix.test.ts: zsh is not installed on this machine; the zsh round trip is SKIPPED (not passed).',
);

function roundTrip(shell: Shell, values: readonly string[]): void {
  const script = values.map((value) => `printf '%s\\0' ${quotePosix(value)}`).join('\n');
  const output = shell.run(script);
  expect(splitNulTerminated(output)).toEqual(values);
  expect(
    output.equals(
      Buffer.concat(values.map((v) => Buffer.concat([Buffer.from(v, 'utf8'), Buffer.from([0])]))),
    ),
  ).toBe(true);
}

// Strings dense in what shells treat specially, plus any code point (astral included), plus
// words made only of the characters quotePosix may leave bare. No NUL (no argument can carry
// it) and no lone surrogates (no UTF-8 form).
const shellString = fc.oneof(
  fc.string({ unit: shellStringUnit, maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !s.includes('\0')),
  fc.stringMatching(/^[A-Za-z0-9_@%+=:,./-]{1,12}$/),
);
const batch = fc.array(shellString, { minLength: 1, maxLength: 20 });

const HAND_PICKED = [
  '',
  ' ',
  "'",
  "''",
  '"',
  '\\',
  '\n',
  '=',
  '=ls',
  '==',
  'a=b',
  '-n',
  '--',
  '~',
  '~root',
  '$HOME',
  '`id`',
  '$(id)',
  '!!',
  '!$',
  'a\nb!!c',
  '*',
  '?',
  '[a]',
  '{a,b}',
  '#x',
  'x#',
  '\u{1f511}',
];

describe('quotePosix: the words it produces', () => {
  it.each([
    ['abc', 'abc'],
    ['dev-1.okta.com/oauth2:443', 'dev-1.okta.com/oauth2:443'],
    ['a=b', 'a=b'],
    ['', "''"],
    ['a b', "'a b'"],
    ["it's", "'it'\\''s'"],
    ["''", "''\\'''\\'''"],
    ['$HOME', "'$HOME'"],
    ['a\nb', "'a\nb'"],
    [
      'grant_type=client_credentials&scope=customScope',
      "'grant_type=client_credentials&scope=customScope'",
    ],
  ])('%j → %s', (value, expected) => {
    expect(quotePosix(value)).toBe(expected);
  });

  it("quotes a word that starts with '=' (zsh's EQUALS option turns =name into the path of a command)", () => {
    expect(quotePosix('=')).toBe("'='");
    expect(quotePosix('=ls')).toBe("'=ls'");
    expect(quotePosix('==x')).toBe("'==x'");
  });

  it('a bare word holds only characters no shell expands; anything else is single-quoted (property)', () => {
    fc.assert(
      fc.property(shellString, (value) => {
        const quoted = quotePosix(value);
        if (!quoted.startsWith("'")) {
          expect(quoted).toBe(value);
          expect(value).toMatch(/^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/);
        } else {
          expect(quoted.endsWith("'")).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe.runIf(bash)('quotePosix reproduces the exact bytes in bash', () => {
  const plain: Shell = { run: (script) => runShell(bash ?? 'bash', ['-c'], script) };
  // Read line by line with history expansion on, as an interactive bash reads a pasted command:
  // `!` must stay literal inside the quotes. The script comes from a file, not standard input
  // (stdin is never a pipe, see runShell); bash expands history there just the same.
  const scriptDir = mkdtempSync(join(tmpdir(), 'quote-posix-test-'));
  afterAll(() => rmSync(scriptDir, { recursive: true, force: true }));
  const withHistory: Shell = {
    run: (script) => {
      const file = join(scriptDir, 'script.sh');
      writeFileSync(file, `${script}\n`, 'utf8');
      return runShell(bash ?? 'bash', ['-o', 'history', '-H'], file);
    },
  };

  it('history expansion is on in the shell that reads like a paste', () => {
    expect(splitNulTerminated(withHistory.run("true\nprintf '%s\\0' X!!Y"))).toEqual(['XtrueY']);
  });

  it('hand-picked strings', () => {
    roundTrip(plain, HAND_PICKED);
    roundTrip(withHistory, HAND_PICKED);
  });

  it('random strings, in batches (property)', () => {
    fc.assert(
      fc.property(batch, (values) => {
        roundTrip(plain, values);
        roundTrip(withHistory, values);
      }),
      { numRuns: 12 },
    );
  });
});

describe.runIf(dash)('quotePosix reproduces the exact bytes in a POSIX sh (dash)', () => {
  const shell: Shell = { run: (script) => runShell(dash ?? 'dash', ['-c'], script) };

  it('hand-picked and random strings (property)', () => {
    roundTrip(shell, HAND_PICKED);
    fc.assert(
      fc.property(batch, (values) => roundTrip(shell, values)),
      { numRuns: 8 },
    );
  });
});

describe.skipIf(!zsh)(
  `quotePosix reproduces the exact bytes in zsh${zsh ? '' : ' — SKIPPED: zsh is not installed'}`,
  () => {
    const shell: Shell = { run: (script) => runShell(zsh ?? 'zsh', ['-f', '-c'], script) };

    it('hand-picked and random strings (property)', () => {
      roundTrip(shell, HAND_PICKED);
      fc.assert(
        fc.property(batch, (values) => roundTrip(shell, values)),
        { numRuns: 12 },
      );
    });
  },
);

describe('the shells this file needs', () => {
  it('bash exists here (the generated commands target bash and zsh)', () => {
    expect(bash).toBeDefined();
  });
});
