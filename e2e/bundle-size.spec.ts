import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The first screen's budget (issue "foundation", README): the JS and CSS that index.html loads
 * before anything else — entry script, module preloads, stylesheets — at most 85 KB (85,000
 * bytes) after gzip -9. Lazily loaded chunks do not count. Deterministic: it reads the build.
 */
const BUDGET_BYTES = 85_000;

test('initial JS + CSS of the production build fit in 85 KB gzip', () => {
  const dist = path.resolve('dist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const assets = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="(\/assets\/[^"]+\.(?:js|css))"/g),
  ].map((m) => m[1]!);
  expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
  expect(assets.some((asset) => asset.endsWith('.css'))).toBe(true);

  const sizes = assets.map((asset) => ({
    asset,
    gzip: gzipSync(readFileSync(path.join(dist, asset)), { level: 9 }).length,
  }));
  const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
  test.info().annotations.push({
    type: 'initial gzip bytes',
    description: `${total} (${sizes.map((s) => `${s.asset}: ${s.gzip}`).join(', ')})`,
  });
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});
