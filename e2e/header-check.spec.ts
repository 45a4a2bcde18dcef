import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fillCredentials, nodeBase64 } from './fixtures.ts';
import { axeViolations } from './support/axe.ts';

// The header doctor, driven as a support agent would: open the Check a header tool, paste, read
// the region named "Header diagnosis". Needs the workspace shell (tool=check) and HeaderCheck
// wired in with the Build tool's credentials as `expected`.

interface BrokenHeader {
  readonly name: string;
  readonly header: string;
}
const brokenHeaders = (
  JSON.parse(
    readFileSync(new URL('../src/core/fixtures/credentials.json', import.meta.url), 'utf8'),
  ) as Array<Record<string, unknown>>
)
  .filter((e) => e.kind === 'broken_header')
  .map((e) => ({ name: String(e.name), header: String(e.header) }) satisfies BrokenHeader);

/** What the diagnosis must say for each fixture header, in the page's words (written by hand). */
const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  'echo-without-n': 'ends with a line break (LF)',
  'gnu-base64-wrapped': 'broken over several lines',
  'utf8-bom-prefixed': 'EF BB BF',
  'base64url-alphabet': 'that is base64url',
  'basic-prefix-missing': 'The scheme is missing',
  'header-name-included': 'The header name "Authorization:" is included',
  'only-client-id': 'has no ":"',
  'bearer-instead-of-basic': 'The scheme is Bearer',
  'quoted-value': 'wrapped in quotes',
};

const OKTA = {
  clientId: '0oa4xqz9kfTbN2cWd5d7',
  clientSecret: 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO',
};

async function openTool(page: Page, name: string): Promise<void> {
  await page
    .getByRole('tab', { name })
    .or(page.getByRole('radio', { name }))
    .or(page.getByRole('link', { name }))
    .or(page.getByRole('button', { name }))
    .first()
    .click();
}

const diagnosis = (page: Page) => page.getByRole('region', { name: 'Header diagnosis' });

test('every fixture broken header gets its diagnosis', async ({ page }) => {
  expect(brokenHeaders).toHaveLength(9);
  await page.goto('/?tool=check');
  const input = page.getByRole('textbox', { name: 'Header to check' });
  for (const { name, header } of brokenHeaders) {
    await input.fill(header);
    const words = EXPECTED_WORDS[name];
    expect(words, `words for ${name}`).toBeDefined();
    await expect(diagnosis(page).getByRole('listitem').filter({ hasText: words! })).toHaveCount(1);
  }
});

test('a lowercase basic is not a problem', async ({ page }) => {
  await page.goto('/?tool=check');
  await page
    .getByRole('textbox', { name: 'Header to check' })
    .fill(`basic ${nodeBase64(`${OKTA.clientId}:${OKTA.clientSecret}`)}`);
  await expect(diagnosis(page)).toContainText('This header is well formed');
  await expect(diagnosis(page)).not.toContainText('Problem:');
  await expect(diagnosis(page)).not.toContainText('Warning:');
});

test('a correct header line and a correct curl --header fragment get a positive verdict', async ({
  page,
}) => {
  await page.goto('/?tool=check');
  const input = page.getByRole('textbox', { name: 'Header to check' });
  const token = nodeBase64(`${OKTA.clientId}:${OKTA.clientSecret}`);
  for (const pasted of [
    `Authorization: Basic ${token}`,
    `--header 'authorization: Basic ${token}'`,
  ]) {
    await input.fill(pasted);
    await expect(diagnosis(page)).toContainText('This header is well formed, with a note');
    await expect(diagnosis(page)).not.toContainText('will not work');
    await expect(diagnosis(page)).not.toContainText('Warning:');
    await expect(diagnosis(page)).not.toContainText('Problem:');
  }
});

test('a certain fix is offered as the Corrected header, copied exactly', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?tool=check');
  const token = nodeBase64(`${OKTA.clientId}:${OKTA.clientSecret}`);
  // Doubled prefix and GNU wrapping at 76 columns: both fixes are certain.
  await page
    .getByRole('textbox', { name: 'Header to check' })
    .fill(`Basic Basic ${token.slice(0, 76)}\n${token.slice(76)}`);
  await expect(diagnosis(page)).toContainText('will not work');
  const corrected = page.getByRole('status', { name: 'Corrected header', exact: true });
  await expect(corrected).toHaveText(`Basic ${token}`);
  await page.getByRole('button', { name: 'Copy corrected header' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`Basic ${token}`);
  // The characters that made it wrong are marked in the pasted text.
  await expect(diagnosis(page).locator('mark')).not.toHaveCount(0);
});

