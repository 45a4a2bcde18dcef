import { describe, expect, it } from 'vitest';
import { canonicalQuery, pageForQuery, PRERENDERED_VIEWS } from './prerendered-views.ts';

describe('pageForQuery', () => {
  it('serves the default page without parameters', () => {
    expect(pageForQuery('')).toBe('index.html');
    expect(pageForQuery('?')).toBe('index.html');
  });

  it('serves a prerendered view for exactly its parameters, in any order', () => {
    expect(pageForQuery('?embed=1')).toBe('view-embed.html');
    expect(pageForQuery('?guided=1&embed=1')).toBe('view-embed-guided.html');
    expect(pageForQuery('?embed=1&demo=1&guided=1')).toBe('view-embed-guided-demo.html');
  });

  it('serves the default page for any other query, which the app then applies', () => {
    expect(pageForQuery('?embed=1&clientId=abc')).toBe('index.html');
    expect(pageForQuery('?embed=1&theme=dark')).toBe('index.html');
    expect(pageForQuery('?embed=0')).toBe('index.html');
    expect(pageForQuery('?embed=1&embed=1')).toBe('index.html');
  });

  it('keys every view by its canonical query', () => {
    for (const query of Object.keys(PRERENDERED_VIEWS)) expect(canonicalQuery(query)).toBe(query);
  });
});
