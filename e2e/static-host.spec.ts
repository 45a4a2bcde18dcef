import { expect, test } from '@playwright/test';
import { fillCredentials, outputText } from './fixtures.ts';

/**
 * Served as static files, the page has no `/api/*` behind it: a static host answers 404 there.
 * The sending step says so and offers the curl command instead of failing.
 */
test('without the proxy, the send step says so plainly and offers the curl command', async ({
  page,
}) => {
  await page.route('**/api/session', (route) =>
    route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not Found</h1>' }),
  );
  await page.goto('/?domain=dev-1.okta.com');
  await fillCredentials(page, 'static-id', 'static-secret');
  await expect(page.getByText('Sending is not available here:')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send token request' })).toBeDisabled();
  const offered = await outputText(page, 'curl command to run instead');
  expect(offered).toBe(await outputText(page, 'curl command'));
  expect(offered).toContain('https://dev-1.okta.com/oauth2/default/v1/token');
  await expect(page.getByRole('button', { name: 'Copy the command to run instead' })).toBeEnabled();
});