test('Expected secret: a mismatch says where, never showing either secret', async ({ page }) => {
  await page.goto('/?tool=check');
  const expected = page.getByRole('textbox', { name: 'Expected secret' });
  await expect(expected).toHaveAttribute('type', 'password');
  await expected.fill(OKTA.clientSecret);
  const wrongSecret = `${OKTA.clientSecret.slice(0, 11)}Q${OKTA.clientSecret.slice(12)}`;
  await page
    .getByRole('textbox', { name: 'Header to check' })
    .fill(`Basic ${nodeBase64(`${OKTA.clientId}:${wrongSecret}`)}`);
  await expect(diagnosis(page)).toContainText('first differ at character 12');
  await expect(diagnosis(page)).toContainText('will not work');
  // A trailing line break is named as such, not counted silently.
  await page
    .getByRole('textbox', { name: 'Header to check' })
    .fill(`Basic ${nodeBase64(`${OKTA.clientId}:${OKTA.clientSecret}\n`)}`);
  await expect(diagnosis(page)).toContainText('the expected secret followed by a line break (LF)');
  await expect(diagnosis(page)).toContainText('secret of 41 characters, the last a line break');
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toContain(OKTA.clientSecret.slice(0, 12));
  expect(text).not.toContain(wrongSecret.slice(0, 12));
});

test('Build a request offers the checker, which opens with focus on its tab', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Check a header someone sent' }).click();
  await expect(page.getByRole('tab', { name: 'Check a header' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Check a header' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('textbox', { name: 'Header to check' })).toBeVisible();
});

test('at 360 px a long pasted header and its diagnosis stay inside the page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/?tool=check');
  const certutilOutput = [
    '-----BEGIN CERTIFICATE-----',
    ...(nodeBase64(`${OKTA.clientId}:${OKTA.clientSecret}`.repeat(3)).match(/.{1,64}/g) ?? []),
    '-----END CERTIFICATE-----',
  ].join('\r\n');
  await page.getByRole('textbox', { name: 'Header to check' }).fill(certutilOutput);
  await expect(diagnosis(page).getByRole('listitem').first()).toBeVisible();
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    clientWidth: document.scrollingElement!.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
});

test.describe('against the credentials entered in Build a request', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/?tool=build');
    await fillCredentials(page, OKTA.clientId, OKTA.clientSecret);
    await openTool(page, 'Check a header');
  });

  test('a matching header says so', async ({ page }) => {
    await page
      .getByRole('textbox', { name: 'Header to check' })
      .fill(`Authorization: Basic ${nodeBase64(`${OKTA.clientId}:${OKTA.clientSecret}`)}`);
    await expect(diagnosis(page)).toContainText(
      'The header carries the credentials entered above.',
    );
    await expect(diagnosis(page)).not.toContainText(OKTA.clientSecret);
  });

  test('a non-matching header says how it differs, without the secret', async ({ page }) => {
    const wrongSecret = `${OKTA.clientSecret.slice(0, 30)}WRONGWRONG`;
    await page
      .getByRole('textbox', { name: 'Header to check' })
      .fill(`Basic ${nodeBase64(`${OKTA.clientId}:${wrongSecret}`)}`);
    await expect(diagnosis(page)).toContainText('The client ID matches but the secret differs');
    await expect(diagnosis(page)).toContainText('they first differ at character 31');
    const text = (await diagnosis(page).textContent()) ?? '';
    expect(text).not.toContain(OKTA.clientSecret);
    expect(text).not.toContain(wrongSecret);
    expect(text).not.toContain(OKTA.clientSecret.slice(0, 12));
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no accessibility violations with a diagnosis shown (${colorScheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.getByRole('textbox', { name: 'Header to check' }).fill('Bearer abc');
      await expect(diagnosis(page)).toContainText('The scheme is Bearer');
      const violations = await axeViolations(page, 'main');
      expect(violations).toEqual([]);
    });
  }

  test('switching back to Build a request keeps every value, and the pasted header too', async ({
    page,
  }) => {
    const input = page.getByRole('textbox', { name: 'Header to check' });
    await input.fill('Bearer abc');
    await openTool(page, 'Build a request');
    await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue(OKTA.clientId);
    await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue(OKTA.clientSecret);
    await openTool(page, 'Check a header');
    await expect(input).toHaveValue('Bearer abc');
    expect(page.url()).toContain('tool=check');
  });
});
