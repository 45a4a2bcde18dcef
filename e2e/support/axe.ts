import type { Page } from '@playwright/test';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * axe-core's violations in the page (or inside `include`), run in the page itself: the library is
 * injected once per document and run in place. `AxeBuilder` from `@axe-core/playwright` injects the
 * whole library on every call and finishes every run in a fresh blank page (to merge frames): about
 * 2 s a scan on two cores, against 0.3 s here, and the suites make some seventy scans. It skips no
 * content silently: a page with a frame is refused here (the embed suite, whose pages have frames,
 * uses `AxeBuilder`).
 */
export async function axeViolations(
  page: Page,
  include?: string,
): Promise<AxeResults['violations']> {
  const frames = await page.evaluate(() => document.querySelectorAll('iframe').length);
  if (frames > 0) throw new Error('axeViolations does not look inside frames: use AxeBuilder');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    const { axe } = window as unknown as {
      axe: { run(context: ElementContext, options: RunOptions): Promise<AxeResults> };
    };
    const results = await axe.run(selector ? { include: [selector] } : document, {
      resultTypes: ['violations'],
    });
    return results.violations;
  }, include);
}
