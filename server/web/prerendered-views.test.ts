import { describe, expect, it } from 'vitest';
import { pageForQuery } from './prerendered-views.ts';

describe('pageForQuery', () => {
  it('serves the default page without parameters', () => {
    expect(pageForQuery('')).toBe('index.html');
  });

  it('serves a prerendered view for exactly its query string', () => {
    expect(pageForQuery('?embed=1')).toBe('view-embed.html');
    expect(pageForQuery('?embed=1&guided=1')).toBe('view-embed-guided.html');
    expect(pageForQuery('?embed=1&guided=1&demo=1')).toBe('view-embed-guided-demo.html');
  });

  it('serves the default page for any other query, which the app then applies', () => {
    expect(pageForQuery('?embed=1&clientId=abc')).toBe('index.html');
    expect(pageForQuery('?embed=1&theme=dark')).toBe('index.html');
    expect(pageForQuery('?embed=0')).toBe('index.html');
    expect(pageForQuery('?guided=1&embed=1')).toBe('index.html');
  });
});
