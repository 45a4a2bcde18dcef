import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotePosix } from './quote-posix.ts';

// The quoting is proven by running real shells: each quoted word goes through `printf '%s\0'`
// and the bytes that come out must be the UTF-8 of the original string. One shell process per
// batch of strings keeps this fast.

/** A minimal environment: no BASH_ENV, ENV or rc file of the machine changes what runs. */
const SHELL_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  LC_ALL: 'C.UTF-8',
  HISTFILE: '/dev/null',
};

function findShell(name: string): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', `command -v ${name}`], {
        encoding: 'utf8',
        env: SHELL_ENV,
      }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

interface Shell {
  /** Runs `script`; returns its standard output. */
  readonly run: (script: string) => Buffer;
}

function shellFromArgs(path: string, args: readonly string[], viaStdin = false): Shell {
  return {
    run: (script) =>
      execFileSync(path, viaStdin ? [...args] : [...args, script], {
        env: SHELL_ENV,
        input: viaStdin ? script : undefined,
        // stdin not a pipe for -c: Node's pipes are sockets, and bash run with a socket as stdin
        // believes sshd started it and reads ~/.bashrc.
        stdio: [viaStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
        maxBuffer: 16 * 1024 * 1024,
      }),
  };
}

const bash = findShell('bash');
const dash = findShell('dash');
const zsh = findShell('zsh');
if (!zsh)
  console.warn(
    'quote-posix.test.ts: zsh is not installed on this machine; the zsh round trip is SKIPPED (not passed).',
  );

/** Splits NUL-terminated output into strings, rejecting any byte sequence that is not UTF-8. */
function splitNul(output: Buffer): string[] {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const parts: string[] = [];
  let start = 0;
  for (let end = output.indexOf(0, start); end !== -1; end = output.indexOf(0, start)) {
    parts.push(decoder.decode(output.subarray(start, end)));
    start = end + 1;
  }
  expect(start, 'output ends with NUL').toBe(output.length);
  return parts;
}

function roundTrip(shell: Shell, values: readonly string[]): void {
  const script = values.map((value) => `printf '%s\\0' ${quotePosix(value)}`).join('\n');
  const output = shell.run(script);
  expect(splitNul(output)).toEqual(values);
  expect(
    output.equals(
      Buffer.concat(values.map((v) => Buffer.concat([Buffer.from(v, 'utf8'), Buffer.from([0])]))),
    ),
  ).toBe(true);
}

// Strings dense in what shells treat specially, plus any code point (astral included), plus
// words made only of the characters quotePosix may leave bare. No NUL (no argument can carry
// it) and no lone surrogates (no UTF-8 form).
const special = fc.constantFrom(
  "'",
  '"',
  '$',
  '`',
  '!',
  '\\',
  '\n',
  '\t',
  '\r',
  ' ',
  '=',
  '~',
  '*',
  '?',
  '[',
  ']',
  '{',
  '}',
  '#',
  '%',
  '^',
  '&',
  ';',
  '|',
  '<',
  '>',
  '(',
  ')',
  '-',
  '@',
  ':',
  ',',
  '.',
  '/',
  '+',
  '$(',
  '${',
  '!!',
  '!$',
  "'\\''",
  '\\n',
  '\u00e9',
  '\u00a0',
  '\u{1f511}',
  '\u2018',
  '\u2019',
  '\ufeff',
);
const anyCodePoint = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 1 })
  .filter((c) => c !== '\0');
const shellString = fc.oneof(
  fc.string({ unit: fc.oneof(special, anyCodePoint), maxLength: 24 }),
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
  const plain = shellFromArgs(bash ?? 'bash', ['--norc', '--noprofile', '-c']);
  // Read from standard input with history expansion on, as an interactive bash reads a pasted
  // command: `!` must stay literal inside the quotes.
  const withHistory = shellFromArgs(
    bash ?? 'bash',
    ['--norc', '--noprofile', '-o', 'history', '-H', '-s'],
    true,
  );

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
  const shell = shellFromArgs(dash ?? 'dash', ['-c']);

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
    const shell = shellFromArgs(zsh ?? 'zsh', ['-f', '-c']);

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
