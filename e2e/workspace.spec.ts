import { expect, test, type Page } from '@playwright/test';
import { fillCredentials, nodeBase64, outputText } from './fixtures.ts';
import { sendAndWait, tokenResponse, useDemo } from './send-helpers.ts';
import { axeViolations } from './support/axe.ts';

async function expectNoAxeViolations(page: Page) {
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Opens every disclosure on screen (from 1024 px, the right pane shows the request or the answer). */
async function openEveryDisclosure(page: Page) {
  // One at a time: opening one shows the disclosures inside it.
  const closed = page.locator('details:not([open]):visible');
  while ((await closed.count()) > 0) await closed.first().locator('summary').first().click();
  // The do-it-yourself routes load when their disclosure opens: measure them, not a placeholder.
  if (await page.getByText('Make the Base64 yourself: macOS, Linux, Windows').isVisible())
    await expect(page.getByRole('button', { name: 'Copy macOS and Linux command' })).toBeVisible();
}

const staleNote = (page: Page) => tokenResponse(page).getByText(/changed since this answer/);

test.describe('the workspace layout', () => {
  test('at 1280x800 the Base64 is in view while typing the secret, and follows each keystroke', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/');
    await fillCredentials(page, '0oa4xqz9kfTbN2cWd5d7', 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA');
    const secret = page.getByLabel('Client secret', { exact: true });
    await secret.focus();
    const base64 = page.getByRole('status', { name: 'Base64', exact: true });
    await expect(base64).toBeInViewport();
    const before = await outputText(page, 'Base64');
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    await expect(secret).toBeFocused();
    await expect(base64).toHaveText(
      nodeBase64('0oa4xqz9kfTbN2cWd5d7:Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA!'),
    );
    expect(await outputText(page, 'Base64')).not.toBe(before);
    await expect(base64).toBeInViewport();
  });

  test('below 1024 px the outputs come right after the credentials', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto('/');
    const top = async (name: string) =>
      (await page.getByRole('heading', { name, exact: true }).boundingBox())!.y;
    expect(await top('1. Client credentials')).toBeLessThan(await top('The request'));
    expect(await top('The request')).toBeLessThan(await top('2. Authorization server'));
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`at 360 px nothing scrolls sideways with every disclosure open (${colorScheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 360, height: 800 });
      await page.goto('/');
      await useDemo(page, 'special');
      await page.getByRole('radio', { name: /RFC 6749 form-encoded first/ }).check();
      await page.getByRole('button', { name: 'Show secret' }).click();
      await page.getByLabel('Okta domain', { exact: true }).fill(`dev-${'9'.repeat(60)}.okta.com`);
      await sendAndWait(page);
      await expect(tokenResponse(page).getByText('HTTP status: 200')).toBeVisible();
      // The token inspector (claims tables, the next call) is drawn too, not its placeholder.
      await expect(tokenResponse(page).getByRole('status', { name: 'Signature' })).toHaveText(
        'Signature verified',
      );
      await openEveryDisclosure(page);
      expect(await page.locator('details:not([open])').count()).toBe(0);
      expect(await page.locator('details[open]').count()).toBeGreaterThanOrEqual(1);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        clientWidth: document.scrollingElement!.clientWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    });
  }
});

test.describe('honest states', () => {
  test('an empty form has nothing to copy and says what is missing', async ({ page }) => {
    await page.goto('/');
    await page.getByText('Make the Base64 yourself: macOS, Linux, Windows').click();
    const copyButtons = page.getByRole('button', { name: /^Copy / });
    // The do-it-yourself commands load when their disclosure opens: count them too.
    await expect(page.getByRole('button', { name: 'Copy macOS and Linux command' })).toBeVisible();
    expect(await copyButtons.count()).toBeGreaterThanOrEqual(5);
    for (const button of await copyButtons.all()) await expect(button).toBeDisabled();
    for (const name of ['Credentials string', 'Base64', 'Authorization header', 'curl command'])
      expect(await outputText(page, name)).toBe('');
    await expect(page.getByText('Og==')).toHaveCount(0);
    await expect(page.getByText('Enter a client ID and secret').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send token request' })).toBeDisabled();

    await page.getByLabel('Client ID', { exact: true }).fill('id');
    await expect(page.getByText('Enter a client secret').first()).toBeVisible();
    await page.getByLabel('Client secret', { exact: true }).fill('s');
    for (const button of await copyButtons.all()) await expect(button).toBeEnabled();
    expect(await outputText(page, 'Base64')).toBe(nodeBase64('id:s'));
  });

  test('an answer is marked out of date after the secret or the scope changes, until the next send', async ({
    page,
  }) => {
    await page.goto('/');
    await useDemo(page, 'okta');
    await sendAndWait(page);
    await expect(tokenResponse(page).getByText('HTTP status: 200')).toBeVisible();
    await expect(staleNote(page)).toHaveCount(0);

    const secret = page.getByLabel('Client secret', { exact: true });
    const original = await secret.inputValue();
    await secret.fill(`${original}x`);
    await expect(staleNote(page)).toHaveText(
      /Out of date: Client secret changed since this answer/,
    );
    // Back to what was sent: the answer matches again.
    await secret.fill(original);
    await expect(staleNote(page)).toHaveCount(0);

    const scope = page.getByLabel('Scope', { exact: true });
    const sentScope = await scope.inputValue();
    await scope.fill('read:reports');
    await secret.fill(`${original}x`);
    await expect(staleNote(page)).toHaveText(/Client secret, Scope changed since this answer/);

    await sendAndWait(page);
    await expect(tokenResponse(page).getByText('HTTP status: 401')).toBeVisible();
    await expect(staleNote(page)).toHaveCount(0);
    await scope.fill(sentScope);
    await expect(staleNote(page)).toHaveText(/Out of date: Scope changed since this answer/);
  });

  test('the answer says which request it answers, without the secret', async ({ page }) => {
    await page.goto('/');
    await useDemo(page, 'special');
    await page.getByRole('radio', { name: /RFC 6749 form-encoded first/ }).check();
    await sendAndWait(page);
    const summary = page.getByLabel('Request sent');
    await expect(summary).toContainText(/POST http:\/\/127\.0\.0\.1:\d+\/demo\/token/);
    await expect(summary).toContainText('demo-special');
    await expect(summary).toContainText(
      'client_secret_basic (Basic header, RFC 6749 form-encoded first)',
    );
    await expect(summary).toContainText('customScope');
    const secret = await page.getByLabel('Client secret', { exact: true }).inputValue();
    expect(await tokenResponse(page).textContent()).not.toContain(secret);
  });

  test('Reset clears every field and the answer, and says the secret is gone', async ({ page }) => {
    await page.goto('/?scope=read%3Areports');
    await useDemo(page, 'okta');
    await sendAndWait(page);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /client secret .* gone/ }),
    ).toBeVisible();
    await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('');
    await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue('');
    await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(
      'https://{yourOktaDomain}/oauth2/default/v1/token',
    );
    await expect(page.getByLabel('Scope', { exact: true })).toHaveValue('customScope');
    await expect(tokenResponse(page).getByText('Nothing sent yet.')).toBeVisible();
    expect(new URL(page.url()).search).toBe('');
    // The note goes away as soon as something is typed again.
    await page.getByLabel('Client ID', { exact: true }).fill('a');
    await expect(page.getByText(/client secret .* gone/)).toHaveCount(0);
  });
});

test('a failure in client_secret_post never advises switching the Credential encoding', async ({
  page,
}) => {
  await page.goto('/');
  await useDemo(page, 'special');
  await page.getByRole('radio', { name: /Request body \(client_secret_post\)/ }).check();
  // Characters that the two Basic encodings treat differently, in a secret that is wrong anyway.
  await page.getByLabel('Client secret', { exact: true }).fill('wrong+secret with space');
  await sendAndWait(page);
  await expect(tokenResponse(page).getByText('invalid_client', { exact: true })).toBeVisible();
  await expect(tokenResponse(page).getByText(/Credential encoding/)).toHaveCount(0);
});

test.describe('keyboard and focus', () => {
  test('Enter in a field sends, and focus lands on the answer heading', async ({ page }) => {
    await page.goto('/');
    await useDemo(page, 'okta');
    await page.getByLabel('Scope', { exact: true }).focus();
    await sendAndWait(page, 'enter');
    await expect(tokenResponse(page).getByText('HTTP status: 200')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Token response' })).toBeFocused();

    await page.getByLabel('Client ID', { exact: true }).focus();
    await sendAndWait(page, 'enter');
    await expect(page.getByRole('heading', { name: 'Token response' })).toBeFocused();
  });

  test('Enter does nothing while there is nothing to send', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Send token request' })).toBeDisabled();
    await page.getByLabel('Client ID', { exact: true }).fill('only-an-id');
    await page.keyboard.press('Enter');
    await expect(tokenResponse(page).getByText('Nothing sent yet.')).toBeVisible();
    await expect(page.getByLabel('Client ID', { exact: true })).toBeFocused();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every control shows a 2 px focus ring that is not the error colour (${colorScheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      await fillCredentials(page, 'id', 's');
      await page.getByText('Make the Base64 yourself: macOS, Linux, Windows').click();
      // Walk the page as it is once loaded: the do-it-yourself commands and the sender (its
      // placeholder's controls are disabled, so Tab would skip them) arrive after the first use.
      await expect(
        page.getByRole('button', { name: 'Copy macOS and Linux command' }),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: 'Use demo server' })).toBeEnabled();
      await page.locator('body').focus();
      const errorColour = await page.evaluate(() => {
        const probe = document.createElement('span');
        probe.className = 'notice-error';
        document.body.append(probe);
        const colour = getComputedStyle(probe).color;
        probe.remove();
        return colour;
      });
      const seen = new Set<string>();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const ring = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          return {
            id: `${el.tagName} ${el.id} ${el.textContent?.slice(0, 30)} ${(el as HTMLInputElement).value ?? ''}`,
            style: style.outlineStyle,
            width: style.outlineWidth,
            colour: style.outlineColor,
            offset: style.outlineOffset,
          };
        });
        if (ring === null || seen.has(ring.id)) break;
        seen.add(ring.id);
        expect(ring.style, ring.id).toBe('solid');
        expect(ring.width, ring.id).toBe('2px');
        expect(ring.offset, ring.id).toBe('2px');
        expect(ring.colour, ring.id).not.toBe(errorColour);
      }
      expect(seen.size).toBeGreaterThan(15);
    });
  }
});

test.describe('tools', () => {
  test('Build a request is the default tool, reachable by tool=build, and the secret stays out of the URL', async ({
    page,
  }) => {
    await page.goto('/?tool=build&clientId=abc');
    const tab = page.getByRole('tab', { name: 'Build a request' });
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Build a request' })).toBeVisible();
    await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('abc');
    await page.getByLabel('Client secret', { exact: true }).fill('tool-secret');
    await tab.click();
    await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue('tool-secret');
    expect(page.url()).not.toContain('tool-secret');
  });

  test('arrow keys, Home and End move between the tools and select them, wrapping at the ends', async ({
    page,
  }) => {
    await page.goto('/');
    const tab = (name: string) => page.getByRole('tab', { name, exact: true });
    const expectSelected = async (name: string) => {
      await expect(tab(name)).toBeFocused();
      await expect(tab(name)).toHaveAttribute('aria-selected', 'true');
    };
    // Keys reach React's handler only once the prerendered page has hydrated.
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
    await tab('Build a request').focus();
    await page.keyboard.press('ArrowRight');
    await expectSelected('Check a header');
    await page.keyboard.press('End');
    await expectSelected('Inspect a token');
    await page.keyboard.press('ArrowRight');
    await expectSelected('Build a request');
    await page.keyboard.press('ArrowLeft');
    await expectSelected('Inspect a token');
    await page.keyboard.press('Home');
    await expectSelected('Build a request');
  });

  test('an unknown tool falls back to the default and says so', async ({ page }) => {
    await page.goto('/?tool=no-such-tool');
    await expect(page.getByRole('tab', { name: 'Build a request' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(
      page.getByText(/not understand and were left at their defaults: tool/),
    ).toBeVisible();
    expect(page.url()).not.toContain('no-such-tool');
  });

  test('the favicon travels inside the page, allowed by the CSP, and is the served file', async ({
    page,
    request,
  }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const requested: string[] = [];
    page.on('request', (sent) => requested.push(new URL(sent.url()).pathname));
    await page.goto('/', { waitUntil: 'networkidle' });
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    const served = await request.get('/favicon.svg');
    expect(served.headers()['content-type']).toContain('image/svg+xml');
    expect(href).toBe(`data:image/svg+xml,${encodeURIComponent((await served.text()).trim())}`);
    expect(requested).not.toContain('/favicon.svg');
    expect(violations).toEqual([]);
  });
});

test.describe('no axe violations in any state', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`empty, filled, error, stale and success (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      await expectNoAxeViolations(page); // empty
      await fillCredentials(page, 'my client', 'a+b c');
      await openEveryDisclosure(page);
      await expectNoAxeViolations(page); // filled, the encodings differ
      await useDemo(page, 'special');
      await sendAndWait(page); // raw: 401 invalid_client
      await expect(tokenResponse(page).getByText('HTTP status: 401')).toBeVisible();
      await expectNoAxeViolations(page); // error
      await page.getByRole('radio', { name: /RFC 6749 form-encoded first/ }).check();
      // A change shows the request in the right pane; the answer, now out of date, is a tab away.
      await page.getByRole('tab', { name: 'The answer' }).click();
      await expect(staleNote(page)).toBeVisible();
      await expectNoAxeViolations(page); // stale
      await sendAndWait(page);
      await expect(tokenResponse(page).getByText('HTTP status: 200')).toBeVisible();
      await openEveryDisclosure(page);
      await expectNoAxeViolations(page); // success
    });
  }
});
