import { expect, test, type Page } from '@playwright/test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { hydrated, outputText, runWithRealCurl } from './fixtures.ts';
import { sendAndWait, tokenResponse, useDemo } from './send-helpers.ts';
import { axeViolations } from './support/axe.ts';

const region = tokenResponse;
const send = (page: Page) => sendAndWait(page);

/** Verifies an access token against the demo server's JWKS, independently of the page. */
async function verifyDemoToken(token: string, baseURL: string, scope: string) {
  const jwks = createRemoteJWKSet(new URL('/demo/jwks', baseURL));
  const { payload, protectedHeader } = await jwtVerify(token, jwks, {
    issuer: new URL('/demo', baseURL).href.replace(/\/$/, ''),
  });
  expect(protectedHeader.alg).toBe('RS256');
  expect(protectedHeader.typ).toBe('at+jwt');
  expect(payload.exp! - payload.iat!).toBe(3600);
  expect(String(payload.scope).split(' ')).toEqual(expect.arrayContaining(scope.split(' ')));
}

test.describe('sending the token request', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  for (const authMethod of [
    'Basic header (client_secret_basic)',
    'Request body (client_secret_post)',
  ]) {
    for (const encoding of ['Raw UTF-8', 'RFC 6749 form-encoded first']) {
      test(`the Okta-style demo client gets a real token: ${authMethod}, ${encoding}`, async ({
        page,
        baseURL,
      }) => {
        await useDemo(page, 'okta');
        await page
          .getByRole('radio', { name: new RegExp(authMethod.replace(/[()]/g, '\\$&')) })
          .check();
        await page.getByRole('radio', { name: new RegExp(encoding) }).check();
        await send(page);
        await expect(region(page).getByText('HTTP status: 200')).toBeVisible();
        await expect(region(page).getByText(/Success: an access token/)).toBeVisible();
        await expect(region(page).getByText('cache-control', { exact: true })).toBeVisible();
        const token = await outputText(page, 'Access token');
        await verifyDemoToken(
          token,
          baseURL!,
          await page.getByLabel('Scope', { exact: true }).inputValue(),
        );
      });
    }
  }

  test('parsing the answer raises no Content-Security-Policy issue (zod never tries eval)', async ({
    page,
  }) => {
    const cdp = await page.context().newCDPSession(page);
    const issues: string[] = [];
    cdp.on('Audits.issueAdded', ({ issue }) => issues.push(issue.code));
    await cdp.send('Audits.enable');
    await useDemo(page, 'okta');
    await send(page);
    await expect(region(page).getByText('HTTP status: 200')).toBeVisible();
    expect(issues).toEqual([]);
  });

  test('the special-character client fails raw, is explained, and succeeds RFC 6749-encoded', async ({
    page,
    baseURL,
  }) => {
    await useDemo(page, 'special');
    await page.getByRole('radio', { name: /Raw UTF-8/ }).check();
    await send(page);
    await expect(region(page).getByText('HTTP status: 401')).toBeVisible();
    await expect(region(page).getByText('invalid_client', { exact: true })).toBeVisible();
    await expect(
      region(page).getByText(/Switch Credential encoding to "RFC 6749 form-encoded first"/),
    ).toBeVisible();
    await expect(region(page).getByText('www-authenticate', { exact: true })).toBeVisible();

    await page.getByRole('radio', { name: /RFC 6749 form-encoded first/ }).check();
    await send(page);
    await expect(region(page).getByText('HTTP status: 200')).toBeVisible();
    await verifyDemoToken(
      await outputText(page, 'Access token'),
      baseURL!,
      await page.getByLabel('Scope', { exact: true }).inputValue(),
    );
  });

  test('a wrong secret gives 401 invalid_client, explained, and the page stays usable', async ({
    page,
  }) => {
    await useDemo(page, 'okta');
    await page.getByLabel('Client secret', { exact: true }).fill('definitely-wrong');
    await send(page);
    await expect(region(page).getByText('HTTP status: 401')).toBeVisible();
    await expect(region(page).getByText(/the secret is not that client's/)).toBeVisible();
    await useDemo(page, 'okta');
    await send(page);
    await expect(region(page).getByText('HTTP status: 200')).toBeVisible();
  });

  test('right advice only: a client_secret_post failure at the demo server', async ({ page }) => {
    await useDemo(page, 'special');
    await expect(page.getByText("The built-in demo server's token endpoint")).toBeVisible();
    await expect(page.getByText(/Edited by hand/)).toHaveCount(0);
    await page.getByRole('radio', { name: /Request body \(client_secret_post\)/ }).check();
    // Its raw and form encodings differ, which in client_secret_post changes nothing.
    await page.getByLabel('Client secret', { exact: true }).fill('wrong+secret');
    await send(page);
    await expect(region(page).getByText('HTTP status: 401')).toBeVisible();
    await expect(
      region(page).getByText(/Choose "Client whose secret needs form-encoding" under Demo client/),
    ).toBeVisible();
    await expect(region(page).getByText(/Credential encoding/)).toHaveCount(0);
    await expect(region(page).getByText(/Okta/)).toHaveCount(0);
  });

  test('an unknown scope gives invalid_scope, explained', async ({ page }) => {
    await useDemo(page, 'okta');
    await page.getByLabel('Scope', { exact: true }).fill('no-such-scope');
    await send(page);
    await expect(region(page).getByText('invalid_scope', { exact: true })).toBeVisible();
    await expect(region(page).getByText(/refuses the scope "no-such-scope"/)).toBeVisible();
  });

  test('an unreachable token endpoint gives a clear network message', async ({ page }) => {
    await useDemo(page, 'okta');
    // Allowed for the e2e server by PROXY_ALLOWED_HOSTS (playwright.config.ts); nothing listens on port 9.
    await page.getByLabel('Token endpoint', { exact: true }).fill('http://127.0.0.1:9/token');
    await send(page);
    await expect(
      region(page).getByText(/nothing accepts connections at that address and port/),
    ).toBeVisible();
    await page
      .getByLabel('Token endpoint', { exact: true })
      .fill('dev-1.okta.com/oauth2/default/v1/token');
    await send(page);
    await expect(
      region(page).getByText(/Not sent: Token endpoint is not an absolute URL/),
    ).toBeVisible();
    await page.getByLabel('Token endpoint', { exact: true }).fill('http://127.0.0.1:8/token');
    await send(page);
    await expect(region(page).getByText(/the address is not allowed/)).toBeVisible();
    await page
      .getByLabel('Token endpoint', { exact: true })
      .fill('https://no-such-host.invalid/oauth2/default/v1/token');
    await send(page);
    await expect(region(page).getByText(/No answer from the token endpoint/)).toBeVisible();
    await useDemo(page, 'okta');
    await send(page);
    await expect(region(page).getByText('HTTP status: 200')).toBeVisible();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`answers and explanations have no axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await useDemo(page, 'special');
      await send(page); // raw encoding: 401 invalid_client with its explanation
      await expect(region(page).getByText('HTTP status: 401')).toBeVisible();
      let violations = await axeViolations(page);
      expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

      await page.getByRole('radio', { name: /RFC 6749 form-encoded first/ }).check();
      await send(page);
      await expect(region(page).getByText('HTTP status: 200')).toBeVisible();
      await expect(region(page).getByRole('status', { name: 'Signature' })).toHaveText(
        'Signature verified',
      );
      violations = await axeViolations(page);
      expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  }

  for (const client of ['okta', 'special'] as const) {
    test(`the copied curl command, run by bash and the real curl, gets a token: ${client} client`, async ({
      page,
      context,
      baseURL,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await useDemo(page, client);
      if (client === 'special')
        await page.getByRole('radio', { name: /RFC 6749 form-encoded first/ }).check();
      await page.getByRole('button', { name: 'Copy curl command' }).click();
      const command = await page.evaluate(() => navigator.clipboard.readText());
      const answer = JSON.parse(runWithRealCurl(command)) as {
        access_token: string;
        token_type: string;
      };
      expect(answer.token_type).toBe('Bearer');
      await verifyDemoToken(
        answer.access_token,
        baseURL!,
        await page.getByLabel('Scope', { exact: true }).inputValue(),
      );
    });
  }
});

test('the sender and discovery share one session: /api/session is fetched once, and kept by Reset', async ({
  page,
}) => {
  const sessionRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/session') sessionRequests.push(request.url());
  });
  await page.goto('/');
  await useDemo(page, 'okta');
  await send(page);
  await expect(region(page).getByText('HTTP status: 200')).toBeVisible();

  const tokenEndpoint = await page.getByLabel('Token endpoint', { exact: true }).inputValue();
  await page.getByLabel('Issuer', { exact: true }).fill(tokenEndpoint.replace(/\/token$/, ''));
  await page.getByRole('button', { name: 'Discover' }).click();
  await expect(page.getByRole('region', { name: 'Server metadata' })).toBeVisible();

  // Reset remounts the sender; it reads the session it already has.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(region(page).getByText('Nothing sent yet.')).toBeVisible();
  await useDemo(page, 'okta');
  await send(page);
  await expect(region(page).getByText('HTTP status: 200')).toBeVisible();
  expect(sessionRequests).toHaveLength(1);
});

test.describe('the sender arriving while Use demo server is in use', () => {
  /** Holds the sender's code back until `release` is called; resolves once it was asked for. */
  async function holdSender(page: Page) {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked = () => {};
    const askedFor = new Promise<void>((resolve) => (asked = resolve));
    await page.route('**/assets/SendSection-*.js', async (route) => {
      asked();
      await released;
      await route.continue();
    });
    return { askedFor, release };
  }

  test('a press that started on the placeholder still counts once the sender has arrived', async ({
    page,
  }) => {
    const sender = await holdSender(page);
    await page.goto('/');
    await hydrated(page);
    const useDemoButton = page.getByRole('button', { name: 'Use demo server' });
    // Pointing at the form asks for the sender; the button is pressed while it is on its way.
    await useDemoButton.hover();
    await sender.askedFor;
    await page.mouse.down();
    sender.release();
    // Everything the sender needs has arrived (and, were it handed over now, its session too).
    await page.waitForLoadState('networkidle');
    await page.mouse.up();
    await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(/\/demo\/token$/);
  });

  test('a keyboard user focused on the placeholder button stays on it', async ({ page }) => {
    const sender = await holdSender(page);
    await page.goto('/');
    await hydrated(page);
    const useDemoButton = page.getByRole('button', { name: 'Use demo server' });
    await useDemoButton.focus();
    await sender.askedFor;
    sender.release();
    await expect(page.getByLabel('Demo client', { exact: true })).toBeEnabled();
    await expect(useDemoButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(/\/demo\/token$/);
  });
});
