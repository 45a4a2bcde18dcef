import { expect, test, type Page } from '@playwright/test';
import { sendAndWait, tokenResponse, useDemo } from './send-helpers.ts';

/**
 * Where the answer and the send action are, measured as a reader sees them: from 1024 px the
 * answer arrives in view beside the top of the form; on a 360 px phone `Send token request` is on
 * screen wherever the focus is in the form, a link skips to the answer, and Ctrl+Enter sends.
 */

/** Elements that scroll vertically on their own and hold more than they show (cut-off text). */
function ownScrollAreasCuttingText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => {
        const { overflowY } = getComputedStyle(element);
        return (
          ['auto', 'scroll', 'hidden', 'clip'].includes(overflowY) &&
          element.clientHeight > 0 &&
          element.scrollHeight > element.clientHeight + 1
        );
      })
      .map(
        (element) =>
          `${element.tagName}.${element.className}: ${element.scrollHeight}px in ${element.clientHeight}px`,
      ),
  );
}

/**
 * Labels and choices whose text does not fit: a label or legend wider inside than its box, or a
 * select whose chosen option's text is wider than the select minus its arrow (a select's own
 * scrollWidth never says so, so the text is measured in the select's font).
 */
function truncatedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    const form = document.querySelector('form')!;
    for (const label of form.querySelectorAll<HTMLElement>('label, legend, .label')) {
      if (label.clientWidth > 0 && label.scrollWidth > label.clientWidth) cut.push(label.innerText);
    }
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
    document.body.append(probe);
    for (const select of form.querySelectorAll('select')) {
      const chosen = select.selectedOptions[0];
      if (!chosen || select.clientWidth === 0) continue;
      const style = getComputedStyle(select);
      probe.style.font = style.font;
      probe.textContent = chosen.text;
      const room =
        select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
      if (probe.getBoundingClientRect().width > room) cut.push(chosen.text);
    }
    probe.remove();
    return cut;
  });
}

const answerHeading = (page: Page) =>
  page.getByRole('heading', { name: 'Token response', exact: true });

test('from 1024 px the answer arrives in view beside the top of the form, the request one tab away', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  await useDemo(page, 'okta');
  expect(await ownScrollAreasCuttingText(page)).toEqual([]);
  expect(await truncatedLabels(page)).toEqual([]);

  await sendAndWait(page);
  await expect(answerHeading(page)).toBeFocused();
  const status = tokenResponse(page).getByText('HTTP status: 200');
  await expect(status).toBeInViewport();
  await expect(tokenResponse(page).getByText('Success: an access token.')).toBeInViewport();
  // Beside the form, not under it: the answer starts above the end of the first step.
  const answerTop = (await tokenResponse(page).boundingBox())!.y;
  const firstStep = page.getByRole('region', { name: '1. Client credentials' });
  const firstStepBox = (await firstStep.boundingBox())!;
  expect(answerTop).toBeLessThan(firstStepBox.y + firstStepBox.height);
  await expect(page.getByRole('tab', { name: 'The answer' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  expect(await ownScrollAreasCuttingText(page)).toEqual([]);

  // At 1280 x 800 too; any change to the form shows the request again (each keystroke's effect).
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByLabel('Scope', { exact: true }).fill('customScope');
  await expect(page.getByRole('tab', { name: 'The request' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('status', { name: 'Base64', exact: true })).toBeVisible();
  await expect(tokenResponse(page)).toBeHidden();
  expect(await truncatedLabels(page)).toEqual([]);

  // Skip to the answer shows it again and moves the focus there.
  await page.getByRole('link', { name: 'Skip to the answer' }).click();
  await expect(answerHeading(page)).toBeFocused();
  await expect(answerHeading(page)).toBeInViewport();
  await sendAndWait(page);
  await expect(answerHeading(page)).toBeFocused();
  await expect(tokenResponse(page).getByText('HTTP status: 200')).toBeInViewport();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('tab', { name: 'The answer' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'The request' })).toBeFocused();
  await expect(page.getByRole('status', { name: 'Base64', exact: true })).toBeInViewport();
});

test('at 360 px in dark theme, Send is on screen from the top and the bottom of the form, the skip link reaches the answer, Ctrl+Enter sends', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  const send = page.getByRole('button', { name: 'Send token request' });
  const sendBar = page.locator('.send-bar');

  await page.getByLabel('Client ID', { exact: true }).focus();
  await expect(send).toBeInViewport();
  // The bar is opaque in the dark theme: the text it passes over does not show through.
  await expect(sendBar).toHaveCSS('background-color', 'rgb(23, 27, 34)');

  await useDemo(page, 'okta');
  expect(await truncatedLabels(page)).toEqual([]);
  expect(await ownScrollAreasCuttingText(page)).toEqual([]);
  // From the top of the form: Send is one press away, and the focused field is not under it.
  const clientId = page.getByLabel('Client ID', { exact: true });
  await page.getByLabel('Client secret', { exact: true }).focus();
  await clientId.focus();
  await expect(send).toBeInViewport();
  const barTop = async () => (await sendBar.boundingBox())!.y;
  const fieldBox = (await clientId.boundingBox())!;
  expect(fieldBox.y + fieldBox.height).toBeLessThanOrEqual(await barTop());
  // From the bottom of the form (the scope, then the demo choices).
  const scope = page.getByLabel('Scope', { exact: true });
  await scope.focus();
  await expect(send).toBeInViewport();
  const scopeBox = (await scope.boundingBox())!;
  expect(scopeBox.y + scopeBox.height).toBeLessThanOrEqual(await barTop());
  await page.getByLabel('Demo client', { exact: true }).focus();
  await expect(send).toBeInViewport();

  // The skip link moves the focus to the answer.
  await page.getByRole('link', { name: 'Skip to the answer' }).focus();
  await page.keyboard.press('Enter');
  await expect(answerHeading(page)).toBeFocused();

  // Ctrl+Enter sends from the Scope field, and from a choice where Enter alone does not submit.
  const region = tokenResponse(page);
  for (const field of [scope, page.getByLabel('Demo client', { exact: true })]) {
    const before = (await region.getAttribute('data-submitted-at')) ?? '';
    await field.focus();
    await page.keyboard.press('Control+Enter');
    await expect(region).not.toHaveAttribute('data-submitted-at', before);
    await expect(region).toHaveAttribute('aria-busy', 'false');
    await expect(region.getByText('HTTP status: 200')).toBeVisible();
    await expect(answerHeading(page)).toBeFocused();
  }
});
