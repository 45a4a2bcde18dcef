import { expect, test, type Page } from '@playwright/test';
import { pasteInto, sendAndWait, tokenResponse } from './send-helpers.ts';

/**
 * What the page concludes from an answer, tried as users do against `npm start`'s real demo
 * servers: the first cause named is the true one, the action under it works, and the advice
 * under the answer and the conclusion of "Find what this server accepts" say the same.
 */

const DEMO_SERVERS = {
  '/demo': '/demo (oidc-provider)',
  '/demo-raw': '/demo-raw (oauth2-server)',
} as const;
const CLIENTS = { okta: 'Okta-style client', special: 'Client whose secret needs form-encoding' };

async function useDemoClient(
  page: Page,
  path: keyof typeof DEMO_SERVERS,
  client: keyof typeof CLIENTS,
) {
  await page.getByLabel('Demo server', { exact: true }).selectOption({ label: DEMO_SERVERS[path] });
  await page.getByLabel('Demo client', { exact: true }).selectOption({ label: CLIENTS[client] });
  await page.getByRole('button', { name: 'Use demo server' }).click();
  await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(
    new RegExp(`${path}/token$`),
  );
}

const secretField = (page: Page) => page.getByLabel('Client secret', { exact: true });
const finder = (page: Page) =>
  tokenResponse(page).getByRole('region', { name: 'Which way does this server accept?' });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test("a wrong secret for the Okta-style demo client: the page says the secret is not that client's, and no way changes it", async ({
  page,
}) => {
  await useDemoClient(page, '/demo', 'okta');
  const secret = await secretField(page).inputValue();
  await secretField(page).fill(`${secret.slice(0, -1)}X`);
  await sendAndWait(page);
  const region = tokenResponse(page);
  await expect(region.getByText('HTTP status: 401')).toBeVisible();
  await expect(
    region.getByText(
      /The client ID is that of the demo client "Okta-style client", and the secret is not that client's: they first differ at character 40 \(both have 40 characters\)\. Neither the method nor the encoding will change that\./,
    ),
  ).toBeVisible();
  await expect(region.getByText(/Choose "Okta-style client" under Demo client/)).toBeVisible();
  await expect(region.getByText(/knows only its own demo clients/)).toHaveCount(0);
  await expect(region.getByText(/Request body \(client_secret_post\)/)).toHaveCount(0);
  await expect(finder(page).getByText(/Sends nothing more/)).toBeVisible();
});

test('the special client, raw, with a scope it may not have: the search finds the way that authenticates and names the scope', async ({
  page,
}) => {
  await useDemoClient(page, '/demo', 'special');
  await page.getByLabel('Scope', { exact: true }).fill('read:reports');
  await sendAndWait(page);
  await finder(page).getByRole('button', { name: 'Find what this server accepts' }).click();
  await expect(
    finder(page).getByRole('list', { name: 'Attempts' }).getByRole('listitem'),
  ).toHaveText([
    'Basic header, Raw UTF-8: 401 invalid_client',
    'Basic header, RFC 6749 form-encoded first: 400 invalid_scope',
  ]);
  await expect(
    finder(page).getByText(/This server form-decodes Basic credentials, as RFC 6749 §2\.3\.1 says/),
  ).toBeVisible();
  await expect(
    finder(page).getByText(
      /The server refuses the scope "read:reports": the demo client "Client whose secret needs form-encoding" may request only "customScope"/,
    ),
  ).toBeVisible();
  await expect(
    finder(page).getByText('Set Scope to "customScope" and send again.', { exact: false }),
  ).toBeVisible();
  await expect(tokenResponse(page).getByText(/ID or (the )?secret|No way worked/)).toHaveCount(0);
  // The advice under the answer reads the same diagnosis: it agrees with the search.
  const advice = tokenResponse(page).getByText(
    /^What it means: This server form-decodes Basic credentials/,
  );
  await expect(advice).toBeVisible();
  await finder(page)
    .getByRole('button', { name: /^Use “Basic header, RFC 6749 form-encoded first”/ })
    .click();
  await page.getByLabel('Scope', { exact: true }).fill('customScope');
  await sendAndWait(page);
  await expect(tokenResponse(page).getByText('Success: an access token.')).toBeVisible();
});

