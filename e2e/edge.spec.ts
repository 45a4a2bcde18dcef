import { createHmac, randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { CREDENTIAL_CASES, fillCredentials, nodeBase64, outputText } from './fixtures.ts';
import { sendAndWait, tokenResponse } from './send-helpers.ts';
import { httpRequest, proxyCall, type HttpAnswer } from './support/http.ts';
import { startPlaygroundProcess, type PlaygroundProcess } from './support/playground-process.ts';
import { startUpstreamStubs, type UpstreamStubs } from './support/upstream-stubs.ts';

// `npm run start:edge` (workerd through miniflare), two instances sharing one secret, as behind a
// load balancer, and a Node host (`npm start`) beside them. One set per file: workerd takes a few
// seconds to start.
const SECRET = randomBytes(32).toString('base64url');
/** The one public origin the instances serve together (requests carry it as their Host). */
const BALANCER_HOST = 'playground.test';
const BALANCER = `http://${BALANCER_HOST}`;

let stubs: UpstreamStubs;
let edgeA: PlaygroundProcess;
let edgeB: PlaygroundProcess;
let nodeHost: PlaygroundProcess;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stubs = await startUpstreamStubs();
  const allowStub = {
    PROXY_ALLOWED_HOSTS: `127.0.0.1:${stubs.httpPort}`,
    PUBLIC_ORIGINS: BALANCER,
  };
  edgeA = await startPlaygroundProcess({
    runtime: 'edge',
    env: { ...allowStub, PROXY_TOKEN_SECRET: SECRET },
  });
  edgeB = await startPlaygroundProcess({
    runtime: 'edge',
    env: { ...allowStub, PROXY_TOKEN_SECRET: SECRET },
  });
  nodeHost = await startPlaygroundProcess({ env: allowStub });
});

test.afterAll(async () => {
  await Promise.all([edgeA?.stop(), edgeB?.stop(), nodeHost?.stop()]);
  await stubs?.close();
});

const stubToken = () => `http://127.0.0.1:${stubs.httpPort}/token`;

async function sessionToken(host: PlaygroundProcess, hostHeader?: string): Promise<string> {
  const answer = await httpRequest(host.origin, {
    path: '/api/session',
    headers: hostHeader ? { host: hostHeader } : {},
  });
  expect(answer.status).toBe(200);
  return (JSON.parse(answer.body) as { proxyToken: string }).proxyToken;
}

/** A token request to the stub, sent to `host` as if it came in under the balancer's name. */
function viaBalancer(host: PlaygroundProcess, token: string): Promise<HttpAnswer> {
  return proxyCall(host.origin, token, {
    target: stubToken(),
    headers: { host: BALANCER_HOST, authorization: `Basic ${nodeBase64('id:secret')}` },
    body: 'grant_type=client_credentials',
  });
}

function proxyErrorIn(answer: HttpAnswer): { status: number; code: string; message: string } {
  const { proxyError } = JSON.parse(answer.body) as {
    proxyError: { code: string; message: string };
  };
  return { status: answer.status, ...proxyError };
}

