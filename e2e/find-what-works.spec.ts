import { expect, test, type Page } from '@playwright/test';
import { pasteInto, sendAndWait, tokenResponse } from './send-helpers.ts';
import { axeViolations } from './support/axe.ts';

const finder = (page: Page) =>
  tokenResponse(page).getByRole('region', { name: 'Which way does this server accept?' });

const DEMO_SERVERS = {
  '/demo': '/demo (oidc-provider)',
  '/demo-raw': '/demo-raw (oauth2-server)',
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
      'Basic header, Raw UTF-8: 401 invalid_client',
      'Basic header, RFC 6749 form-encoded first: 200: an access token',
    ]);
    await expect(
      finder(page).getByText(/form-decodes Basic credentials, as RFC 6749 §2\.3\.1 says/),
    ).toBeVisible();
    await region
      .getByRole('button', { name: /^Use “Basic header, RFC 6749 form-encoded first”/ })
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
      'Basic header, RFC 6749 form-encoded first: 401 invalid_client',
      'Basic header, Raw UTF-8: 200: an access token',
    ]);
    await expect(
      finder(page).getByText(/takes the raw bytes of the Basic credentials/),
    ).toBeVisible();
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await region.getByRole('button', { name: /^Use “Basic header, Raw UTF-8”/ }).click();
    await expect(page.getByRole('radio', { name: /Raw UTF-8/ })).toBeChecked();
  });
});

test("the advice never loops: a demo client's ID with another secret is named, and no other way is offered", async ({
  page,
}) => {
  await page.goto('/');
  await useDemoServer(page, '/demo');
  await page.getByLabel('Client secret', { exact: true }).fill('wrong+secret');
  const region = tokenResponse(page);
  await sendAndWait(page);
  await expect(region.getByText(/the secret is not that client's/)).toBeVisible();
  await expect(
    region.getByText(/Neither the method nor the encoding will change that/),
  ).toBeVisible();
  await expect(
    region.getByText(/Switch Credential encoding|Choose Client authentication/),
  ).toHaveCount(0);
  // The search reads the same diagnosis: it sends nothing more.
  await expect(finder(page).getByText(/Sends nothing more/)).toBeVisible();
  // Sent another way anyway, the answer is explained the same way.
  await page.getByRole('radio', { name: /Request body \(client_secret_post\)/ }).check();
  await sendAndWait(page);
  await expect(region.getByText(/the secret is not that client's/)).toBeVisible();
});

test('a pasted secret with a line break at the end: the field drops it, and says so', async ({
  page,
}) => {
  await page.goto('/');
  await pasteInto(page, 'Client secret', 'Zq9x-pasted\n');
  const secret = page.getByLabel('Client secret', { exact: true });
  await expect(
    page.getByText(
      /The pasted client secret had a line break at the end, which this one-line field removed/,
    ),
  ).toBeVisible();
  await expect(secret).toHaveValue('Zq9x-pasted');
});
