import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNIPPET_CASES } from '../test-support/snippet-cases.ts';
import { findSnippetTarget, snippetTargets } from './registry.ts';

// Golden files: fixtures/<case>.<target> holds the code, fixtures/warnings.json the warning codes.
// They change only on purpose: run `UPDATE_GOLDEN=1 npx vitest run src/core/snippets/registry.test.ts`
// and review the diff.
const FIXTURES = join(import.meta.dirname, 'fixtures');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const WARNINGS_FILE = join(FIXTURES, 'warnings.json');
const goldenWarnings: Record<string, string[]> = existsSync(WARNINGS_FILE)
  ? (JSON.parse(readFileSync(WARNINGS_FILE, 'utf8')) as Record<string, string[]>)
  : {};

describe('the snippet registry', () => {
  it('has the targets the README lists, in tab order, with unique ids', () => {
    expect(snippetTargets.map((t) => t.label)).toEqual([
      'curl (bash)',
      'PowerShell (curl.exe)',
      'PowerShell (Invoke-RestMethod)',
      'cmd.exe (curl)',
      'HTTPie',
      'JavaScript (fetch)',
      'Python (requests)',
      'Python (urllib)',
      'Go (net/http)',
      'Java (HttpClient)',
    ]);
    expect(new Set(snippetTargets.map((t) => t.id)).size).toBe(snippetTargets.length);
    expect(findSnippetTarget('python-urllib')?.label).toBe('Python (urllib)');
    expect(findSnippetTarget('no-such-target')).toBeUndefined();
  });
});

describe.each(Object.entries(SNIPPET_CASES))('golden snippets: %s', (caseName, request) => {
  it.each(snippetTargets.map((t) => [t.id, t] as const))('%s', (id, target) => {
    const { code, warnings } = target.generate(request);
    const file = join(FIXTURES, `${caseName}.${id}`);
    const key = `${caseName}.${id}`;
    const codes = warnings.map((w) => w.code);
    if (UPDATE) {
      writeFileSync(file, code);
      goldenWarnings[key] = codes;
      writeFileSync(
        WARNINGS_FILE,
        `${JSON.stringify(goldenWarnings, Object.keys(goldenWarnings).sort(), 2)}\n`,
      );
    }
    expect(code).toBe(readFileSync(file, 'utf8'));
    expect(codes).toEqual(goldenWarnings[key] ?? []);
    // A target that cannot carry the request says why instead of emitting a command.
    if (code === '') expect(codes.length).toBeGreaterThan(0);
  });
});
