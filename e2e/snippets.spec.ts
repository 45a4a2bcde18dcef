import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fillCredentials, nodeBase64 } from './fixtures.ts';

// The code tabs of the Build tool: one tab per target, each panel with its code and a copy
// button; the chosen tab is remembered by id only. Needs SnippetTabs wired into the Build tool's
// outputs with the request model as `request`.

const LABELS = [
  'curl (bash)',
  'PowerShell (curl.exe)',
  'PowerShell (Invoke-RestMethod)',
  'cmd.exe (curl)',
  'HTTPie',
  'JavaScript (fetch)',
  'Python (requests)',
  'Python (urllib)',
  'Go (net/http)',
  'Java (HttpClient)',
];
const OKTA = {
  clientId: '0oa4xqz9kfTbN2cWd5d7',
  clientSecret: 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO',
};

const codeOf = (page: Page, label: string) =>
  page.getByRole('status', { name: `${label} code`, exact: true });

test.beforeEach(async ({ page }) => {
  await page.goto('/?tool=build');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test('every target has a tab whose panel holds the Basic header and a copy button', async ({
  page,
}) => {
  await fillCredentials(page, OKTA.clientId, OKTA.clientSecret);
  const basic = nodeBase64(`${OKTA.clientId}:${OKTA.clientSecret}`);
  for (const label of LABELS) {
    await page.getByRole('tab', { name: label, exact: true }).click();
    await expect(page.getByRole('tab', { name: label, exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(codeOf(page, label)).toContainText(basic);
    await expect(page.getByRole('button', { name: `Copy ${label} code` })).toBeVisible();
  }
});

test('the chosen tab is remembered across reloads, by its id only', async ({ page }) => {
  await fillCredentials(page, OKTA.clientId, OKTA.clientSecret);
  await page.getByRole('tab', { name: 'Python (urllib)' }).click();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Python (urllib)' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const stored = await page.evaluate(() => Object.entries(localStorage));
  expect(stored).toEqual([['playground.snippetTarget', 'python-urllib']]);
});

test('arrow keys move between tabs', async ({ page }) => {
  await page.getByRole('tab', { name: 'curl (bash)' }).click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'PowerShell (curl.exe)' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'PowerShell (curl.exe)' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Java (HttpClient)' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

test('cmd.exe shows a warning instead of a command it cannot carry', async ({ page }) => {
  await fillCredentials(page, 'demo-special', 's3cr3t+/:%2B& with space');
  await page.getByRole('radio', { name: /client_secret_post/ }).check();
  await page.getByRole('tab', { name: 'cmd.exe (curl)' }).click();
  const panel = page.getByRole('tabpanel', { name: 'cmd.exe (curl)' });
  await expect(panel).toContainText(
    'cmd.exe cannot carry the client_secret field: it contains a percent sign (%)',
  );
  await expect(codeOf(page, 'cmd.exe (curl)')).toHaveCount(0);
});

test('the tabs have no accessibility violations', async ({ page }) => {
  await fillCredentials(page, OKTA.clientId, OKTA.clientSecret);
  await page.getByRole('tab', { name: 'JavaScript (fetch)' }).click();
  const results = await new AxeBuilder({ page }).include('.snippet-tabs').analyze();
  expect(results.violations).toEqual([]);
});
