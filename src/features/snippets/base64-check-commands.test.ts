import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Base64 } from '../../core/encoding/base64.ts';
import { bashBase64Command, powerShellBase64Command } from './base64-check-commands.ts';
import fixtures from '../../core/fixtures/credentials.json';
import { parsePowerShell, verbatimValue } from '../../core/test-support/powershell-grammar.ts';
import {
  findCommand,
  runShell,
  shellStringUnit,
  splitNulTerminated,
} from '../../core/test-support/shell.ts';

interface Vector {
  readonly name: string;
  readonly pairRaw: string;
  readonly rawB64: string;
  readonly wrapsGnuBase64: boolean;
  readonly powershellCmd: string;
}

function readVectors(entries: unknown): Vector[] {
  if (!Array.isArray(entries)) throw new Error('credentials.json is not an array');
  return entries
    .filter(
      (e): e is Record<string, unknown> =>
        typeof e === 'object' && e !== null && (e as Record<string, unknown>).kind === 'vector',
    )
    .map((e) => {
      const { name, pair_raw, raw_b64, wraps_gnu_base64_76, powershell_cmd } = e;
      if (typeof name !== 'string' || typeof pair_raw !== 'string' || typeof raw_b64 !== 'string')
        throw new Error('malformed vector');
      if (typeof wraps_gnu_base64_76 !== 'boolean' || typeof powershell_cmd !== 'string')
        throw new Error(`malformed vector ${name}`);
      return {
        name,
        pairRaw: pair_raw,
        rawB64: raw_b64,
        wrapsGnuBase64: wraps_gnu_base64_76,
        powershellCmd: powershell_cmd,
      };
    });
}
const vectors = readVectors(fixtures);

const bash = findCommand('bash');
const pwsh = findCommand(
  'pwsh',
  'base64-check-commands.test.ts: pwsh is not installed; the PowerShell command is parsed with the real PowerShell grammar (tree-sitter-powershell) instead of being run.',
  { optionalInCi: true },
);

/** Runs each command in one bash process (NUL after each); returns what each printed. */
function runInBash(commands: readonly string[]): string[] {
  const script = commands.map((command) => `${command}; printf '\\0'`).join('\n');
  return splitNulTerminated(runShell(bash ?? 'bash', ['-c'], script));
}

// Well-formed strings without NUL (a shell argument cannot hold it), dense in shell specials.
const pairString = fc.string({
  unit: fc.oneof(
    { arbitrary: shellStringUnit, weight: 2 },
    // the PowerShell single quotes (see below), often: their doubling is under test
    { arbitrary: fc.constantFrom("'", '\u2018', '\u2019', '\u201a', '\u201b'), weight: 1 },
  ),
  maxLength: 80,
});

// The grammar knows only the ASCII ' as a single quote; the typographic ones PowerShell also reads
// as quotes are checked by hand-written examples below.
const powerShellPairString = fc
  .string({
    unit: fc.oneof(
      { arbitrary: shellStringUnit, weight: 2 },
      { arbitrary: fc.constant("'"), weight: 1 },
    ),
    maxLength: 80,
  })
  .filter((pair) => !/[\u2018-\u201b]/.test(pair));

