import { expect, test, type Locator, type Page } from '@playwright/test';
import { fillCredentials, nodeBase64, outputText } from './fixtures.ts';
import { tokenResponse } from './send-helpers.ts';
import { axeViolations } from './support/axe.ts';

/** Presses Tab (at most 80 times) until `target` has keyboard focus; fails if it never does. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 80; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

const stepHeading = (page: Page, step: number, title: string) =>
  page.getByRole('heading', { name: `Step ${step} of 6: ${title}` });
const next = (page: Page) => page.getByRole('button', { name: /^Next: / });

test('guided mode is walked through by keyboard alone, live with the reader values, and keeps them', async ({
  page,
}) => {
  await page.goto('/');
  const guided = page.getByRole('button', { name: 'Guided' });
  await expect(guided).toHaveAttribute('aria-pressed', 'false');
  await tabTo(page, guided);
  await page.keyboard.press('Enter');
  await expect(guided).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/guided=1/);

  // Step 1: the reader's own credentials.
  await expect(stepHeading(page, 1, 'Find the client ID and secret')).toBeVisible();
  const steps = page.getByRole('navigation', { name: 'Guide steps' });
  await expect(
    steps.getByRole('button', { name: 'Find the client ID and secret' }),
  ).toHaveAttribute('aria-current', 'step');
  await expect(
    page.getByRole('progressbar', { name: 'Progress through the guide' }),
  ).toHaveAttribute('value', '1');
  // The guide's raw bytes are the default: the encoding choice is folded, and says which it is.
  await expect(page.getByRole('radio', { name: /RFC 6749 form-encoded first/ })).toBeHidden();
  await expect(
    page.getByText('Credential encoding: Raw UTF-8 (as the Okta guide does)'),
  ).toBeVisible();
  await tabTo(page, page.getByLabel('Client ID', { exact: true }));
  await page.keyboard.type('guided-client');
  await tabTo(page, page.getByLabel('Client secret', { exact: true }));
  await page.keyboard.type('guided secret+1');

  // Step 2: joined, the secret masked.
  await tabTo(page, next(page));
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 2, 'Join them')).toBeFocused();
  await expect(steps.getByRole('button', { name: 'Join them' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  expect(await outputText(page, 'Credentials string')).toMatch(/^guided-client:•+$/);

  // Step 3: the Base64 of exactly what was typed.
  await tabTo(page, next(page));
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 3, 'Encode them in Base64')).toBeFocused();
  expect(await outputText(page, 'Base64')).toBe(nodeBase64('guided-client:guided secret+1'));
  expect(await outputText(page, 'Authorization header')).toBe(
    `Basic ${nodeBase64('guided-client:guided secret+1')}`,
  );

  // Step 4: the request; typing the domain changes the curl command at once.
  await tabTo(page, next(page));
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 4, 'Build the request')).toBeFocused();
  await tabTo(page, page.getByLabel('Okta domain', { exact: true }));
  await page.keyboard.type('dev-42.okta.com');
  expect(await outputText(page, 'curl command')).toContain(
    'https://dev-42.okta.com/oauth2/default/v1/token',
  );

  // Step 5: send to the built-in demo server; the answer is step 6.
  await tabTo(page, next(page));
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 5, 'Send it')).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Use demo server' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(/\/demo\/token$/);
  await tabTo(page, page.getByRole('button', { name: 'Send token request' }));
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 6, 'Read the answer')).toBeVisible();
  await expect(tokenResponse(page).getByText('HTTP status: 200')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Token response' })).toBeFocused();
  await expect(next(page)).toHaveCount(0);

  // The last step ends the walkthrough in the tool, on its tab, with every value still there.
  await tabTo(page, page.getByRole('button', { name: 'Finish: back to the tool' }));
  await page.keyboard.press('Enter');
  await expect(guided).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('tab', { name: 'Build a request' })).toBeFocused();
  await expect(page).not.toHaveURL(/guided=1/);
  const clientId = await page.getByLabel('Client ID', { exact: true }).inputValue();
  expect(clientId).not.toBe('');
  await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(/\/demo\/token$/);
  await expect(page.getByLabel('Okta domain', { exact: true })).toHaveValue('dev-42.okta.com');
});

test('switching into guided mode keeps what was typed in the tool', async ({ page }) => {
  await page.goto('/');
  await fillCredentials(page, 'kept-id', 'kept-secret');
  await page.getByRole('button', { name: 'Guided' }).click();
  await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('kept-id');
  await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue('kept-secret');
  // Enter in a field of step 1 never sends: the sending step has its own form.
  await page.getByLabel('Client ID', { exact: true }).press('Enter');
  await expect(stepHeading(page, 1, 'Find the client ID and secret')).toBeVisible();
  // The answer's step is hidden, so the region is found among hidden elements.
  await expect(
    page
      .getByRole('region', { name: 'Token response', includeHidden: true })
      .getByText('Nothing sent yet.'),
  ).toBeAttached();
});

test('guided=1 opens the walkthrough; the step list jumps to any step', async ({ page }) => {
  await page.goto('/?guided=1&clientId=a&demo=1');
  await expect(stepHeading(page, 1, 'Find the client ID and secret')).toBeVisible();
  // With demo=1 the fields are the demo's: no Okta org to open.
  await expect(page.getByLabel('Client ID', { exact: true })).not.toHaveValue('a');
  await expect(
    page.getByText(/^These are the ID and secret of a client of the demo server/),
  ).toBeVisible();
  await expect(page.getByText(/Okta Admin Console/)).toHaveCount(0);
  await expect(
    page.getByText(/A client of the demo server built into this playground/),
  ).toBeVisible();
  await expect(page.getByText(/General tab of your app integration/)).toHaveCount(0);
  await page
    .getByRole('navigation', { name: 'Guide steps' })
    .getByRole('button', { name: 'Build the request' })
    .click();
  await expect(stepHeading(page, 4, 'Build the request')).toBeFocused();
  await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(/\/demo\/token$/);
  await expect(
    page.getByText(/^The request is a POST to the demo server's token endpoint/),
  ).toBeVisible();
});

test('at 360 px, Next on a step that lacks a field says what and where; the steps fit one row', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/?guided=1');
  await expect(stepHeading(page, 1, 'Find the client ID and secret')).toBeVisible();

  // The step list: six buttons, named by their titles, in one row.
  const stepButtons = page.getByRole('navigation', { name: 'Guide steps' }).getByRole('button');
  await expect(stepButtons).toHaveCount(6);
  const tops = await stepButtons.evaluateAll((buttons) =>
    buttons.map((button) => Math.round(button.getBoundingClientRect().top)),
  );
  expect(new Set(tops).size).toBe(1);
  await expect(stepButtons.nth(3)).toHaveAccessibleName('Build the request');

  await next(page).click();
  const problem = page.getByRole('alert', { name: 'There is a problem' });
  await expect(problem).toBeFocused();
  await expect(stepHeading(page, 1, 'Find the client ID and secret')).toBeVisible();
  await expect(problem.getByRole('link')).toHaveText([
    'Enter a client ID',
    'Enter a client secret',
  ]);
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Each link takes the reader into its field; the summary follows what is still missing.
  await problem.getByRole('link', { name: 'Enter a client secret' }).click();
  await expect(page.getByLabel('Client secret', { exact: true })).toBeFocused();
  await page.keyboard.type('s3cret');
  await expect(problem.getByRole('link')).toHaveText(['Enter a client ID']);
  await page.getByLabel('Client ID', { exact: true }).fill('id');
  await expect(problem).toHaveCount(0);
  await next(page).click();
  await expect(stepHeading(page, 2, 'Join them')).toBeFocused();

  // From a later step, the missing server is named with its step, and the link goes there.
  await stepButtons.nth(4).click();
  await expect(stepHeading(page, 5, 'Send it')).toBeFocused();
  await next(page).click();
  await expect(problem.getByRole('link')).toHaveText([
    'Step 4: Enter your Okta domain (or a token endpoint, or use the demo server in step 5)',
  ]);
  await problem.getByRole('link').click();
  await expect(stepHeading(page, 4, 'Build the request')).toBeVisible();
  await expect(page.getByLabel('Okta domain', { exact: true })).toBeFocused();
});

test.describe('no axe violations in guided mode', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every step (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/?guided=1&domain=dev-1.okta.com');
      await fillCredentials(page, 'my client', 'a+b c');
      for (let step = 1; step <= 6; step += 1) {
        const violations = await axeViolations(page);
        expect(violations.map((v) => `step ${step}: ${v.id}: ${v.help}`)).toEqual([]);
        if (step < 6) await next(page).click();
      }
    });
  }
});

test('at 360 px guided mode never scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/?guided=1&domain=dev-123456.okta.com');
  await fillCredentials(page, '0oa4xqz9kfTbN2cWd5d7', 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA');
  for (let step = 1; step <= 6; step += 1) {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `step ${step}`).toBe(0);
    if (step < 6) await next(page).click();
  }
});

test('guided=1 paints from the HTML, before the app runs, and without a layout shift as it loads', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // The app's modules arrive late, as on a slow link: the walkthrough is there before them.
  await page.route(/\/assets\/(?!first-paint-)[\w-]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await page.goto('/?guided=1');
  await expect(stepHeading(page, 1, 'Find the client ID and secret')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next: Join them' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-hydrated'))).toBe(
    false,
  );
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
});
