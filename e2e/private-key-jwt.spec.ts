import { expect, test, type Page } from '@playwright/test';
import { createRemoteJWKSet, decodeJwt, importJWK, jwtVerify, type JWK } from 'jose';
import { outputText, runWithRealCurl } from './fixtures.ts';
import { sendAndWait, shownAssertion, tokenResponse } from './send-helpers.ts';
import { axeViolations } from './support/axe.ts';

const KEY_METHOD = /Private key JWT \(private_key_jwt\)/;
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

async function expectNoAxeViolations(page: Page) {
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** "Use demo server" with the demo's key client: its published private key signs. */
async function useDemoKeyClient(page: Page) {
  await page
    .getByLabel('Demo client', { exact: true })
    .selectOption({ label: 'Client that signs with a private key' });
  await page.getByRole('button', { name: 'Use demo server' }).click();
  await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(/\/demo\/token$/);
  await expect(page.getByRole('radio', { name: KEY_METHOD })).toBeChecked();
}

/** Verifies an access token against the demo server's JWKS, independently of the page. */
async function verifyDemoToken(token: string, baseURL: string, clientId: string) {
  const jwks = createRemoteJWKSet(new URL('/demo/jwks', baseURL));
  const { payload } = await jwtVerify(token, jwks, {
    issuer: new URL('/demo', baseURL).href.replace(/\/$/, ''),
  });
  expect(payload.client_id).toBe(clientId);
}

const region = tokenResponse;

test.describe('private_key_jwt', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test('at 360 px the key section and the assertion never scroll sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await useDemoKeyClient(page);
    expect(await shownAssertion(page)).toMatch(JWT);
    await expect(page.getByRole('table', { name: 'Claims' })).toBeVisible();
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBe(0);
  });

  test('the published demo key gets a token, the body carries the assertion and no Authorization header', async ({
    page,
    baseURL,
  }) => {
    await useDemoKeyClient(page);
    const assertion = await shownAssertion(page);
    const claims = decodeJwt(assertion);
    const tokenEndpoint = await page.getByLabel('Token endpoint', { exact: true }).inputValue();
    expect(claims).toMatchObject({
      iss: 'demo-private-key-jwt',
      sub: 'demo-private-key-jwt',
      aud: tokenEndpoint,
    });
    expect(claims.exp! - claims.iat!).toBe(300);
    await expect(
      page.getByRole('note').filter({ hasText: /expires at .* single use/ }),
    ).toHaveCount(2);

    const curl = await outputText(page, 'curl command');
    expect(curl).toContain(
      'client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer',
    );
    expect(curl).toContain(`client_assertion=${assertion}`);
    expect(curl.toLowerCase()).not.toContain('authorization');
    expect(curl).not.toContain('client_secret');
    await expectNoAxeViolations(page);

    await sendAndWait(page);
    await expect(region(page).getByText('HTTP status: 200')).toBeVisible();
    await expect(
      region(page)
        .getByText(/private_key_jwt/)
        .first(),
    ).toBeVisible();
    await verifyDemoToken(await outputText(page, 'Access token'), baseURL!, 'demo-private-key-jwt');
    await expectNoAxeViolations(page);
  });

  test('Use demo server keeps a key the reader generated, and says how to use it there', async ({
    page,
  }) => {
    await page.getByRole('radio', { name: KEY_METHOD }).check();
    await page.getByRole('button', { name: 'Generate key pair' }).click();
    const key = page.getByLabel('Private key', { exact: true });
    await expect(key).toHaveValue(/BEGIN PRIVATE KEY/);
    const generated = await key.inputValue();
    await useDemoKeyClient(page);
    await expect(
      page.getByText(/Your private key is kept, not replaced by the demo's/),
    ).toBeVisible();
    await expect(key).toHaveValue(generated);
    // The way it names works: the demo server then knows this key.
    await page.getByRole('button', { name: 'Register this key with the demo server' }).click();
    await expect(page.getByText(/Registered: the demo server knows this public key/)).toBeVisible();
    await expect(key).toHaveValue(generated);
  });

  test('a key generated in the page, registered with the demo server, gets a token', async ({
    page,
    baseURL,
  }) => {
    await page.getByRole('radio', { name: KEY_METHOD }).check();
    await page.getByRole('radio', { name: /^ES256/ }).check();
    await page.getByRole('button', { name: 'Generate key pair' }).click();
    await expect(page.getByText(/ES256 key read from a PKCS#8 PEM/)).toBeVisible();
    // Masked by default, like the secret.
    await expect(page.getByLabel('Private key', { exact: true })).toHaveAttribute(
      'type',
      'password',
    );
    const publicJwk = JSON.parse(await outputText(page, 'Public key JWK')) as JWK;
    expect(publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(publicJwk).not.toHaveProperty('d');
    expect(JSON.parse(await outputText(page, 'JWKS'))).toEqual({ keys: [publicJwk] });
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Register this key with the demo server' }).click();
    await expect(page.getByText(/Registered: the demo server knows this public key/)).toBeVisible();
    const clientId = await page.getByLabel('Client ID', { exact: true }).inputValue();
    expect(clientId).not.toBe('');
    await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(/\/demo\/token$/);

    // The shown assertion verifies with the shown public key (checked here by jose, not the page).
    const assertion = await shownAssertion(page);
    const { payload, protectedHeader } = await jwtVerify(
      assertion,
      await importJWK(publicJwk, 'ES256'),
    );
    expect(payload.sub).toBe(clientId);
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: publicJwk.kid, typ: 'JWT' });

    await sendAndWait(page);
    await expect(region(page).getByText('HTTP status: 200')).toBeVisible();
    await verifyDemoToken(await outputText(page, 'Access token'), baseURL!, clientId);
  });

  test('the curl command gets a token once; run again it is a refused replay', async ({ page }) => {
    await useDemoKeyClient(page);
    await shownAssertion(page);
    const curl = await outputText(page, 'curl command');

    const first = JSON.parse(runWithRealCurl(curl)) as Record<string, unknown>;
    expect(first).toMatchObject({ token_type: 'Bearer' });
    expect(typeof first.access_token).toBe('string');

    const second = JSON.parse(runWithRealCurl(curl)) as Record<string, unknown>;
    expect(second).toEqual({
      error: 'invalid_client',
      error_description: expect.stringMatching(/client assertion tokens must only be used once/),
    });
  });

  test('sending twice works with a new jti each time; sending the same assertion again is refused and explained', async ({
    page,
  }) => {
    await useDemoKeyClient(page);
    const shownBefore = decodeJwt(await shownAssertion(page)).jti;

    await sendAndWait(page);
    await expect(region(page).getByText('HTTP status: 200')).toBeVisible();
    const firstSent = decodeJwt(await shownAssertion(page)).jti;
    expect(firstSent).not.toBe(shownBefore);

    await sendAndWait(page);
    await expect(region(page).getByText('HTTP status: 200')).toBeVisible();
    const secondSent = decodeJwt(await shownAssertion(page)).jti;
    expect(secondSent).not.toBe(firstSent);

    const before = (await region(page).getAttribute('data-submitted-at')) ?? '';
    await page.getByRole('button', { name: 'Send the same assertion again' }).click();
    await expect(region(page)).not.toHaveAttribute('data-submitted-at', before);
    await expect(region(page).getByText('HTTP status: 401')).toBeVisible();
    await expect(
      region(page)
        .getByText(/must only be used once/)
        .first(),
    ).toBeVisible();
    await expect(
      region(page)
        .getByText(`The server has already seen this assertion (jti "${secondSent}")`)
        .first(),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a token endpoint with a trailing slash: the assertion names another aud, explained', async ({
    page,
  }) => {
    await useDemoKeyClient(page);
    const endpoint = page.getByLabel('Token endpoint', { exact: true });
    const exact = await endpoint.inputValue();
    await endpoint.fill(`${exact}/`);
    expect(decodeJwt(await shownAssertion(page)).aud).toBe(`${exact}/`);

    await sendAndWait(page);
    await expect(region(page).getByText('HTTP status: 401')).toBeVisible();
    await expect(
      region(page)
        .getByText(/audience \(aud\) must equal/)
        .first(),
    ).toBeVisible();
    await expect(
      region(page).getByText(`The assertion names aud "${exact}/", the URL it was sent to`).first(),
    ).toBeVisible();
  });

  test('with Private key JWT chosen, Use demo server keeps it: the demo client offered first is the key client', async ({
    page,
  }) => {
    await page.getByRole('radio', { name: KEY_METHOD }).check();
    await page.getByLabel('Client ID', { exact: true }).focus();
    const client = page.getByLabel('Demo client', { exact: true });
    await expect(client.locator('option:checked')).toHaveText(
      'Client that signs with a private key',
    );
    await page.getByRole('button', { name: 'Use demo server' }).click();
    await expect(page.getByRole('radio', { name: KEY_METHOD })).toBeChecked();
    await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('demo-private-key-jwt');
  });

  test("Okta's org authorization server: the warning names Private key JWT, which then quiets it", async ({
    page,
  }) => {
    await page
      .getByLabel('Token endpoint', { exact: true })
      .fill('https://dev-123456.okta.com/oauth2/v1/token');
    const warning = page.getByText(
      /org authorization server .* "Private key JWT \(private_key_jwt\)"/,
    );
    await expect(warning).toBeVisible();
    await page.getByRole('radio', { name: KEY_METHOD }).check();
    await expect(warning).toHaveCount(0);
    await expect(page.getByLabel('Client secret', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Generate key pair' })).toBeVisible();
  });

  test('with an empty Client ID a generated key signs nothing, and the page says what is missing', async ({
    page,
  }) => {
    await page.getByRole('radio', { name: KEY_METHOD }).check();
    await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('');
    await page.getByRole('button', { name: 'Generate key pair' }).click();
    await expect(page.getByText(/RS256 key read from a PKCS#8 PEM/)).toBeVisible();
    const output = page.getByRole('status', { name: 'Client assertion', exact: true });
    await expect(output).toHaveText('');
    await expect(output).toHaveAccessibleDescription(/Enter a client ID/);
    await expect(page.getByRole('button', { name: 'Copy Client assertion' })).toBeDisabled();
    await expect(page.getByRole('table', { name: 'Claims' })).toHaveCount(0);
    // Nor with the placeholder endpoint derived before an Okta domain is entered.
    await page.getByLabel('Client ID', { exact: true }).fill('svc');
    await expect(output).toHaveText('');
    await expect(output).toHaveAccessibleDescription(/Enter an Okta domain or token endpoint/);
    // Once the claims are complete, it signs.
    await page.getByLabel('Okta domain', { exact: true }).fill('dev-123456.okta.com');
    expect(decodeJwt(await shownAssertion(page))).toMatchObject({
      iss: 'svc',
      sub: 'svc',
      aud: 'https://dev-123456.okta.com/oauth2/default/v1/token',
    });
  });

  test('a malformed key gets a clear error, not a crash', async ({ page }) => {
    await page.getByRole('radio', { name: KEY_METHOD }).check();
    await page.getByLabel('Client ID', { exact: true }).fill('svc');
    await page
      .getByLabel('Private key', { exact: true })
      .fill('-----BEGIN RSA PRIVATE KEY-----MIIEow-----END RSA PRIVATE KEY-----');
    await expect(page.getByRole('alert')).toHaveText(/PKCS#1 RSA key .* openssl pkcs8 -topk8/);
    await expect(page.getByRole('status', { name: 'Client assertion', exact: true })).toHaveText(
      '',
    );
    await expect(page.getByRole('button', { name: 'Send token request' })).toBeDisabled();
    await expectNoAxeViolations(page);
  });

  test('the private key never reaches the URL, storage or console', async ({ page }) => {
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    await page.getByRole('radio', { name: KEY_METHOD }).check();
    await page.getByRole('button', { name: 'Generate key pair' }).click();
    await expect(page.getByText(/RS256 key read from a PKCS#8 PEM/)).toBeVisible();
    await page.getByRole('button', { name: 'Show private key' }).click();
    const pem = await page.getByLabel('Private key', { exact: true }).inputValue();
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    await page.getByRole('button', { name: 'Register this key with the demo server' }).click();
    await expect(page.getByText(/Registered:/)).toBeVisible();
    await sendAndWait(page);
    await expect(region(page).getByText('HTTP status: 200')).toBeVisible();
    await expect(page).toHaveURL(/auth=private_key_jwt/);

    // Distinctive pieces of the key's body: none may appear anywhere outside the page's memory.
    const body = pem.replace(/-----[^-]+-----|\s/g, '');
    const pieces = [body.slice(40, 80), body.slice(-80, -40)];
    const stored = await page.evaluate(
      () =>
        JSON.stringify({ ...localStorage }) +
        JSON.stringify({ ...sessionStorage }) +
        document.cookie,
    );
    for (const piece of pieces) {
      expect(page.url()).not.toContain(piece);
      expect(stored).not.toContain(piece);
      expect(consoleLines.join('\n')).not.toContain(piece);
    }
  });
});