test('/demo/tokenz answers 404: not a token endpoint, and discovery finds the right one', async ({
  page,
}) => {
  await useDemoClient(page, '/demo', 'okta');
  const endpoint = page.getByLabel('Token endpoint', { exact: true });
  await endpoint.fill(`${await endpoint.inputValue()}z`);
  await sendAndWait(page);
  const region = tokenResponse(page);
  await expect(region.getByText('HTTP status: 404')).toBeVisible();
  await expect(
    region.getByText(/\/demo\/tokenz is not a token endpoint: it answered 404 Not Found/),
  ).toBeVisible();
  await expect(region.getByText(/Find the token endpoint in the server's metadata/)).toBeVisible();
  await expect(region.getByText(/malformed/)).toHaveCount(0);
});

test('a byte order mark before the client ID: the ID is blamed and the character named, never the secret', async ({
  page,
}) => {
  await useDemoClient(page, '/demo-raw', 'okta');
  const id = page.getByLabel('Client ID', { exact: true });
  await id.fill(`\ufeff${await id.inputValue()}`);
  await sendAndWait(page);
  const region = tokenResponse(page);
  await expect(region.getByText('HTTP status: 400')).toBeVisible();
  await expect(
    region.getByText(
      /The client ID holds U\+FEFF BYTE ORDER MARK \(ZERO WIDTH NO-BREAK SPACE\) at position 1/,
    ),
  ).toBeVisible();
  await expect(
    region.getByText('Without it, the ID is that of the demo client "Okta-style client".'),
  ).toBeVisible();
  await expect(region.getByText(/the secret|new secret|secret holds/i)).toHaveCount(0);
});

test('a secret pasted with a line break the field removed: the refusal points back to it', async ({
  page,
}) => {
  await useDemoClient(page, '/demo', 'okta');
  await pasteInto(page, 'Client secret', 'not-the-demo-secret\n');
  await expect(
    page.getByText(/The pasted client secret had a line break at the end/),
  ).toBeVisible();
  await sendAndWait(page);
  await expect(
    tokenResponse(page).getByText(
      /You pasted the secret with a line break at the end, which the one-line field removed \(see the note under it\)/,
    ),
  ).toBeVisible();
});

test('characters outside visible ASCII in the secret: the advice and the search agree no way carries it', async ({
  page,
}) => {
  await useDemoClient(page, '/demo', 'okta');
  await secretField(page).fill('café-secret');
  await sendAndWait(page);
  const region = tokenResponse(page);
  await expect(region.getByText('HTTP status: 400')).toBeVisible();
  await expect(
    region.getByText(/The secret holds U\+00E9 at position 4, outside visible ASCII/),
  ).toBeVisible();
  await expect(finder(page).getByText(/Sends nothing more/)).toBeVisible();
  await expect(
    region.getByText(/Switch Credential encoding|Choose Client authentication/),
  ).toHaveCount(0);
});

test('a client the demo server does not have: says so, and which to choose', async ({ page }) => {
  await useDemoClient(page, '/demo-raw', 'okta');
  await page.getByLabel('Client ID', { exact: true }).fill('0oa-my-own-client');
  await sendAndWait(page);
  const region = tokenResponse(page);
  await expect(
    region.getByText(
      /This demo server has no client "0oa-my-own-client": it knows only its own demo clients\./,
    ),
  ).toBeVisible();
  await expect(region.getByText(/Choose "Okta-style client" under Demo client/)).toBeVisible();
});

test('the special client form-encoded at /demo-raw: the encoding is named, and switching it works', async ({
  page,
}) => {
  await useDemoClient(page, '/demo-raw', 'special');
  await page.getByRole('radio', { name: /RFC 6749 form-encoded first/ }).check();
  await sendAndWait(page);
  const region = tokenResponse(page);
  await expect(
    region.getByText(
      /^What it means: Your credentials read differently in the two encodings, and this demo server takes the raw bytes/,
    ),
  ).toBeVisible();
  await expect(region.getByText(/Switch Credential encoding to "Raw UTF-8"/)).toBeVisible();
  await page.getByRole('radio', { name: /Raw UTF-8/ }).check();
  await sendAndWait(page);
  await expect(region.getByText('Success: an access token.')).toBeVisible();
});
