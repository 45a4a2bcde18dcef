// Test support (not shipped): running real shells from tests. The ESLint import-direction rule
// treats this folder as test code, and tsconfig.app/node exclude it.
import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';

/** A minimal environment: no BASH_ENV, ENV or rc file of the machine changes what runs. */
export const SHELL_ENV: Readonly<Record<string, string>> = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  LC_ALL: 'C.UTF-8',
  HISTFILE: '/dev/null',
};

/**
 * The path of command `name` (`command -v` in sh), or undefined where it is not installed; in
 * that case `warning` (what the test file skips or does instead; by default, that the tests
 * that run it are skipped) is printed, so a skip is never silent.
 *
 * Under CI (`CI` set) the command must be there: `.ci/run` installs every one, so a
 * missing one fails the run saying which, instead of skipping its tests in silence. Only
 * `optionalInCi` commands (PowerShell, which does not install on Debian; its test does something
 * else instead and says so) may be missing there.
 */
export function findCommand(
  name: string,
  warning?: string,
  options: { optionalInCi?: boolean } = {},
): string | undefined {
  let found: string | undefined;
  try {
    found =
      execFileSync('sh', ['-c', 'command -v "$1"', 'sh', name], {
        encoding: 'utf8',
        env: SHELL_ENV,
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || undefined;
  } catch {
    found = undefined;
  }
  if (!found) {
    const said = warning ?? `${name} is not installed: the tests that run it are SKIPPED.`;
    if (process.env.CI && !options.optionalInCi)
      throw new Error(
        `${name} is not installed, and CI runs every test: add it to .ci/run. (${said})`,
      );
    console.warn(said);
  }
  return found;
}

/**
 * Runs `path ...args script` and returns its standard output. Standard input is never a pipe:
 * Node's pipes are sockets, and bash run with a socket as stdin believes sshd started it and
 * reads ~/.bashrc. Where the shell is bash, `--norc --noprofile` go first as well.
 */
export function runShell(
  path: string,
  args: readonly string[],
  script: string,
  env: Readonly<Record<string, string>> = SHELL_ENV,
): Buffer {
  const rcFlags = basename(path) === 'bash' ? ['--norc', '--noprofile'] : [];
  return execFileSync(path, [...rcFlags, ...args, script], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** Splits NUL-terminated output into strings, rejecting any byte sequence that is not UTF-8. */
export function splitNulTerminated(output: Buffer): string[] {
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

/** What shells (and PowerShell's quoting) treat specially, plus a few non-ASCII look-alikes. */
const SHELL_SPECIAL_CHARACTERS: readonly string[] = [
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
  '\u201a',
  '\u201b',
  '\ufeff',
];

/** One of SHELL_SPECIAL_CHARACTERS: a string unit that makes random strings dense in specials. */
export const shellSpecialCharacter: fc.Arbitrary<string> = fc.constantFrom(
  ...SHELL_SPECIAL_CHARACTERS,
);

/** Any one code point (astral included) but NUL, which no shell argument can carry. */
const anyCodePointButNul: fc.Arbitrary<string> = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 1 })
  .filter((c) => c !== '\0');

/** One unit of a random string for a shell: a shell special or any code point but NUL, evenly. */
export const shellStringUnit: fc.Arbitrary<string> = fc.oneof(
  shellSpecialCharacter,
  anyCodePointButNul,
);
