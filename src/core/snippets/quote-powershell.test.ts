import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePowerShell, verbatimValue } from '../test-support/powershell-grammar.ts';
import { shellSpecialCharacter } from '../test-support/shell.ts';
import { tokenRequestFor } from '../test-support/snippet-cases.ts';
import { curlPowerShell } from './curl-powershell.ts';
import { powerShellInvokeRestMethod } from './powershell-invoke-restmethod.ts';
import { quotePowerShell } from './quote-powershell.ts';

// No PowerShell installs here, so generated code is parsed with the real PowerShell grammar
// (tree-sitter-powershell): each value must come out as exactly one verbatim string literal
// whose contents are the value, and the whole script must parse without an error node.

const TYPOGRAPHIC_QUOTES = /[\u2018-\u201b]/;
const unit = fc.oneof(
  shellSpecialCharacter,
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const psString = fc
  .string({ unit, maxLength: 24 })
  .filter((s) => !s.includes('\0') && !TYPOGRAPHIC_QUOTES.test(s));

describe('quotePowerShell, parsed by the PowerShell grammar', () => {
  async function roundTrip(values: readonly string[]): Promise<void> {
    const script = values.map((v) => `Write-Output ${quotePowerShell(v)}`).join('\n');
    const parsed = await parsePowerShell(script);
    expect(parsed.hasError).toBe(false);
    expect(parsed.otherLiterals).toEqual([]);
    expect(parsed.verbatimLiterals.map(verbatimValue)).toEqual(values);
  }

  it('hand-picked strings', async () => {
    await roundTrip([
      '',
      "'",
      "''",
      "it's",
      '"$env:PATH"',
      '`n',
      '$(Get-Date)',
      '@{}',
      'a\nb',
      '\r\n',
      '#x',
      '%x%',
      '{0}',
    ]);
  });

  it('random strings, in batches (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(psString, { minLength: 1, maxLength: 30 }), roundTrip),
      { numRuns: 30 },
    );
  });

  it('doubles the typographic single quotes PowerShell also reads as quotes (about_Quoting_Rules)', () => {
    expect(quotePowerShell('a\u2019b')).toBe("'a\u2019\u2019b'");
    expect(quotePowerShell('\u2018x\u201a\u201b')).toBe("'\u2018\u2018x\u201a\u201a\u201b\u201b'");
  });
});

const credential = fc
  .string({ unit, minLength: 1, maxLength: 12 })
  .filter((s) => !s.includes('\0') && !TYPOGRAPHIC_QUOTES.test(s));
const requestSpec = fc.record({
  url: psString.map((s) => `https://auth.example.com/${s}`),
  clientId: credential,
  clientSecret: credential,
  scope: psString,
  auth: fc.constantFrom('basic' as const, 'post' as const),
  encoding: fc.constantFrom('raw' as const, 'form' as const),
});

describe('the PowerShell snippets, parsed by the PowerShell grammar (property)', () => {
  it('curl.exe: the URL, each header line and the body are the literals, in order', async () => {
    await fc.assert(
      fc.asyncProperty(requestSpec, async (spec) => {
        const request = tokenRequestFor(spec);
        const parsed = await parsePowerShell(curlPowerShell(request).code);
        expect(parsed.hasError).toBe(false);
        expect(parsed.verbatimLiterals.map(verbatimValue)).toEqual([
          request.url,
          ...request.headers.map(([name, value]) => `${name}: ${value}`),
          request.body,
        ]);
      }),
      { numRuns: 60 },
    );
  });

  it('Invoke-RestMethod: URL, header names and values, content type and body are the literals', async () => {
    await fc.assert(
      fc.asyncProperty(requestSpec, async (spec) => {
        const request = tokenRequestFor(spec);
        const parsed = await parsePowerShell(powerShellInvokeRestMethod(request));
        expect(parsed.hasError).toBe(false);
        expect(parsed.verbatimLiterals.map(verbatimValue)).toEqual([
          request.url,
          ...request.headers.filter(([name]) => name !== 'content-type').flat(),
          'application/x-www-form-urlencoded',
          request.body,
        ]);
      }),
      { numRuns: 60 },
    );
  });
});
