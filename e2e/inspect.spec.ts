import { expect, test, type Page } from '@playwright/test';
import { generateKeyPair, SignJWT } from 'jose';
import { outputText, runWithStandInCurl, valuesOf } from './fixtures.ts';
import { sendAndWait, tokenResponse } from './send-helpers.ts';
import { axeViolations } from './support/axe.ts';

interface DemoInfo {
  issuer: string;
  tokenEndpoint: string;
}

async function demoInfo(page: Page): Promise<DemoInfo> {
  const session = (await (await page.request.get('/api/session')).json()) as { demo: DemoInfo };
  return session.demo;
}

const signature = (page: Page) => page.getByRole('status', { name: 'Signature' });

/** A real token from the demo server, issued through the Build tool. */
async function issueDemoToken(page: Page): Promise<string> {
  await page.goto('/');
  // The first demo client is the Okta-style one.
  await page.getByRole('button', { name: 'Use demo server' }).click();
  await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(/\/demo\/token$/);
  await sendAndWait(page);
  await expect(tokenResponse(page).getByText('HTTP status: 200')).toBeVisible();
  return outputText(page, 'Access token');
}

async function inspect(page: Page, token: string) {
  await page.getByRole('tab', { name: 'Inspect a token' }).click();
  await page.getByRole('textbox', { name: 'Access token', exact: true }).fill(token);
}

/** Changes one character in the middle of the signature: still base64url, no longer valid. */
function alterOneCharacter(token: string): string {
  const [header, payload, sig] = token.split('.') as [string, string, string];
  const middle = Math.floor(sig.length / 2);
  const replacement = sig[middle] === 'A' ? 'B' : 'A';
  return `${header}.${payload}.${sig.slice(0, middle)}${replacement}${sig.slice(middle + 1)}`;
}

test.describe('discovery', () => {
  test('finds the demo server from its issuer, fills the token endpoint and offers customScope', async ({
    page,
  }) => {
    await page.goto('/');
    const demo = await demoInfo(page);
    const endpoint = page.getByLabel('Token endpoint', { exact: true });
    await endpoint.fill('https://elsewhere.example/oauth/token');
    await page.getByLabel('Issuer', { exact: true }).fill(demo.issuer);
    await page.getByRole('button', { name: 'Discover' }).click();
    await expect(endpoint).toHaveValue(demo.tokenEndpoint);
    await expect(page.getByText("From the issuer's metadata")).toBeVisible();
    const metadata = page.getByRole('region', { name: 'Server metadata' });
    await expect(metadata.getByText(/client_secret_basic/)).toBeVisible();
    await expect(metadata.getByText(/client_credentials/)).toBeVisible();
    const customScope = metadata.getByRole('button', { name: 'customScope', exact: true });
    await expect(customScope).toHaveAttribute('aria-pressed', 'true'); // the default scope
    await metadata.getByRole('button', { name: 'read:reports' }).click();
    await expect(page.getByLabel('Scope', { exact: true })).toHaveValue('customScope read:reports');
  });

  test('an issuer without metadata lists every URL tried and fills nothing', async ({ page }) => {
    await page.goto('/');
    const demo = await demoInfo(page);
    const endpoint = page.getByLabel('Token endpoint', { exact: true });
    await endpoint.fill('https://elsewhere.example/oauth/token');
    // An issuer nobody publishes metadata for: every URL tried is listed, nothing is filled.
    await page.getByLabel('Issuer', { exact: true }).fill(`${demo.issuer}/nope`);
    await page.getByRole('button', { name: 'Discover' }).click();
    await expect(page.getByText(/No metadata for this issuer was found/)).toBeVisible();
    for (const url of [
      `${new URL(demo.issuer).origin}/.well-known/oauth-authorization-server/demo/nope`,
      `${demo.issuer}/nope/.well-known/oauth-authorization-server`,
      `${demo.issuer}/nope/.well-known/openid-configuration`,
    ]) {
      await expect(page.getByText(url, { exact: true })).toBeVisible();
    }
    await expect(endpoint).toHaveValue('https://elsewhere.example/oauth/token');
  });
});

