import { describe, expect, it } from 'vitest';
import {
  cacheControlFor,
  chooseEncoding,
  isCompressible,
  type StoredEncoding,
} from './asset-policy.ts';

const both = new Set<StoredEncoding>(['br', 'gzip']);

describe('chooseEncoding (RFC 9110 §12.5.3)', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=1.0, gzip;q=1', 'br'],
    ['*', 'br'],
    ['*;q=0.1, br;q=0', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['identity', null],
    ['deflate', null],
    ['', null],
  ] as const)('Accept-Encoding %j → %s', (header, expected) => {
    expect(chooseEncoding(header, both)).toBe(expected);
  });

  it('sends the original without the header, and only encodings the build wrote', () => {
    expect(chooseEncoding(undefined, both)).toBeNull();
    expect(chooseEncoding(null, both)).toBeNull();
    expect(chooseEncoding('br, gzip', new Set<StoredEncoding>(['gzip']))).toBe('gzip');
    expect(chooseEncoding('br, gzip', new Set<StoredEncoding>())).toBeNull();
  });
});

describe('what is compressed and how long it is cached', () => {
  it('compresses text, not already-compressed images or fonts', () => {
    for (const path of ['/index.html', '/assets/a-1.js', '/assets/a.CSS', '/favicon.svg'])
      expect(isCompressible(path), path).toBe(true);
    for (const path of ['/a.png', '/a.woff2', '/assets/a.js.br', '/README', '/.js'])
      expect(isCompressible(path), path).toBe(false);
  });

  it('caches hashed assets for good and revalidates the rest', () => {
    expect(cacheControlFor('/assets/index-abc.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/')).toBe('no-cache');
    expect(cacheControlFor('/index.html')).toBe('no-cache');
    expect(cacheControlFor('/favicon.svg')).toBe('no-cache');
  });
});
