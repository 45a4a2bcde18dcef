import { expect, test, type Locator, type Page } from '@playwright/test';
import { showRequest, tokenResponse } from './send-helpers.ts';
import { axeViolations } from './support/axe.ts';

const KEY_METHOD = /Private key JWT \(private_key_jwt\)/;

const introspection = (page: Page) =>
  tokenResponse(page).getByRole('region', { name: 'Introspection', exact: true });

/** Presses a button of the region and waits for the NEW answer (`data-answers` counts them). */
async function pressAndWait(region: Locator, name: string) {
  const before = (await region.getAttribute('data-answers')) ?? '';
  await region.getByRole('button', { name, exact: true }).click();
  await expect(region).not.toHaveAttribute('data-answers', before);
  await expect(region).toHaveAttribute('aria-busy', 'false');
}

test("a token's life against the demo server: active, revoked, inactive, with the same client authentication", async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Try it with the demo server' }).click();
  await expect(tokenResponse(page).getByText('HTTP status: 200')).toBeVisible();

  const region = introspection(page);
  // The endpoints come from the demo server's metadata (RFC 8414).
  await expect(
    region.getByText(/\/demo\/token\/introspection \(listed in the server’s metadata\)/),
  ).toBeVisible();

  await pressAndWait(region, 'Check if active');
  await expect(region.getByText('active: true.')).toBeVisible();
  const table = region.getByRole('table', { name: 'What the server says about this token' });
  await expect(table.getByRole('row', { name: /^client_id 0oademoclient0000001/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^token_type Bearer/ })).toBeVisible();
  expect(await axeViolations(page, '.token-life')).toEqual([]);

  await pressAndWait(region, 'Revoke this token');
  await expect(region.getByText(/^Revoked\./)).toBeVisible();
  await expect(
    region.getByText(/A revoked JWT still verifies offline until it expires \(in 59 min\)/),
  ).toBeVisible();

  await pressAndWait(region, 'Check if active');
  await expect(region.getByText('active: false.')).toBeVisible();
  await expect(region.getByText(/revoked, expired, or not one it issued/)).toBeVisible();

  // The key client: each call signs a new assertion addressed to the endpoint it calls.
  await page.getByRole('radio', { name: KEY_METHOD }).check();
  const before = (await tokenResponse(page).getAttribute('data-submitted-at')) ?? '';
  await page.getByRole('button', { name: 'Try it with the demo server' }).click();
  await expect(tokenResponse(page)).not.toHaveAttribute('data-submitted-at', before);
  await expect(tokenResponse(page).getByText('HTTP status: 200')).toBeVisible();
  await pressAndWait(introspection(page), 'Check if active');
  await expect(introspection(page).getByText('active: true.')).toBeVisible();
  await expect(
    introspection(page).getByRole('row', { name: /^client_id demo-private-key-jwt/ }),
  ).toBeVisible();

  // The token's reuse in code: one switch, and Placeholders turns off.
  await showRequest(page);
  await page.getByRole('switch', { name: 'Placeholders' }).check();
  await page.getByRole('switch', { name: 'Cache the token' }).check();
  await expect(page.getByRole('switch', { name: 'Placeholders' })).not.toBeChecked();
  await page.getByRole('tab', { name: 'Python (urllib)' }).click();
  await expect(
    page.getByRole('status', { name: 'Python (urllib) code', exact: true }),
  ).toContainText('def get_token():');
});
