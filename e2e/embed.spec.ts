import AxeBuilder from '@axe-core/playwright';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeBase64 } from './fixtures.ts';

/**
 * A documentation page on a second origin (a server this test starts on `localhost`, while the
 * playground runs on 127.0.0.1) embeds the playground and sizes the frame from its messages, as
 * the README tells documentation sites to.
 */
let host: Server;
let hostOrigin: string;

/** The host page: one frame (with or without the clipboard permission) and the README's listener. */
function hostPage(src: string, allowClipboard: boolean): string {
  const allow = allowClipboard ? ' allow="clipboard-write"' : '';
  return `<!doctype html><html lang="en"><head><title>Docs</title></head><body>
<main><h1>Docs page</h1><p style="height: 600px">Try it:</p>
<iframe src="${src.replaceAll('&', '&amp;')}" title="OAuth 2.0 client credentials playground" width="100%" height="300"${allow}></iframe>
<p>After the frame.</p></main>
<script>
window.received = [];
addEventListener('message', (event) => {
  window.received.push({ origin: event.origin, data: event.data });
  const frame = document.querySelector('iframe');
  if (event.source !== frame.contentWindow) return;
  if (event.data?.type !== 'client-credentials-playground:height') return;
  frame.style.height = event.data.height + 'px';
});
</script></body></html>`;
}

test.beforeAll(async () => {
  host = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const src = url.searchParams.get('src') ?? '';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(hostPage(src, url.searchParams.get('clipboard') === '1'));
  });
  await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
});

async function openHost(page: Page, baseURL: string, query: string, clipboard = false) {
  const src = `${baseURL}/${query}`;
  await page.goto(
    `${hostOrigin}/?src=${encodeURIComponent(src)}${clipboard ? '&clipboard=1' : ''}`,
  );
  return page.frameLocator('iframe');
}

interface Received {
  origin: string;
  data: unknown;
}
const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Received[] }).received);
const frameHeight = (page: Page) => page.locator('iframe').evaluate((frame) => frame.clientHeight);
/** The embedded page's content height, measured inside the frame. */
const contentHeight = (frame: FrameLocator) =>
  frame.locator('body').evaluate((body) => Math.ceil(body.getBoundingClientRect().height));

