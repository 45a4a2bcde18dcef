import { expect, test, type Page } from '@playwright/test';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { outputText, runWithRealCurl } from './fixtures.ts';
import { sendAndWait, shownAssertion, tokenResponse } from './send-helpers.ts';

const SECRET_JWT_METHOD = /Secret-signed JWT \(client_secret_jwt\)/;
// The demo client's secret is public on purpose (README, "The demo server").
const DEMO_SECRET = 'hs256-Zq8vN3tLw5xR2cKp9mYb7sFd4gHj6uEaTn1W';

/** "Use demo server" with the demo client that signs with its secret. */
async function useDemoSecretJwtClient(page: Page) {
  await page
    .getByLabel('Demo client', { exact: true })
    .selectOption({ label: 'Client that signs with its secret' });
  await page.getByRole('button', { name: 'Use demo server' }).click();
  await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(/\/demo\/token$/);
  await expect(page.getByRole('radio', { name: SECRET_JWT_METHOD })).toBeChecked();
}

test.describe('client_secret_jwt', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test('the demo client gets a token with an HS256 assertion; the secret never travels', async ({
    page,
  }) => {
    await useDemoSecretJwtClient(page);
    // The secret is what signs: it stays in its field, and the encoding choice (Basic only) goes.
    await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue(DEMO_SECRET);
    await expect(page.getByRole('radiogroup', { name: 'Credential encoding' })).toHaveCount(0);
    const assertion = await shownAssertion(page);
    // Verified here by jose with the secret, not by the page.
    const tokenEndpoint = await page.getByLabel('Token endpoint', { exact: true }).inputValue();
    const { payload } = await jwtVerify(assertion, new TextEncoder().encode(DEMO_SECRET), {
      issuer: 'demo-client-secret-jwt',
      subject: 'demo-client-secret-jwt',
      audience: tokenEndpoint,
      algorithms: ['HS256'],
    });
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(decodeProtectedHeader(assertion)).toEqual({ alg: 'HS256', typ: 'JWT' });
    await expect(page.getByRole('table', { name: 'Header' })).toContainText('HS256');

    const curl = await outputText(page, 'curl command');
    expect(curl).toContain(`client_assertion=${assertion}`);
    expect(curl).not.toContain(DEMO_SECRET);
    expect(curl.toLowerCase()).not.toContain('authorization');

    await sendAndWait(page);
    const region = tokenResponse(page);
    await expect(region.getByText('HTTP status: 200')).toBeVisible();
    await expect(
      region.getByText(/client_secret_jwt \(an assertion signed with the secret, assertion jti /),
    ).toBeVisible();
    // Every send signs a new assertion.
    expect(decodeJwt(await shownAssertion(page)).jti).not.toBe(payload.jti);
  });

  test('the curl command, run by bash and curl, gets a token once, then is refused as a replay', async ({
    page,
  }) => {
    await useDemoSecretJwtClient(page);
    await shownAssertion(page);
    const curl = await outputText(page, 'curl command');
    expect(JSON.parse(runWithRealCurl(curl))).toMatchObject({ token_type: 'Bearer' });
    expect(JSON.parse(runWithRealCurl(curl))).toEqual({
      error: 'invalid_client',
      error_description: expect.stringMatching(/must only be used once/),
    });
  });

  test('a mistyped secret: the signature does not verify, explained as the secret (not a key)', async ({
    page,
  }) => {
    await useDemoSecretJwtClient(page);
    await page.getByLabel('Client secret', { exact: true }).fill(`${DEMO_SECRET}x`);
    await sendAndWait(page);
    const region = tokenResponse(page);
    await expect(region.getByText('HTTP status: 401')).toBeVisible();
    await expect(
      region.getByText(/checked its HMAC with the secret it holds for "demo-client-secret-jwt"/),
    ).toBeVisible();
    await expect(region.getByText(/public key/)).toHaveCount(0);
  });

  test('a client registered for the Basic header, sent as client_secret_jwt: the method is named', async ({
    page,
  }) => {
    await page.getByLabel('Demo client', { exact: true }).selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Use demo server' }).click();
    await page.getByRole('radio', { name: SECRET_JWT_METHOD }).check();
    await shownAssertion(page);
    await sendAndWait(page);
    const region = tokenResponse(page);
    await expect(region.getByText('HTTP status: 401')).toBeVisible();
    await expect(
      region.getByText(/is registered for another authentication method, not client_secret_jwt/),
    ).toBeVisible();
  });

  test('the method travels in the link as auth=client_secret_jwt, and the secret never does', async ({
    page,
  }) => {
    await useDemoSecretJwtClient(page);
    await expect(page).toHaveURL(/[?&]auth=client_secret_jwt(&|$)/);
    expect(page.url()).not.toContain(DEMO_SECRET);
    await page.goto('/?auth=client_secret_jwt');
    await expect(page.getByRole('radio', { name: SECRET_JWT_METHOD })).toBeChecked();
    await expect(page.getByLabel('Client secret', { exact: true })).toBeVisible();
  });

  test('a secret shorter than 256 bits is flagged for this method only (RFC 7518 §3.2)', async ({
    page,
  }) => {
    await page.getByLabel('Client ID', { exact: true }).fill('svc');
    await page.getByLabel('Client secret', { exact: true }).fill('short-secret');
    const warning = page.getByText(/This secret is 12 bytes, too short to sign with/);
    await page.getByRole('radio', { name: SECRET_JWT_METHOD }).check();
    await expect(warning).toBeVisible();
    await page.getByRole('radio', { name: /^Basic header/ }).check();
    await expect(warning).toHaveCount(0);
  });
});
