import { expect, test, type Page, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fillCredentials, hydrated } from './fixtures.ts';
import { sendAndWait, tokenResponse } from './send-helpers.ts';
import { axeViolations } from './support/axe.ts';

/** Requests as each vendor's documentation writes them (the source is in the file). */
interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly contentType: string;
  readonly body: string;
}
const RECORDED = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'recorded', 'vendor-requests.json'), 'utf8'),
) as Record<'entra' | 'auth0', RecordedRequest>;

/**
 * What the page asks its proxy to send, caught before it leaves the browser (no network): the
 * target URL, the forwarded content type and the body. The page gets a made-up error back.
 */
async function sendCaught(page: Page): Promise<RecordedRequest> {
  let caught: Request | undefined;
  await page.route('**/api/proxy', async (route) => {
    caught = route.request();
    await route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'invalid_request', error_description: 'not sent (test)' }),
    });
  });
  await sendAndWait(page);
  if (!caught) throw new Error('the page sent nothing to its proxy');
  const headers = await caught.allHeaders();
  return {
    method: caught.method(),
    url: headers['x-proxy-target'] ?? '',
    contentType: headers['content-type'] ?? '',
    body: caught.postData() ?? '',
  };
}

/** A form body's fields, each as its exact encoded bytes, in order. */
const fields = (body: string) => body.split('&');

test('the Entra and Auth0 presets build the request each documents, byte for byte', async ({
  page,
}) => {
  // A hand-made link names the server and its tenant only: Entra's scope and method follow.
  await page.goto('/?server=entra&tenant=contoso.onmicrosoft.com');
  await hydrated(page);
  const server = page.getByLabel('Server', { exact: true });
  await expect(server).toHaveValue('entra');
  await fillCredentials(page, '535fb089-9ff3-47b6-9bfb-4f1264799865', 'sampleCredentia1s');
  await expect(page.getByLabel('Scope', { exact: true })).toHaveValue(
    'https://graph.microsoft.com/.default',
  );
  const entra = await sendCaught(page);
  const { method, url, contentType } = RECORDED.entra;
  expect({ ...entra, body: '' }).toEqual({ method, url, contentType, body: '' });
  // Entra's sample lists the same fields in another order (a form body's order carries no meaning):
  // every field is the same bytes.
  expect(fields(entra.body).toSorted()).toEqual(fields(RECORDED.entra.body).toSorted());
  await page.unroute('**/api/proxy');

  await server.selectOption({ label: 'Auth0' });
  await expect(page.getByLabel('Tenant', { exact: true })).toHaveCount(0);
  await page.getByLabel('Auth0 domain', { exact: true }).fill('dev-abc123.us.auth0.com');
  await fillCredentials(page, 'YOUR_CLIENT_ID', 'YOUR_CLIENT_SECRET');
  const audience = page.getByLabel('Audience', { exact: true });
  await expect(audience).toHaveAccessibleDescription(/refuses .* without an audience/);
  await audience.fill('https://api.example.com');
  await expect(page).toHaveURL(/[?&]server=auth0&/);
  await expect(page).toHaveURL(/[?&]audience=https%3A%2F%2Fapi\.example\.com/);
  expect(await sendCaught(page)).toEqual({
    method: RECORDED.auth0.method,
    url: RECORDED.auth0.url,
    contentType: RECORDED.auth0.contentType,
    body: RECORDED.auth0.body,
  });
});

test('an audience sent to the demo server is the aud of its token; a client secret is no extra parameter', async ({
  page,
}) => {
  await page.goto('/?server=generic&audience=api%3A%2F%2Fplayground-reports&demo=1');
  await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(/\/demo\/token$/);
  await expect(page.getByLabel('Audience', { exact: true })).toHaveValue(
    'api://playground-reports',
  );

  const extra = page.getByLabel('Extra parameters', { exact: true });
  await extra.fill('client_secret=leaked');
  await expect(extra).toHaveAccessibleDescription(
    /Line 1 is not sent: client_secret is not an extra parameter/,
  );
  await expect(page.getByRole('tab', { name: 'curl (bash)' })).toBeVisible();
  const curl = page.getByRole('tabpanel', { name: 'curl (bash)' });
  await expect(curl).toContainText('audience=api%3A%2F%2Fplayground-reports');
  await expect(curl).not.toContainText('leaked');
  // The fields of another server, the parameters and a refused line: one scan of that state.
  expect(await axeViolations(page, 'section[aria-labelledby="endpoint-heading"]')).toEqual([]);

  const answer = page.waitForResponse(
    (response) => response.url().endsWith('/api/proxy') && response.request().method() === 'POST',
  );
  await sendAndWait(page);
  const body = (await (await answer).json()) as { access_token: string };
  const payload = JSON.parse(
    Buffer.from(body.access_token.split('.')[1] ?? '', 'base64url').toString('utf8'),
  ) as { aud: unknown };
  expect(payload.aud).toBe('api://playground-reports');
  await expect(tokenResponse(page).getByText('HTTP status: 200')).toBeVisible();
  await expect(tokenResponse(page).getByText('audience=api://playground-reports')).toBeVisible();
});
