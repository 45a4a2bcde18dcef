import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findCommand, shellSpecialCharacter } from '../test-support/shell.ts';
import { quoteGo } from './quote-go.ts';
import { quoteJava } from './quote-java.ts';
import { quoteJavaScript } from './quote-javascript.ts';
import { quotePython } from './quote-python.ts';

// Each quoter is proven by its own language: a batch of literals goes through one interpreter
// process, which prints what it read as JSON (code units escaped), and that must be the input.

const python = findCommand(
  'python3',
  'quote-languages.test.ts: python3 is not installed; the Python round trip is SKIPPED.',
);
const java = findCommand(
  'java',
  'quote-languages.test.ts: java is not installed; the Java round trip is SKIPPED.',
);
const workDir = mkdtempSync(join(tmpdir(), 'quote-languages-test-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
const languageSpecial = fc.constantFrom(
  '\\u0041',
  '\\x41',
  '\\',
  '"',
  "'",
  '\u2028',
  '\u2029',
  '\u0085',
  '\ufeff',
  '\0',
  '\x7f',
  '\x1b',
  '${x}',
  '#{x}',
  '\\u000a',
  '*/',
  '\u00e9',
  '\u{1f511}',
);
const unit = fc.oneof(
  shellSpecialCharacter,
  languageSpecial,
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const anyString = fc.string({ unit: fc.oneof(unit, loneSurrogate), maxLength: 20 });
const wellFormedString = fc.string({ unit, maxLength: 20 });
const batch = (strings: fc.Arbitrary<string>) => fc.array(strings, { minLength: 1, maxLength: 40 });

const HAND_PICKED = [
  // javac 17 misread a backslash after a lone high surrogate escape (see quoteJava).
  '\ud800\\u0041',
  '\u{1f511}\\u0041',
  '',
  '"',
  '\\',
  '\\"',
  '\n',
  '\r\n',
  '\\u000a',
  '\\\\u0022',
  "it's",
  '\u2028',
  '\ud800',
  '\udc00x',
  '\u{1f511}',
  'a\0b',
];

describe('quoteJavaScript: node reads back every string', () => {
  function roundTrip(values: readonly string[]): void {
    const file = join(workDir, 'check.mjs');
    writeFileSync(
      file,
      `process.stdout.write(JSON.stringify([\n${values.map(quoteJavaScript).join(',\n')}\n]));\n`,
      'utf8',
    );
    const output = execFileSync(process.execPath, [file], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(values);
  }
  it('hand-picked and random strings, lone surrogates included (property)', () => {
    roundTrip(HAND_PICKED);
    fc.assert(
      fc.property(batch(anyString), (values) => roundTrip(values)),
      { numRuns: 8 },
    );
  });
});

describe.runIf(python)('quotePython: python3 reads back every string', () => {
  function roundTrip(values: readonly string[]): void {
    const file = join(workDir, 'check.py');
    writeFileSync(
      file,
      `import json, sys\nsys.stdout.write(json.dumps([\n${values.map(quotePython).join(',\n')}\n]))\n`,
      'utf8',
    );
    const output = execFileSync(python ?? 'python3', [file], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(values);
  }
  it('hand-picked and random strings, lone surrogates included (property)', () => {
    roundTrip(HAND_PICKED);
    fc.assert(
      fc.property(batch(anyString), (values) => roundTrip(values)),
      { numRuns: 8 },
    );
  });
});

describe.runIf(java)('quoteJava: java reads back every string (one JVM run)', () => {
  it('hand-picked and random strings (property sample in one batch)', () => {
    const values = [...HAND_PICKED, ...fc.sample(anyString, { numRuns: 300, seed: 7 })];
    const file = join(workDir, 'Check.java');
    // Prints each string's UTF-16 code units in hex, one string per line.
    writeFileSync(
      file,
      [
        'public class Check {',
        '  public static void main(String[] args) {',
        '    String[] values = {',
        values.map((v) => `      ${quoteJava(v)},`).join('\n'),
        '    };',
        '    StringBuilder out = new StringBuilder();',
        '    for (String v : values) {',
        "      for (int i = 0; i < v.length(); i++) out.append(Integer.toHexString(v.charAt(i))).append(' ');",
        "      out.append('\\n');",
        '    }',
        '    System.out.print(out);',
        '  }',
        '}',
      ].join('\n'),
      'utf8',
    );
    const output = execFileSync(java ?? 'java', ['-Dfile.encoding=UTF-8', file], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
    });
    const read = output
      .split('\n')
      .slice(0, -1)
      .map((line) =>
        String.fromCharCode(
          ...line
            .split(' ')
            .filter(Boolean)
            .map((h) => parseInt(h, 16)),
        ),
      );
    expect(read).toEqual(values);
  }, 60_000);
});

describe('quoteGo: the literals it writes (no Go toolchain here: checked against the spec by example)', () => {
  it.each([
    ['abc', '"abc"'],
    ['"\\', '"\\"\\\\"'],
    ['a\nb\r\tc', '"a\\nb\\r\\tc"'],
    ['\0\x1b\x7f', '"\\x00\\x1b\\x7f"'],
    ['é🔑', '"é🔑"'],
    ['`$x`', '"`$x`"'],
    ['\ud800', '"\ufffd"'],
  ])('%j → %s', (value, literal) => expect(quoteGo(value)).toBe(literal));

  it('a literal never holds a raw quote, backslash escape of anything but its own table, or a control character (property)', () => {
    fc.assert(
      fc.property(wellFormedString, (value) => {
        const inner = quoteGo(value).slice(1, -1);
        expect(inner).not.toMatch(/(^|[^\\])(\\\\)*"/);
        expect([...inner].some((c) => c.charCodeAt(0) < 0x20 || c === '\x7f')).toBe(false);
        expect(inner.replace(/\\(["\\nrt]|x[0-9a-f]{2})/g, '')).not.toContain('\\');
      }),
      { numRuns: 300 },
    );
  });
});
