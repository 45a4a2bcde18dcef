// The in-page axe scan (e2e/support/axe.ts) that the other suites use finds what AxeBuilder finds.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { axeViolations } from './support/axe.ts';

const FLAWED_PAGE = `<!doctype html><html lang="en"><head><title>Flawed</title></head><body>
<main>
  <h1>Flawed</h1>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <p style="color: #bbb; background: #fff">Too pale to read</p>
  <input type="text">
  <button></button>
</main>
</body></html>`;

test('the in-page axe scan reports the same violations as AxeBuilder, and refuses a page with a frame', async ({
  page,
}) => {
  await page.setContent(FLAWED_PAGE);
  const ids = (violations: { id: string; nodes: unknown[] }[]) =>
    violations.map((v) => `${v.id} (${v.nodes.length})`).sort();
  const inPage = ids(await axeViolations(page));
  expect(inPage).toEqual(
    expect.arrayContaining(['button-name (1)', 'color-contrast (1)', 'image-alt (1)', 'label (1)']),
  );
  expect(inPage).toEqual(ids((await new AxeBuilder({ page }).analyze()).violations));
  // Scoped to an element, it looks inside it only.
  expect(ids(await axeViolations(page, 'h1'))).toEqual([]);

  await page.setContent('<main><iframe title="x" srcdoc="<img src=x>"></iframe></main>');
  await expect(axeViolations(page)).rejects.toThrow(/does not look inside frames/);
});
