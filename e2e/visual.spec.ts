import { expect, test, type Page } from '@playwright/test';
import { fillCredentials } from './fixtures.ts';
import { useShippedFonts } from './support/test-fonts.ts';

/**
 * Visual baselines of the workspace: 360, 1024, 1280 and 1440 px wide, light and dark;
 * guided mode and the embed at 360 and 1280 px.
 * Fixed values and nothing sent (an answer carries timings and fresh tokens), so every run draws
 * the same pixels. Text is drawn with the fonts in e2e/fonts, not the machine's (see
 * e2e/support/test-fonts.ts), so a machine with more fonts installed draws the same pixels. Regenerate with `npx playwright test e2e/visual.spec.ts --update-snapshots=all`.
 */
async function fillFixedValues(page: Page) {
  await fillCredentials(page, '0oa4xqz9kfTbN2cWd5d7', 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO');
  await page.getByLabel('Okta domain', { exact: true }).fill('dev-123456.okta.com');
  await page.getByLabel('Scope', { exact: true }).fill('customScope');
}

for (const width of [360, 1024, 1280, 1440]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the workspace at ${width} px (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      await fillFixedValues(page);
      // The sender and discovery are loaded lazily: wait until they are drawn, not their placeholders.
      await expect(page.getByRole('button', { name: 'Send token request' })).toBeEnabled();
      await expect(page.getByRole('button', { name: 'Discover' })).toBeEnabled();
      await page.getByLabel('Scope', { exact: true }).blur();
      await useShippedFonts(page);
      await expect(page).toHaveScreenshot(`workspace-${width}-${colorScheme}.png`, {
        fullPage: true,
      });
    });
  }
}

for (const width of [360, 1280]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`guided mode at ${width} px (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      // Only step 1's fields are on screen; the domain comes from the link.
      await page.goto('/?guided=1&domain=dev-123456.okta.com');
      await fillCredentials(
        page,
        '0oa4xqz9kfTbN2cWd5d7',
        'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO',
      );
      await page.getByRole('button', { name: /^Next: / }).click();
      await page.getByRole('button', { name: /^Next: / }).click();
      await expect(page.getByRole('heading', { name: /^Step 3 of 6/ })).toBeFocused();
      await page.getByRole('heading', { name: /^Step 3 of 6/ }).blur();
      await useShippedFonts(page);
      await expect(page).toHaveScreenshot(`guided-${width}-${colorScheme}.png`, { fullPage: true });
    });

    test(`the embed at ${width} px (theme=${colorScheme})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/?embed=1&theme=${colorScheme}`);
      await fillFixedValues(page);
      await expect(page.getByRole('button', { name: 'Send token request' })).toBeEnabled();
      await page.getByLabel('Scope', { exact: true }).blur();
      await useShippedFonts(page);
      await expect(page).toHaveScreenshot(`embed-${width}-${colorScheme}.png`, { fullPage: true });
    });
  }
}