test('a docs page on another origin shows the pre-filled embed, sized to its content as it changes', async ({
  page,
  baseURL,
}) => {
  const frame = await openHost(
    page,
    baseURL ?? '',
    '?embed=1&clientId=0oa-docs-client&domain=dev-1.okta.com&scope=docs.read',
  );
  await expect(frame.getByLabel('Client ID', { exact: true })).toHaveValue('0oa-docs-client');
  await expect(frame.getByLabel('Okta domain', { exact: true })).toHaveValue('dev-1.okta.com');
  await expect(frame.getByLabel('Scope', { exact: true })).toHaveValue('docs.read');
  // No page chrome: the title is for screen readers only, no intro, no footer.
  await expect(
    frame.getByRole('heading', { name: 'Client Credentials Playground' }),
  ).not.toBeInViewport();
  await expect(frame.getByText(/Share this page's address/)).toHaveCount(0);

  // The host resized the 300 px frame to the whole content.
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(600);
  await expect.poll(async () => (await frameHeight(page)) - (await contentHeight(frame))).toBe(0);
  const before = await frameHeight(page);

  // Typing works, and a change in the content's height reaches the host.
  const secret = 'docs-secret-value-123';
  await frame.getByLabel('Client secret', { exact: true }).fill(secret);
  await expect(frame.getByRole('status', { name: 'Base64', exact: true })).toHaveText(
    nodeBase64(`0oa-docs-client:${secret}`),
  );
  await expect.poll(() => frameHeight(page)).not.toBe(before);
  await expect.poll(async () => (await frameHeight(page)) - (await contentHeight(frame))).toBe(0);

  // Every message has the documented shape, names the sender's origin, and holds no secret.
  const messages = await received(page);
  expect(messages.length).toBeGreaterThan(0);
  const playgroundOrigin = new URL(baseURL ?? '').origin;
  for (const message of messages) {
    expect(message.origin).toBe(playgroundOrigin);
    expect(Object.keys(message.data as object).sort()).toEqual(['height', 'type']);
    expect((message.data as { type: string }).type).toBe('client-credentials-playground:height');
  }
  expect(JSON.stringify(messages)).not.toContain(secret);

  // The link to the full tool carries the setup but never the secret, and opens a new tab.
  const link = frame.getByRole('link', { name: /Open in the full playground/ });
  await expect(link).toHaveAttribute('target', '_blank');
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toContain('clientId=0oa-docs-client');
  expect(href).not.toContain('embed=1');
  expect(href).not.toContain(secret);
});

test('demo=1 pre-selects the demo server, and sending works inside the frame', async ({
  page,
  baseURL,
}) => {
  const frame = await openHost(page, baseURL ?? '', '?embed=1&demo=1&theme=dark');
  await expect(frame.getByLabel('Token endpoint', { exact: true })).toHaveValue(/\/demo\/token$/);
  await expect(frame.getByLabel('Client ID', { exact: true })).not.toHaveValue('');
  const background = await frame
    .locator('html')
    .evaluate((root) => getComputedStyle(root).backgroundColor);
  expect(background).toBe('rgb(15, 18, 23)'); // the dark theme's background, whatever the system says
  await frame.getByRole('button', { name: 'Send token request' }).click();
  await expect(
    frame.getByRole('region', { name: 'Token response' }).getByText('HTTP status: 200'),
  ).toBeVisible();
});

test('at 360 px, walking the guided steps neither resizes nor scrolls the host; an answer grows the frame by its own height', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const frame = await openHost(page, baseURL ?? '', '?embed=1&guided=1&demo=1');
  await expect(frame.getByLabel('Client ID', { exact: true })).not.toHaveValue('');
  await expect.poll(async () => (await frameHeight(page)) - (await contentHeight(frame))).toBe(0);
  const settled = (await received(page)).length;
  const heightBefore = await frameHeight(page);

  // The reader scrolls to the frame's Next button and walks the steps with it.
  const next = frame.getByRole('button', { name: /^Next: / });
  await next.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  const titles = ['Join them', 'Encode them in Base64', 'Build the request', 'Send it'];
  for (const [index, title] of titles.entries()) {
    // A click that does not itself scroll (Playwright's would): any scroll would be the page's.
    await next.dispatchEvent('click');
    await expect(
      frame.getByRole('heading', { name: `Step ${index + 2} of 6: ${title}` }),
    ).toBeFocused();
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  }
  // Same content height at every step: no message, and the frame still fits it.
  await expect.poll(async () => (await frameHeight(page)) - (await contentHeight(frame))).toBe(0);
  expect(await frameHeight(page)).toBe(heightBefore);
  expect((await received(page)).length).toBe(settled);

  // The answer is new content: the frame grows to it, and the host stays where the reader is.
  await frame.getByRole('button', { name: 'Send token request' }).dispatchEvent('click');
  await expect(
    frame.getByRole('region', { name: 'Token response' }).getByText('HTTP status: 200'),
  ).toBeVisible();
  await expect.poll(async () => (await frameHeight(page)) - (await contentHeight(frame))).toBe(0);
  expect(await frameHeight(page)).toBeGreaterThan(heightBefore);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test('without allow="clipboard-write", Copy selects the value and says how to copy it', async ({
  page,
  baseURL,
}) => {
  const frame = await openHost(page, baseURL ?? '', '?embed=1&clientId=abc');
  await frame.getByLabel('Client secret', { exact: true }).fill('def');
  await frame.getByRole('button', { name: 'Copy Base64' }).click();
  await expect(frame.getByText(/Copying is blocked here: the text is selected/)).toBeVisible();
  const selected = await frame
    .locator('body')
    .evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected).toBe(nodeBase64('abc:def'));
});

test('with allow="clipboard-write", Copy copies inside the frame', async ({
  page,
  baseURL,
  context,
}) => {
  // Chromium asks the top-level page's permission for a frame it delegated `clipboard-write` to
  // (the headless shell strictly so): the docs page's origin, as well as the frame's own.
  for (const origin of [new URL(baseURL ?? '').origin, hostOrigin])
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const frame = await openHost(page, baseURL ?? '', '?embed=1&clientId=abc', true);
  // The embed paints from HTML: a click on Copy counts once the app has hydrated.
  await expect(frame.locator('html')).toHaveAttribute('data-hydrated', '');
  await frame.getByLabel('Client secret', { exact: true }).fill('def');
  await frame.getByRole('button', { name: 'Copy Base64' }).click();
  await expect(frame.getByText('Copied', { exact: true })).toBeVisible();
});

test.describe('no axe violations in the embed', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`theme=${theme}, plain and guided`, async ({ page }) => {
      await page.goto(`/?embed=1&theme=${theme}&clientId=abc`);
      await page.getByLabel('Client secret', { exact: true }).fill('def');
      let results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      await page.getByRole('button', { name: 'Guided' }).click();
      results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  }
});

test('at 360 px the embed and its guided mode never scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 700 });
  await page.goto('/?embed=1&clientId=0oa4xqz9kfTbN2cWd5d7&domain=dev-123456.okta.com');
  await page
    .getByLabel('Client secret', { exact: true })
    .fill('Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA');
  const overflow = () =>
    page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  expect(await overflow()).toBe(0);
  await page.getByRole('button', { name: 'Guided' }).click();
  for (let step = 0; step < 5; step += 1) {
    expect(await overflow()).toBe(0);
    await page.getByRole('button', { name: /^Next: / }).click();
  }
  expect(await overflow()).toBe(0);
});

