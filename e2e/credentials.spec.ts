import { expect, test } from '@playwright/test';
import {
  CREDENTIAL_CASES as CASES,
  fillCredentials,
  nodeBase64,
  outputText,
  runWithStandInCurl,
  valuesOf,
} from './fixtures.ts';
import { axeViolations } from './support/axe.ts';

test.describe('the guide, live', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  for (const c of CASES) {
    test(`outputs match independently computed values: ${c.name}`, async ({ page }) => {
      await fillCredentials(page, c.clientId, c.clientSecret);
      await page.getByRole('button', { name: 'Show secret' }).click();
      const pair = `${c.clientId}:${c.clientSecret}`;
      expect(await outputText(page, 'Credentials string')).toBe(pair);
      expect(await outputText(page, 'Base64')).toBe(nodeBase64(pair));
      expect(await outputText(page, 'Authorization header')).toBe(`Basic ${nodeBase64(pair)}`);

      // The curl command, run by real bash with a stand-in curl, passes the exact header bytes.
      const args = runWithStandInCurl(await outputText(page, 'curl command'));
      expect(valuesOf(args, '--header')).toEqual([
        'accept: application/json',
        `authorization: Basic ${nodeBase64(pair)}`,
        'cache-control: no-cache',
        'content-type: application/x-www-form-urlencoded',
      ]);
      expect(valuesOf(args, '--data')).toEqual(['grant_type=client_credentials&scope=customScope']);
    });
  }

  test('RFC 6749 encoding form-encodes each part first, and the differences are shown', async ({
    page,
  }) => {
    await fillCredentials(page, 'demo client', 'a+b/c:d%e&f');
    await page.getByRole('button', { name: 'Show secret' }).click();
    await expect(
      page.getByRole('heading', { name: 'The two encodings differ for these credentials' }),
    ).toBeVisible();
    await page.getByRole('radio', { name: /RFC 6749 form-encoded first/ }).check();
    const formPair = `${new URLSearchParams({ a: 'demo client' }).toString().slice(2)}:${new URLSearchParams({ a: 'a+b/c:d%e&f' }).toString().slice(2)}`;
    expect(formPair).toBe('demo+client:a%2Bb%2Fc%3Ad%25e%26f');
    expect(await outputText(page, 'Credentials string')).toBe(formPair);
    expect(await outputText(page, 'Base64')).toBe(nodeBase64(formPair));
  });

  test('the secret is masked until shown', async ({ page }) => {
    await fillCredentials(page, 'id', 's3cr3t');
    const pair = page.getByRole('status', { name: 'Credentials string', exact: true });
    await expect(page.getByLabel('Client secret', { exact: true })).toHaveAttribute(
      'type',
      'password',
    );
    // Web-first: typed before the app hydrated, the value reaches the output once it has.
    await expect(pair).toHaveText('id:••••••');
    await page.getByRole('button', { name: 'Show secret' }).click();
    await expect(page.getByLabel('Client secret', { exact: true })).toHaveAttribute('type', 'text');
    await expect(pair).toHaveText('id:s3cr3t');
    await page.getByRole('button', { name: 'Hide secret' }).click();
    await expect(pair).toHaveText('id:••••••');
  });

  test('copy buttons put the exact values on the clipboard and say so', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const clientId = '0oa4xqz9kfTbN2cWd5d7';
    const clientSecret = "it's $ecret";
    await fillCredentials(page, clientId, clientSecret);
    const expected = nodeBase64(`${clientId}:${clientSecret}`);

    await page.getByRole('button', { name: 'Copy Base64' }).click();
    await expect(page.getByText('Copied').first()).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    await page.getByRole('button', { name: 'Copy Authorization header' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`Basic ${expected}`);

    await page.getByRole('button', { name: 'Copy curl command' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const args = runWithStandInCurl(copied);
    expect(valuesOf(args, '--header')).toContain(`authorization: Basic ${expected}`);
    expect(valuesOf(args, '--request')).toEqual(['POST']);
  });

  test('the do-it-yourself command reproduces the Base64 in real bash', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const clientId = '0oa4xqz9kfTbN2cWd5d7';
    const clientSecret = `x'"$\`\\ ${'long'.repeat(30)} é`;
    await fillCredentials(page, clientId, clientSecret);
    await page.getByText('Make the Base64 yourself: macOS, Linux, Windows').click();
    await page.getByRole('button', { name: 'Copy macOS and Linux command' }).click();
    const command = await page.evaluate(() => navigator.clipboard.readText());
    const { execFileSync } = await import('node:child_process');
    expect(
      execFileSync('bash', ['--norc', '--noprofile', '-c', command], {
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString('utf8'),
    ).toBe(nodeBase64(`${clientId}:${clientSecret}`));
  });

  test('guidance appears without blocking typing', async ({ page }) => {
    await fillCredentials(page, 'my:client', ' secret\n');
    await expect(page.getByText(/Client ID contains ":"/)).toBeVisible();
    await expect(page.getByText(/U\+0020 SPACE at position 1/)).toBeVisible();
    await page.getByLabel('Client secret', { exact: true }).fill('caf\u00e9\u00a0x');
    await expect(page.getByText(/U\+00A0 NO-BREAK SPACE/).first()).toBeVisible();
    await page.getByLabel('Okta domain', { exact: true }).fill('dev-1-admin.okta.com');
    await expect(page.getByText(/Admin Console domain/)).toBeVisible();
    await page.getByLabel('Authorization server ID', { exact: true }).fill('');
    // The notice under the field (the Server choice also names that server, as an option).
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: /org authorization server/ })
        .first(),
    ).toBeVisible();
    await page.getByLabel('Scope', { exact: true }).fill('a  "b"');
    await expect(page.getByText(/exactly one space/)).toBeVisible();
    await page.getByLabel('Token endpoint', { exact: true }).fill('http://example.com/token');
    await expect(page.getByText(/not https/)).toBeVisible();
    expect(await outputText(page, 'Base64')).toBe(nodeBase64('my:client:caf\u00e9\u00a0x'));
  });

  test('the token endpoint follows the domain and authorization server, and can be edited', async ({
    page,
  }) => {
    await page.getByLabel('Okta domain', { exact: true }).fill('https://dev-123456.okta.com/');
    await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(
      'https://dev-123456.okta.com/oauth2/default/v1/token',
    );
    await page.getByLabel('Authorization server ID', { exact: true }).fill('aus1a2b3c');
    await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(
      'https://dev-123456.okta.com/oauth2/aus1a2b3c/v1/token',
    );
    await page
      .getByLabel('Token endpoint', { exact: true })
      .fill('https://auth.example.com/oauth/token');
    // Without credentials there is no command to show (it would carry a fake `Basic Og==`).
    await fillCredentials(page, 'id', 'secret');
    const args = runWithStandInCurl(await outputText(page, 'curl command'));
    expect(valuesOf(args, '--url')).toEqual(['https://auth.example.com/oauth/token']);
  });

  test('client_secret_post moves the credentials into the body, never both', async ({ page }) => {
    await fillCredentials(page, 'id', 'p+ss word');
    await page.getByRole('radio', { name: /Request body \(client_secret_post\)/ }).check();
    const args = runWithStandInCurl(await outputText(page, 'curl command'));
    expect(
      valuesOf(args, '--header').some((h) => h.toLowerCase().startsWith('authorization')),
    ).toBe(false);
    expect(valuesOf(args, '--data')).toEqual([
      'grant_type=client_credentials&client_id=id&client_secret=p%2Bss+word&scope=customScope',
    ]);
  });

  test('a shared link restores every field but the secret; secrets in links are ignored', async ({
    page,
  }) => {
    await fillCredentials(page, 'abc', 'topsecret');
    await page.getByLabel('Okta domain', { exact: true }).fill('dev-1.okta.com');
    await page.getByLabel('Scope', { exact: true }).fill('read:reports');
    await page.getByRole('radio', { name: /RFC 6749 form-encoded first/ }).check();
    await page.getByRole('radio', { name: /client_secret_post/ }).check();
    const url = page.url();
    expect(url).not.toContain('topsecret');

    await page.goto(`${url}&secret=leaked&client_secret=leaked2`);
    await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('abc');
    await expect(page.getByLabel('Okta domain', { exact: true })).toHaveValue('dev-1.okta.com');
    await expect(page.getByLabel('Scope', { exact: true })).toHaveValue('read:reports');
    await expect(page.getByRole('radio', { name: /RFC 6749 form-encoded first/ })).toBeChecked();
    await expect(page.getByRole('radio', { name: /client_secret_post/ })).toBeChecked();
    await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue('');
    await expect(page.getByText(/contained a client secret/)).toBeVisible();
    // Removing it cannot undo what the browser recorded before the page ran.
    await expect(
      page.getByText(/recorded the whole link in its history .* delete that entry\./),
    ).toBeVisible();
    expect(page.url()).not.toContain('leaked');
  });

  test('the secret reaches no storage, URL or console, and every request stays on our origin', async ({
    page,
    baseURL,
  }) => {
    const requests: string[] = [];
    const consoleLines: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => consoleLines.push(message.text()));
    await page.goto('/');
    await fillCredentials(page, 'client', 'SuperSecretValue');
    await page.getByRole('button', { name: 'Show secret' }).click();
    await page.getByText('Make the Base64 yourself: macOS, Linux, Windows').click();
    await page.waitForLoadState('networkidle');

    const origin = new URL(baseURL!).origin;
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(new URL(url).origin).toBe(origin);
    expect(page.url()).not.toContain('SuperSecretValue');
    const stored = await page.evaluate(
      () =>
        JSON.stringify({ ...localStorage }) +
        JSON.stringify({ ...sessionStorage }) +
        document.cookie,
    );
    expect(stored).not.toContain('SuperSecretValue');
    expect(consoleLines.join('\n')).not.toContain('SuperSecretValue');
  });

  test('the page sends a Content-Security-Policy without unsafe-inline scripts', async ({
    page,
  }) => {
    const response = await page.goto('/');
    const header = response?.headers()['content-security-policy'] ?? '';
    expect(header).toContain("script-src 'self'");
    expect(header).not.toContain('unsafe-inline');
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta).toContain("script-src 'self'");
  });
});