describe('bashBase64Command', () => {
  it('never uses echo (trailing newline) and removes line breaks of wrapping base64 implementations', () => {
    const command = bashBase64Command('id:secret');
    expect(command).toBe("printf '%s' id:secret | base64 | tr -d '\\n'");
    expect(command).not.toMatch(/\becho\b/);
  });

  it.runIf(bash)('prints the raw_b64 of every fixture vector (real bash, real base64)', () => {
    const outputs = runInBash(vectors.map((v) => bashBase64Command(v.pairRaw)));
    expect(outputs).toEqual(vectors.map((v) => v.rawB64));
    expect(vectors.map((v) => utf8Base64(v.pairRaw))).toEqual(vectors.map((v) => v.rawB64));
  });

  it.runIf(bash)('is right where GNU base64 wraps (the long-1000 vector)', () => {
    const long = vectors.find((v) => v.name === 'long-1000');
    expect(long?.wrapsGnuBase64).toBe(true);
    const pair = long?.pairRaw ?? '';
    // base64 without the tr does wrap here; the command's output does not.
    const [wrapped, command] = runInBash([
      `printf '%s' '${pair.replaceAll("'", `'\\''`)}' | base64`,
      bashBase64Command(pair),
    ]);
    expect(wrapped).toContain('\n');
    expect(command).not.toContain('\n');
    expect(command).toBe(long?.rawB64);
    expect(command?.length).toBeGreaterThan(1000);
  });

  it.runIf(bash)('prints utf8Base64(pair) for random strings, in batches (property)', () => {
    fc.assert(
      fc.property(fc.array(pairString, { minLength: 1, maxLength: 15 }), (pairs) => {
        const outputs = runInBash(pairs.map((pair) => bashBase64Command(pair)));
        expect(outputs).toEqual(pairs.map((pair) => Buffer.from(pair, 'utf8').toString('base64')));
        expect(outputs).toEqual(pairs.map((pair) => utf8Base64(pair)));
      }),
      { numRuns: 8 },
    );
  });
});

const PS_PREFIX = '[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(';
const PS_SUFFIX = '))';

describe('powerShellBase64Command', () => {
  it('is the command of the fixture for every vector', () => {
    expect(vectors.map((v) => powerShellBase64Command(v.pairRaw))).toEqual(
      vectors.map((v) => v.powershellCmd),
    );
  });

  it('doubles every kind of PowerShell single quote', () => {
    expect(powerShellBase64Command("it's")).toBe(`${PS_PREFIX}'it''s'${PS_SUFFIX}`);
    expect(powerShellBase64Command('a\u2018b\u2019c\u201ad\u201be')).toBe(
      `${PS_PREFIX}'a\u2018\u2018b\u2019\u2019c\u201a\u201ad\u201b\u201be'${PS_SUFFIX}`,
    );
    expect(powerShellBase64Command('$x `n "y"')).toBe(`${PS_PREFIX}'$x \`n "y"'${PS_SUFFIX}`);
  });

  it('parses with the real PowerShell grammar: one verbatim literal holding the exact pair (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(powerShellPairString, { minLength: 1, maxLength: 20 }),
        async (pairs) => {
          const commands = pairs.map((pair) => powerShellBase64Command(pair));
          const parsed = await parsePowerShell(commands.join('\n'));
          expect(parsed.hasError).toBe(false);
          expect(parsed.otherLiterals).toEqual([]);
          expect(parsed.verbatimLiterals.map(verbatimValue)).toEqual(pairs);
          // The literal is the whole argument: nothing of the pair leaks outside the quotes.
          expect(
            commands.map((command, index) =>
              command.replace(parsed.verbatimLiterals[index] ?? '', ''),
            ),
          ).toEqual(commands.map(() => `${PS_PREFIX}${PS_SUFFIX}`));
        },
      ),
      { numRuns: 40 },
    );
  });

  it.runIf(pwsh)(
    `prints utf8Base64(pair) in real PowerShell${pwsh ? '' : ' — SKIPPED: pwsh is not installed'} (property)`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'ps-base64-test-'));
      try {
        fc.assert(
          fc.property(fc.array(pairString, { minLength: 1, maxLength: 10 }), (pairs) => {
            const script = pairs
              .map((pair) => `[Console]::Out.Write(${powerShellBase64Command(pair)} + [char]0)`)
              .join('\n');
            const file = join(dir, 'check.ps1');
            writeFileSync(file, `\ufeff${script}\n`, 'utf8'); // a BOM: Windows PowerShell 5.1 reads BOM-less files as ANSI
            const output = execFileSync(
              pwsh ?? 'pwsh',
              ['-NoProfile', '-NonInteractive', '-File', file],
              { stdio: ['ignore', 'pipe', 'pipe'] },
            )
              .toString('latin1')
              .split('\0')
              .slice(0, -1);
            expect(output).toEqual(pairs.map((pair) => utf8Base64(pair)));
          }),
          { numRuns: 3 },
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