test.describe('the token inspector', () => {
  test('the issued token shows Signature verified, its claims explained, and the next call', async ({
    page,
  }) => {
    const token = await issueDemoToken(page);
    const region = tokenResponse(page);
    await expect(signature(page)).toHaveText('Signature verified');
    await expect(region.getByRole('rowheader', { name: 'client_id' })).toBeVisible();
    await expect(region.getByText(/expires in (59 min|1 h 0 min)/).first()).toBeVisible();
    await region.getByLabel('Expected audience').fill('api://playground');
    await expect(
      region.getByText('aud includes the expected audience api://playground.'),
    ).toBeVisible();
    await region.getByLabel('Expected audience').fill('api://other');
    await expect(region.getByText(/not api:\/\/other/)).toBeVisible();

    await region.getByLabel('API URL').fill("https://api.example/reports?name=o'brien");
    const command = await outputText(page, 'API request (curl)');
    const args = runWithStandInCurl(command);
    expect(args[0]).toBe("https://api.example/reports?name=o'brien");
    expect(valuesOf(args, '-H')).toEqual([`Authorization: Bearer ${token}`]);
    await expect(
      region.getByText(/Reuse this token for every call until it expires/),
    ).toBeVisible();
  });

  test('the same token with one character altered fails, and says why', async ({ page }) => {
    const token = await issueDemoToken(page);
    await inspect(page, alterOneCharacter(token));
    await expect(signature(page)).toContainText('Not verified: bad signature');
  });

  test('a token from another key that has expired says unknown kid and that it expired', async ({
    page,
  }) => {
    await page.goto('/');
    const demo = await demoInfo(page);
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ scope: 'customScope', client_id: 'intruder' })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'not-a-demo-key' })
      .setIssuer(demo.issuer)
      .setAudience('api://playground')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 180)
      .sign(privateKey);
    await inspect(page, forged);
    await page.getByRole('textbox', { name: 'Expected issuer' }).fill(demo.issuer);
    await expect(signature(page)).toContainText('unknown kid');
    await expect(signature(page)).toContainText('"not-a-demo-key"');
    await expect(page.getByText(/The token has expired \(expired 3 min ago\)/)).toBeVisible();
  });

  test('an opaque token is recognised and explained', async ({ page }) => {
    await page.goto('/?tool=inspect');
    await page
      .getByRole('textbox', { name: 'Access token', exact: true })
      .fill('  Bearer 2YotnFZFEjr1zCsicMWpAA ');
    await expect(page.getByText(/This is an opaque access token/)).toBeVisible();
    await expect(page.getByText(/token introspection \(RFC 7662\)/)).toBeVisible();
    await expect(page.getByRole('status', { name: 'Token', exact: true })).toHaveText(
      '2YotnFZFEjr1zCsicMWpAA',
    );
  });

  test('a whole Bearer header line, a curl -H argument or a token response is read down to the token', async ({
    page,
  }) => {
    const { privateKey } = await generateKeyPair('ES256');
    const jwt = await new SignJWT({ scope: 'customScope' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('https://as.example')
      .sign(privateKey);
    await page.goto('/?tool=inspect');
    const input = page.getByRole('textbox', { name: 'Access token', exact: true });
    const shown = page.getByRole('status', { name: 'Token', exact: true });
    await input.fill(`Authorization: Bearer ${jwt}`);
    await expect(shown).toHaveText(jwt);
    await expect(page.getByText(/Read from a whole header line/)).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'scope' })).toBeVisible();
    await expect(page.getByText(/This is an opaque access token/)).toHaveCount(0);

    await input.fill(`-H "Authorization: Bearer ${jwt}"`);
    await expect(shown).toHaveText(jwt);
    await expect(page.getByText(/the curl option -H/)).toBeVisible();

    await input.fill(JSON.stringify({ access_token: jwt, token_type: 'Bearer', expires_in: 3600 }));
    await expect(shown).toHaveText(jwt);
    await expect(page.getByText(/access_token of a pasted token response/)).toBeVisible();
  });

  test('words with spaces are not called an opaque access token', async ({ page }) => {
    await page.goto('/?tool=inspect');
    await page
      .getByRole('textbox', { name: 'Access token', exact: true })
      .fill('not a token at all');
    await expect(page.getByText(/cannot be an access token/)).toBeVisible();
    await expect(page.getByText(/This is an opaque access token/)).toHaveCount(0);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the Inspect tool has no axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      const token = await issueDemoToken(page);
      await page.getByRole('tab', { name: 'Inspect a token' }).click();
      let violations = await axeViolations(page);
      expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      await page.getByRole('textbox', { name: 'Access token', exact: true }).fill(token);
      await expect(signature(page)).toHaveText('Signature verified');
      await page.getByRole('textbox', { name: 'Expected audience' }).fill('api://other');
      violations = await axeViolations(page);
      expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  }
});
