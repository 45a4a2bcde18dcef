import { expect, test, type Page } from '@playwright/test';
import { fillCredentials, nodeBase64 } from './fixtures.ts';
import { axeViolations } from './support/axe.ts';

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

/** The code output's name: `<label> code`, except the guide's curl, whose name is a contract (README, Contracts). */
const outputName = (label: string) => (label === 'curl (bash)' ? 'curl command' : `${label} code`);
const codeOf = (page: Page, label: string) =>
  page.getByRole('status', { name: outputName(label), exact: true });

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
    await expect(page.getByRole('button', { name: `Copy ${outputName(label)}` })).toBeVisible();
    // One code output at a time: the curl command is not repeated beside another target's code.
    await expect(page.getByRole('status', { name: /( code|^curl command)$/ })).toHaveCount(1);
  }
});

test('without both credentials no tab shows code and nothing can be copied', async ({ page }) => {
  await page.getByLabel('Client ID', { exact: true }).fill('0oa4xqz9kfTbN2cWd5d7');
  for (const label of LABELS) {
    await page.getByRole('tab', { name: label, exact: true }).click();
    await expect(codeOf(page, label)).toHaveText('');
    await expect(page.getByRole('tabpanel', { name: label })).toContainText(
      'Enter a client secret',
    );
    await expect(page.getByRole('button', { name: `Copy ${outputName(label)}` })).toBeDisabled();
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

test('Placeholders writes code without the secret, and each copy button stays beside its heading', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 360, height: 800 });
  await fillCredentials(page, OKTA.clientId, OKTA.clientSecret);
  const basic = nodeBase64(`${OKTA.clientId}:${OKTA.clientSecret}`);
  const curl = codeOf(page, 'curl (bash)');
  await expect(curl).toContainText(basic);

  await page.getByRole('switch', { name: 'Placeholders' }).check();
  await expect(curl).toContainText('$CLIENT_SECRET');
  for (const secret of [OKTA.clientSecret, basic]) await expect(curl).not.toContainText(secret);
  await page.getByRole('button', { name: 'Copy curl command' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('"authorization: Basic $(printf');
  expect(copied).not.toContain(OKTA.clientSecret);
  expect(copied).not.toContain(basic);

  // The longest name: its copy button on the heading's row, at a phone's width and a desktop's.
  await page.getByRole('tab', { name: 'PowerShell (Invoke-RestMethod)' }).click();
  await expect(codeOf(page, 'PowerShell (Invoke-RestMethod)')).toContainText('$env:CLIENT_SECRET');
  const heading = page.getByText('PowerShell (Invoke-RestMethod) code', { exact: true });
  const copy = page.getByRole('button', { name: 'Copy PowerShell (Invoke-RestMethod) code' });
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const [label, button] = [await heading.boundingBox(), await copy.boundingBox()];
    if (!label || !button) throw new Error('heading or copy button not laid out');
    expect(button.y, `at ${width} px`).toBeLessThan(label.y + label.height);
    expect(button.x, `at ${width} px`).toBeGreaterThan(label.x + label.width);
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the Build tool has no accessibility violations with any tab (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    // A value the cmd.exe tab cannot carry, so its warning is checked too.
    await fillCredentials(page, OKTA.clientId, `${OKTA.clientSecret}%`);
    for (const label of LABELS) {
      await page.getByRole('tab', { name: label, exact: true }).click();
      const violations = await axeViolations(page, 'main');
      expect(violations.map((v) => `${label}: ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    }
  });
}

test('at 360 px the tabs stay inside the page (no sideways scrolling)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await fillCredentials(page, OKTA.clientId, OKTA.clientSecret);
  for (const label of LABELS) {
    await page.getByRole('tab', { name: label, exact: true }).click();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      clientWidth: document.scrollingElement!.clientWidth,
    }));
    expect(scrollWidth, label).toBeLessThanOrEqual(clientWidth);
  }
});
