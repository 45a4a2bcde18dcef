import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { sendAndWait, tokenResponse } from './send-helpers.ts';

const DEMO_SERVERS = {
  '/demo': '/demo: form-decodes Basic credentials, RFC 6749 (oidc-provider)',
  '/demo-raw': '/demo-raw: reads Basic credentials raw (@node-oauth/oauth2-server)',
} as const;

/** Picks a built-in demo server and its special-character client, as a learner would. */
async function useDemoServer(page: Page, path: '/demo' | '/demo-raw') {
  await page.getByLabel('Demo server', { exact: true }).selectOption({ label: DEMO_SERVERS[path] });
  await page.getByLabel('Demo client', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Use demo server' }).click();
  await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(
    new RegExp(`${path}/token$`),
  );
}

test.describe('Find what this server accepts', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test('/demo form-decodes: raw fails, the search finds the RFC 6749 encoding and applies it', async ({
    page,
  }) => {
    await useDemoServer(page, '/demo');
    await sendAndWait(page);
    const region = tokenResponse(page);
    await expect(region.getByText('invalid_client').first()).toBeVisible();
    await expect(region.getByText(/failed attempts can count toward a lockout/)).toBeVisible();
    await region.getByRole('button', { name: 'Find what this server accepts' }).click();
    const attempts = region.getByRole('list', { name: 'Attempts' });
    await expect(attempts.getByRole('listitem')).toHaveText([
      'Basic header, raw UTF-8: 401 invalid_client',
      'Basic header, RFC 6749 form-encoded: 200: an access token',
    ]);
    await expect(
      region.getByText(/form-decodes Basic credentials, as RFC 6749 §2\.3\.1 says/),
    ).toBeVisible();
    await region
      .getByRole('button', { name: /^Use “Basic header, RFC 6749 form-encoded”/ })
      .click();
    await expect(page.getByRole('radio', { name: /RFC 6749 form-encoded first/ })).toBeChecked();
    await sendAndWait(page);
    await expect(region.getByText('Success: an access token.')).toBeVisible();
  });

  test('/demo-raw reads raw: form-encoded fails, the advice and the search both say raw', async ({
    page,
  }) => {
    await useDemoServer(page, '/demo-raw');
    await page.getByRole('radio', { name: /RFC 6749 form-encoded first/ }).check();
    await sendAndWait(page);
    const region = tokenResponse(page);
    await expect(region.getByText('invalid_client').first()).toBeVisible();
    await expect(region.getByText(/this demo server takes the raw bytes/)).toBeVisible();
    await region.getByRole('button', { name: 'Find what this server accepts' }).click();
    await expect(region.getByRole('list', { name: 'Attempts' }).getByRole('listitem')).toHaveText([
      'Basic header, RFC 6749 form-encoded: 401 invalid_client',
      'Basic header, raw UTF-8: 200: an access token',
    ]);
    await expect(region.getByText(/takes the raw bytes of the Basic credentials/)).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations).toEqual([]);
    await region.getByRole('button', { name: /^Use “Basic header, raw UTF-8”/ }).click();
    await expect(page.getByRole('radio', { name: /Raw UTF-8/ })).toBeChecked();
  });
});

test('the advice never loops: after raw and form-encoded failed it names client_secret_post, then says the way is not the problem', async ({
  page,
}) => {
  await page.goto('/');
  await useDemoServer(page, '/demo');
  const secret = page.getByLabel('Client secret', { exact: true });
  await secret.fill('wrong+secret');
  const region = tokenResponse(page);
  await sendAndWait(page);
  await expect(
    region.getByText(/Switch Credential encoding to "RFC 6749 form-encoded first"/),
  ).toBeVisible();
  await page.getByRole('radio', { name: /RFC 6749 form-encoded first/ }).check();
  await sendAndWait(page);
  await expect(region.getByText('invalid_client').first()).toBeVisible();
  await expect(region.getByText(/Switch Credential encoding/)).toHaveCount(0);
  await expect(
    region.getByText(
      /Try the other client authentication method, "Request body \(client_secret_post\)"/,
    ),
  ).toBeVisible();
  await page.getByRole('radio', { name: /Request body \(client_secret_post\)/ }).check();
  await sendAndWait(page);
  await expect(
    region.getByText(/All three ways of sending these credentials were tried/),
  ).toBeVisible();
  await expect(
    region.getByText(/Switch Credential encoding|Try the other client authentication/),
  ).toHaveCount(0);
});

test('a pasted secret with a line break at the end: the field drops it, and says so', async ({
  page,
}) => {
  await page.goto('/');
  const secret = page.getByLabel('Client secret', { exact: true });
  await secret.focus();
  // A real paste: the browser's one-line input strips the line break from what it inserts.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Zq9x-pasted\n');
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await secret.fill('Zq9x-pasted');
  await expect(
    page.getByText(
      /The pasted client secret had a line break at the end, which this one-line field removed/,
    ),
  ).toBeVisible();
  await expect(secret).toHaveValue('Zq9x-pasted');
});