test('embed=1 shows the tool without the page header, pre-filled from the link', async ({
  page,
}) => {
  await page.goto('/?embed=1&clientId=0oaEmbed&domain=dev-9.okta.com&scope=api%3Aread');
  // The title is there for screen readers (the frame's own page), but not drawn: the host page has one.
  await expect(page.getByRole('heading', { level: 1 })).not.toBeInViewport();
  await expect(page.getByText(/^The Okta guide/)).toHaveCount(0);
  await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('0oaEmbed');
  await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(
    'https://dev-9.okta.com/oauth2/default/v1/token',
  );
  await page.getByLabel('Client secret', { exact: true }).fill('s');
  expect(await outputText(page, 'Base64')).toBe(nodeBase64('0oaEmbed:s'));
  expect(page.url()).toContain('embed=1');
});

test('when the sender cannot load, the page says so and the rest keeps working', async ({
  page,
}) => {
  await page.route('**/assets/SendSection-*.js', (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('could not load');
  await fillCredentials(page, 'id', 'secret');
  expect(await outputText(page, 'Base64')).toBe(nodeBase64('id:secret'));
});

test.describe('usable by everyone', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      await fillCredentials(page, 'my client', 'a+b c');
      await page.getByText('Make the Base64 yourself: macOS, Linux, Windows').click();
      const violations = await axeViolations(page);
      expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  }

  test('the whole flow works by keyboard alone, with visible focus', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    const clientId = page.getByLabel('Client ID', { exact: true });
    // Tab from the top of the page until the Client ID field has focus.
    for (
      let i = 0;
      i < 10 && !(await clientId.evaluate((el) => el === document.activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await expect(clientId).toBeFocused();
    await page.keyboard.type('kb-client');
    // The method choice comes next, one tab stop (its checked radio), then the secret it asks for.
    await page.keyboard.press('Tab');
    await expect(
      page.getByRole('radio', { name: /^Basic header \(client_secret_basic\)/ }),
    ).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Client secret', { exact: true })).toBeFocused();
    await page.keyboard.type('kb-secret');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Show secret' })).toBeFocused();
    const outline = await page
      .getByRole('button', { name: 'Show secret' })
      .evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Hide secret' })).toBeFocused();
    expect(await outputText(page, 'Credentials string')).toBe('kb-client:kb-secret');

    const copy = page.getByRole('button', { name: 'Copy Base64' });
    for (let i = 0; i < 30 && !(await copy.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(copy).toBeFocused();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      nodeBase64('kb-client:kb-secret'),
    );
  });

  test('usable at 360 px wide: nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('/');
    await fillCredentials(page, '0oa4xqz9kfTbN2cWd5d7', 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('button', { name: 'Copy curl command' })).toBeVisible();
  });
});