test('the page loads from workerd with no request outside its origin, and offers npm start instead of a demo server', async ({
  page,
}) => {
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`${edgeA.origin}/`)) foreign.push(request.url());
  });
  // A CSP that did not list the page's inline style would be logged here (and the page unstyled).
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const document = await page.goto(`${edgeA.origin}/`);
  expect(document?.status()).toBe(200);
  expect(document?.headers()['content-security-policy']).toContain("connect-src 'self'");
  // The session is workerd's first answer through a freshly started isolate: slow on a busy machine.
  await expect(page.getByText(/No demo server here/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('npm start', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use demo server' })).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
  await expect(page.locator('body')).not.toHaveCSS('margin', '8px'); // the inline stylesheet applies
});

test('files are served under their own names, as on Node: no redirect from .html, no SPA fallback', async () => {
  for (const path of ['/', '/index.html', '/embed-example.html']) {
    const answer = await httpRequest(edgeA.origin, { path });
    expect([path, answer.status]).toEqual([path, 200]);
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
  }
  expect((await httpRequest(edgeA.origin, { path: '/embed-example' })).status).toBe(404);
});

for (const c of CREDENTIAL_CASES) {
  test(`the credential outputs match independently computed values: ${c.name}`, async ({
    page,
  }) => {
    await page.goto(`${edgeA.origin}/`);
    await fillCredentials(page, c.clientId, c.clientSecret);
    await page.getByRole('button', { name: 'Show secret' }).click();
    const pair = `${c.clientId}:${c.clientSecret}`;
    expect(await outputText(page, 'Credentials string')).toBe(pair);
    expect(await outputText(page, 'Base64')).toBe(nodeBase64(pair));
    expect(await outputText(page, 'Authorization header')).toBe(`Basic ${nodeBase64(pair)}`);
  });
}

test('a token request through the edge proxy reaches the allowed stub and shows the token', async ({
  page,
}) => {
  const before = stubs.hits('/token');
  await page.goto(`${edgeA.origin}/`);
  await fillCredentials(page, 'edge-client', 'edge-secret');
  await page.getByLabel('Token endpoint', { exact: true }).fill(stubToken());
  await sendAndWait(page);
  await expect(tokenResponse(page).getByText('stub-access-token').first()).toBeVisible();
  expect(stubs.hits('/token')).toBe(before + 1);
});

test('a private target, a foreign Origin and a missing token: the same JSON errors as on Node', async () => {
  const refusals = async (host: PlaygroundProcess) => {
    const token = await sessionToken(host);
    const answers = [
      await proxyCall(host.origin, token, { target: 'https://10.0.0.1/token', body: '' }),
      await proxyCall(host.origin, token, {
        target: stubToken(),
        headers: { origin: 'https://evil.example' },
        body: '',
      }),
      await proxyCall(host.origin, '', { target: stubToken(), body: '' }),
    ];
    return answers.map(proxyErrorIn);
  };
  const onEdge = await refusals(edgeA);
  expect(onEdge.map(({ status, code }) => [status, code])).toEqual([
    [403, 'target_forbidden'],
    [403, 'cross_origin'],
    [403, 'proxy_token'],
  ]);
  expect(onEdge).toEqual(await refusals(nodeHost));
});

test('two instances with one secret accept each other’s tokens', async () => {
  const fromA = await sessionToken(edgeA, BALANCER_HOST);
  const fromB = await sessionToken(edgeB, BALANCER_HOST);
  for (const [host, token] of [
    [edgeB, fromA],
    [edgeA, fromB],
  ] as const) {
    const answer = await viaBalancer(host, token);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('stub-access-token');
  }
});

test('an expired or tampered token, or one from a Node host, is refused by both instances', async () => {
  const expiry = Math.floor(Date.now() / 1000) - 120;
  const mac = createHmac('sha256', SECRET)
    .update(`proxy-token/v1\n${BALANCER}\n${expiry}`)
    .digest('base64url');
  const expired = `${expiry}.${mac}`;
  const good = await sessionToken(edgeA, BALANCER_HOST);
  const [goodExpiry = '', goodMac = ''] = good.split('.');
  const tampered = `${Number(goodExpiry) + 600}.${goodMac}`;
  const fromNode = await sessionToken(nodeHost, BALANCER_HOST);
  const hitsBefore = stubs.hits('/token');
  for (const host of [edgeA, edgeB]) {
    const refusedExpired = proxyErrorIn(await viaBalancer(host, expired));
    expect(refusedExpired).toMatchObject({ status: 403, code: 'proxy_token' });
    expect(refusedExpired.message).toMatch(/has expired/);
    for (const token of [tampered, fromNode]) {
      const refused = proxyErrorIn(await viaBalancer(host, token));
      expect(refused).toMatchObject({ status: 403, code: 'proxy_token' });
      expect(refused.message).toMatch(/not issued by this server/);
    }
  }
  expect(stubs.hits('/token')).toBe(hitsBefore);
});
