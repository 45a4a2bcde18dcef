import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from './static-files.ts';

const root = path.resolve('/srv/dist');

describe('resolveStaticPath', () => {
  it('maps / to index.html and paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-abc123.js')).toBe(
      path.join(root, 'assets/index-abc123.js'),
    );
    expect(resolveStaticPath(root, '/favicon%20copy.svg')).toBe(
      path.join(root, 'favicon copy.svg'),
    );
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/..%2fetc%2fpasswd',
    '/assets/..%2F..%2Fetc/passwd',
    '/..\\etc\\passwd',
    '/%5c..%5cetc',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (urlPath) => {
    expect(resolveStaticPath(root, urlPath)).toBeUndefined();
  });
});
