import type { Page } from '@playwright/test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { hydrated, outputText, runWithRealCurl } from './fixtures.ts';
import { sendAndWait, showRequest, tokenResponse } from './send-helpers.ts';
import { axeViolations } from './support/axe.ts';
import { expect, test } from './support/clean-console.ts';

/**
 * DPoP (RFC 9449) against `npm start`'s real demo server (oidc-provider, nonces required) and demo
 * API: from the checkbox to a bound token through the nonce round trip, then the API call.
 */
test('a DPoP-bound token through the nonce round trip, then the demo API with DPoP, and as Bearer', async ({
  page,
}) => {
  await page.goto('/?dpop=1');
  await hydrated(page);
  await expect(page.getByRole('checkbox', { name: 'DPoP (proof of possession)' })).toBeChecked();
  const publicKey = JSON.parse(await outputTextWhenSet(page, 'DPoP public key (JWK)'));
  expect(publicKey).toMatchObject({ kty: 'EC', crv: 'P-256' });
  expect(publicKey).not.toHaveProperty('d');
  const thumbprint = await outputTextWhenSet(page, 'Key thumbprint (jkt)');

  // With DPoP on, Use demo server picks the client that requires it.
  await page.getByRole('button', { name: 'Use demo server' }).click();
  await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('demo-dpop');
  const tokenEndpoint = await page.getByLabel('Token endpoint', { exact: true }).inputValue();
  const shown = await shownProof(page);
  expect(decodeProtectedHeader(shown)).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256' });
  expect(decodeJwt(shown)).toMatchObject({ htm: 'POST', htu: tokenEndpoint });
  expect(await outputText(page, 'curl command')).toContain(`DPoP: ${shown}`);

  // The first request has no nonce: the server asks for one, the page sends again with it.
  await sendAndWait(page);
  const region = tokenResponse(page);
  const roundTrip = region.getByRole('list', { name: 'DPoP nonce round trip' });
  await expect(roundTrip).toContainText('use_dpop_nonce');
  await expect(region.getByText('HTTP status: 200')).toBeVisible();
  await expect(region.getByText(/A DPoP token/)).toBeVisible();
  await expect(region.getByText(/Bound to this page's DPoP key/)).toContainText(thumbprint);

  // The page's curl command now carries the server's nonce in a fresh proof: bash and curl get a token.
  await showRequest(page);
  await expect.poll(async () => decodeJwt(await shownProof(page)).nonce).toBeTruthy();
  const fromCurl = JSON.parse(runWithRealCurl(await outputText(page, 'curl command')));
  expect(fromCurl).toMatchObject({ token_type: 'DPoP' });

  // The next call: the demo API takes the bound token with a proof, and refuses it as Bearer.
  await page.getByRole('tab', { name: 'The answer' }).click();
  await page.getByRole('button', { name: 'Use the demo API' }).click();
  const apiCommand = await outputTextWhenSet(page, 'API request (curl)');
  expect(apiCommand).toContain("'Authorization: DPoP ");
  const apiResponse = page.getByRole('region', { name: 'API response' });
  await page.getByRole('button', { name: 'Send API request' }).click();
  await expect(apiResponse.getByText('HTTP status: 200')).toBeVisible();
  await page.getByRole('radio', { name: /^Bearer/ }).check();
  await page.getByRole('button', { name: 'Send API request' }).click();
  await expect(apiResponse.getByText('HTTP status: 401')).toBeVisible();
  await expect(apiResponse).toContainText(/bound/i);

  expect(await axeViolations(page)).toEqual([]);

  // The private key is nowhere a page could leak it: not in the URL, not in storage.
  const search = new URL(page.url()).search;
  expect(search).toContain('dpop=1');
  expect(search).not.toContain(publicKey.x);
  const stored = await page.evaluate(() =>
    JSON.stringify([{ ...localStorage }, { ...sessionStorage }]),
  );
  expect(stored).not.toContain('"d"');
  expect(stored).not.toContain(publicKey.x);

  // Nothing scrolls sideways on a phone.
  await page.setViewportSize({ width: 360, height: 800 });
  // Polled: the layout settles a frame or two after the resize.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
});

/** An output's text once it has one (the key pair and the proofs are made asynchronously). */
async function outputTextWhenSet(page: Page, name: string) {
  const output = page.getByRole('status', { name, exact: true });
  await expect(output).not.toHaveText('');
  return (await output.textContent()) ?? '';
}

async function shownProof(page: Page): Promise<string> {
  await showRequest(page);
  const output = page.getByRole('status', { name: 'DPoP proof', exact: true });
  await expect(output).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  return (await output.textContent()) ?? '';
}

test('the DPoP client without a proof: the answer says to turn DPoP on', async ({ page }) => {
  await page.goto('/');
  await hydrated(page);
  await page
    .getByLabel('Demo client', { exact: true })
    .selectOption({ label: 'Client whose tokens are bound to a key (DPoP)' });
  await page.getByRole('button', { name: 'Use demo server' }).click();
  const dpop = page.getByRole('checkbox', { name: 'DPoP (proof of possession)' });
  // The client requires DPoP: choosing it turns DPoP on; the reader turns it off again.
  await expect(dpop).toBeChecked();
  await dpop.uncheck();
  await sendAndWait(page);
  const region = tokenResponse(page);
  await expect(region.getByText('HTTP status: 400')).toBeVisible();
  await expect(region).toContainText('Turn on "DPoP (proof of possession)" and send again');
});
