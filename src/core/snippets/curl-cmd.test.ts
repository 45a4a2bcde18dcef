import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellSpecialCharacter } from '../test-support/shell.ts';
import { tokenRequestFor } from '../test-support/snippet-cases.ts';
import { curlCmd } from './curl-cmd.ts';
import { cmdCannotCarry, quoteCmd } from './quote-cmd.ts';

// No cmd.exe here: golden files (registry.test.ts) plus this test of the two layers a command
// typed into cmd.exe goes through, each written from its documentation, not from the quoter:
// 1. cmd.exe: `"` toggles quoting; outside quotes `& | < > ( )` and `^` are special, and `^` at
//    the end of a line joins the next line (its first character taken literally).
// 2. curl.exe splits its command line by the Microsoft C runtime rules ("Parsing C command-line
//    arguments"): white space separates arguments outside quotes; 2n backslashes before `"` give
//    n backslashes and a quote toggle, 2n+1 give n backslashes and a literal `"`.

function joinCaretLines(command: string): string {
  return command.replace(/\^\n/g, '');
}

/** Characters outside double quotes in a cmd.exe line. */
function outsideQuotes(line: string): string {
  let inside = false;
  let out = '';
  for (const c of line) {
    if (c === '"') inside = !inside;
    else if (!inside) out += c;
  }
  return out;
}

function msvcArguments(commandLine: string): string[] {
  const args: string[] = [];
  let current = '';
  let inArgument = false;
  let quoted = false;
  for (let i = 0; i < commandLine.length; i++) {
    const c = commandLine[i]!;
    if (c === '\\') {
      let count = 0;
      while (commandLine[i] === '\\') {
        count++;
        i++;
      }
      if (commandLine[i] === '"') {
        current += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) current += '"';
        else quoted = !quoted;
      } else {
        current += '\\'.repeat(count);
        i--;
      }
      inArgument = true;
    } else if (c === '"') {
      quoted = !quoted;
      inArgument = true;
    } else if ((c === ' ' || c === '\t') && !quoted) {
      if (inArgument) args.push(current);
      current = '';
      inArgument = false;
    } else {
      current += c;
      inArgument = true;
    }
  }
  if (inArgument) args.push(current);
  return args;
}

const unit = fc.oneof(
  shellSpecialCharacter,
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
);
const carried = fc.string({ unit, maxLength: 20 }).filter((s) => cmdCannotCarry(s) === undefined);

describe('cmdCannotCarry', () => {
  it.each([
    ['a"b', 'a double quote (")'],
    ['100%', 'a percent sign (%)'],
    ['a\nb', 'a line break'],
    ['a\rb', 'a line break'],
    ['a\0b', 'a NUL character'],
  ])('%j: %s', (value, reason) => expect(cmdCannotCarry(value)).toBe(reason));

  it('carries everything else, cmd metacharacters and ! included', () => {
    expect(cmdCannotCarry("&|<>()^!'`$ \t\\é")).toBeUndefined();
  });
});

describe('quoteCmd', () => {
  it('doubles trailing backslashes only', () => {
    expect(quoteCmd('a\\b')).toBe('"a\\b"');
    expect(quoteCmd('dir\\')).toBe('"dir\\\\"');
  });

  it('every value it may quote stays inside the quotes for cmd.exe and comes back whole from the C runtime (property)', () => {
    fc.assert(
      fc.property(carried, (value) => {
        const quoted = quoteCmd(value);
        expect(outsideQuotes(quoted)).toBe('');
        expect(msvcArguments(`curl ${quoted} next`)).toEqual(['curl', value, 'next']);
      }),
      { numRuns: 500 },
    );
  });
});

const field = fc.string({ unit, maxLength: 12 });
const spec = fc.record({
  url: carried.map((s) => `https://auth.example.com/${s}`),
  clientId: field,
  clientSecret: field,
  scope: field,
  auth: fc.constantFrom('basic' as const, 'post' as const),
  encoding: fc.constantFrom('raw' as const, 'form' as const),
});

describe('curlCmd: the whole command', () => {
  it('arguments reach curl exactly, and the body fields decode to the request body (property)', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const request = tokenRequestFor(s);
        const { code, warnings } = curlCmd(request);
        const fields = [...new URLSearchParams(request.body)];
        if (fields.some(([, value]) => cmdCannotCarry(value))) {
          expect(code).toBe('');
          expect(warnings.map((w) => w.code)).toContain('cmd-cannot-carry');
          return;
        }
        const line = joinCaretLines(code);
        expect(line).not.toContain('\n');
        // Outside the quotes only flags and the continuation spaces: no metacharacter acts.
        expect(outsideQuotes(line)).toMatch(/^[A-Za-z -]*$/);
        expect(msvcArguments(line)).toEqual([
          'curl',
          '--request',
          'POST',
          '--url',
          request.url,
          ...request.headers.flatMap(([name, value]) => ['--header', `${name}: ${value}`]),
          ...fields.flatMap(([name, value]) => ['--data-urlencode', `${name}=${value}`]),
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('names the part it cannot carry, never its value', () => {
    const { code, warnings } = curlCmd(
      tokenRequestFor({
        url: 'https://h/t',
        clientId: 'id',
        clientSecret: 'pa%ss"word',
        scope: '',
        auth: 'post',
        encoding: 'raw',
      }),
    );
    expect(code).toBe('');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('the client_secret field');
    expect(warnings[0]?.message).not.toContain('pa%ss');
  });
});
