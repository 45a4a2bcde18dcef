import { expect, type Page } from '@playwright/test';
import { hydrated } from './fixtures.ts';

/** The answer, also while the request's tab hides it (from 1024 px, after a change to the form). */
export const tokenResponse = (page: Page) =>
  page.getByRole('region', { name: 'Token response', includeHidden: true });

export async function useDemo(page: Page, client: 'okta' | 'special') {
  await page
    .getByLabel('Demo client', { exact: true })
    .selectOption({ index: client === 'okta' ? 0 : 1 });
  await page.getByRole('button', { name: 'Use demo server' }).click();
  await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(/\/demo\/token$/);
}

/**
 * Sends (by clicking, or by `press` in a focused field) and waits for the NEW answer: the region's
 * `data-submitted-at` changes with every send, and `aria-busy` is false once it has settled.
 */
export async function sendAndWait(page: Page, how: 'click' | 'enter' = 'click') {
  const region = tokenResponse(page);
  const before = (await region.getAttribute('data-submitted-at')) ?? '';
  if (how === 'click') await page.getByRole('button', { name: 'Send token request' }).click();
  else await page.keyboard.press('Enter');
  await expect(region).not.toHaveAttribute('data-submitted-at', before);
  await expect(region).toHaveAttribute('aria-busy', 'false');
  await expect(
    region.getByText(/HTTP status|No answer|Not sent|could not be completed/).first(),
  ).toBeVisible();
}

/**
 * From 1024 px an answer takes the right pane until the form changes: back to the request, as a
 * reader would with its tab (nothing to do where there is no answer yet, or below 1024 px).
 */
export async function showRequest(page: Page) {
  const tab = page.getByRole('tab', { name: 'The request' });
  if ((await tab.count()) > 0 && (await tab.isVisible())) await tab.click();
}

/** The client assertion the page shows now, once it is a signed JWT (compact JWS). */
export async function shownAssertion(page: Page): Promise<string> {
  await showRequest(page);
  const output = page.getByRole('status', { name: 'Client assertion', exact: true });
  await expect(output).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  return (await output.textContent()) ?? '';
}

/**
 * A real paste: the browser's one-line input strips the line breaks from what it inserts (once the
 * paste handler exists: hydrated).
 */
export async function pasteInto(page: Page, label: string, text: string) {
  await hydrated(page);
  const field = page.getByLabel(label, { exact: true });
  await field.fill('');
  await field.focus();
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
  await field.fill(text.replace(/[\r\n]/g, ''));
}