test('the example page embeds the playground and sizes it', async ({ page }) => {
  await page.goto('/embed-example.html');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByLabel('Token endpoint', { exact: true })).toHaveValue(/\/demo\/token$/);
  await expect
    .poll(() => frameHeight(page))
    .toBe(
      await frame
        .locator('body')
        .evaluate((body) => Math.ceil(body.getBoundingClientRect().height)),
    );
});

test('Embed this starts as a tutorial needs it, previews the frame and writes it whole, never with the secret', async ({
  page,
  baseURL,
}) => {
  await page.goto('/?domain=dev-1.okta.com');
  await page.getByLabel('Client ID', { exact: true }).fill('0oa-embed');
  await page.getByLabel('Client secret', { exact: true }).fill('never-in-the-snippet');
  await page.getByRole('button', { name: 'Embed this' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this playground' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Start in guided mode')).toBeChecked();
  await expect(dialog.getByLabel('Use the demo server (no account needed)')).toBeChecked();
  const code = dialog.getByRole('status', { name: 'Embed code' });
  const [frameLine, ...script] = ((await code.textContent()) ?? '').split('\n');
  expect(frameLine).toBe(
    `<iframe src="${baseURL}/?clientId=0oa-embed&amp;domain=dev-1.okta.com&amp;embed=1&amp;guided=1&amp;demo=1" title="OAuth 2.0 client credentials playground" width="100%" height="720" style="display: block; border: 0" allow="clipboard-write" loading="lazy"></iframe>`,
  );
  // The script that sizes the frame comes with it, for this origin only.
  expect(script[0]).toBe('<script>');
  expect(script.join('\n')).toContain(`event.origin !== "${new URL(baseURL ?? '').origin}"`);
  expect(script.at(-1)).toBe('</script>');
  expect(await code.textContent()).not.toContain('never-in-the-snippet');
  // The preview's own page is scanned by the embed's axe tests: here only the dialog is.
  const results = await new AxeBuilder({ page }).exclude('.embed-preview').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The preview is the frame the snippet writes, as a reader meets it.
  const preview = dialog.getByTitle('Preview of the embed');
  await expect(preview).toHaveAttribute(
    'src',
    `${baseURL}/?clientId=0oa-embed&domain=dev-1.okta.com&embed=1&guided=1&demo=1`,
  );
  await expect(
    dialog
      .frameLocator('iframe[title="Preview of the embed"]')
      .getByRole('heading', { name: 'Step 1 of 6: Find the client ID and secret' }),
  ).toBeVisible();

  await dialog.getByLabel('Start in guided mode').uncheck();
  await dialog.getByLabel('Theme').selectOption('dark');
  await expect(code).toContainText(
    `src="${baseURL}/?clientId=0oa-embed&amp;domain=dev-1.okta.com&amp;embed=1&amp;theme=dark&amp;demo=1"`,
  );
  await expect(preview).toHaveAttribute('src', /theme=dark&demo=1$/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
