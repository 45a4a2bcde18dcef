// Logs: one line per proxied request (method, target host, status, duration, error
// code), and never a header value, a body, a query string or the proxy token. A known secret is
// sent every way a user's secret travels; the server's whole stdout and stderr are captured and
// searched for it, and so are the proxy's own error messages.
import { randomBytes } from 'node:crypto';
import {
  basicAuthorization,
  fetchSession,
  httpRequest,
  proxyCall,
  proxyErrorOf,
} from './support/http.ts';
import { expect, expectNoStackTrace, test } from './support/playground-fixture.ts';
import { closedPort } from './support/upstream-stubs.ts';

test('a secret sent in the header, the body and the query string appears in no log line; one line per request', async ({
  playground,
  stubs,
}) => {
  const secret = `log-canary-${randomBytes(12).toString('hex')}`;
  const authorization = basicAuthorization('log-test-client', secret);
  const formBody = `grant_type=client_credentials&client_id=log-test-client&client_secret=${secret}`;
  const { proxyToken, demo } = await fetchSession(playground.origin);
  const stub = `127.0.0.1:${stubs.httpPort}`;
  const refused = `127.0.0.1:${await closedPort()}`;

  const answers = [
    // To the stub: each of these must give exactly one line.
    await proxyCall(playground.origin, proxyToken, {
      target: `http://${stub}/token`,
      headers: { authorization },
      body: 'grant_type=client_credentials',
    }),
    await proxyCall(playground.origin, proxyToken, {
      target: `http://${stub}/token`,
      body: formBody,
    }),
    await proxyCall(playground.origin, proxyToken, {
      target: `http://${stub}/token?client_secret=${secret}`,
      headers: { authorization },
      body: formBody,
    }),
    await proxyCall(playground.origin, proxyToken, {
      method: 'GET',
      target: `http://${stub}/token?access_token=${secret}`,
      headers: { authorization },
    }),
    // A failure: its line carries the error code, its message none of the secret.
    await proxyCall(playground.origin, proxyToken, {
      target: `http://${refused}/token?client_secret=${secret}`,
      headers: { authorization },
      body: formBody,
    }),
    // The demo server through the proxy, and directly: an unknown client (401 invalid_client).
    await proxyCall(playground.origin, proxyToken, { target: demo.tokenEndpoint, body: formBody }),
    await httpRequest(playground.origin, {
      method: 'POST',
      path: '/demo/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody,
    }),
    // Refused before any upstream call: the secret in the target's userinfo and as the token.
    await proxyCall(playground.origin, proxyToken, {
      target: `https://user:${secret}@example.com/token`,
      body: formBody,
    }),
    await proxyCall(playground.origin, secret, { target: `http://${stub}/token`, body: formBody }),
  ];
  expect(answers.map((answer) => answer.status)).toEqual([
    200, 200, 200, 200, 502, 401, 401, 400, 403,
  ]);
  for (const answer of answers) {
    expect(proxyErrorOf(answer)?.message ?? '').not.toContain(secret);
  }
  // Let the last lines of the child's output arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));

  const output = playground.output();
  // Labels, not values, in the failure message: a failing run must not print what it hunts for.
  const forbidden: Record<string, string> = {
    'the secret': secret,
    'the secret, percent-encoded': encodeURIComponent(secret),
    'the Basic credentials': authorization.slice('Basic '.length),
    'the proxy token': proxyToken,
    'a request body': formBody,
    'a form field name': 'grant_type',
    "the upstream's answer body": 'stub-access-token',
    'a query string': '?',
  };
  for (const [label, value] of Object.entries(forbidden)) {
    expect(output.includes(value), `the server output contains ${label}`).toBe(false);
  }

  expectNoStackTrace(playground);

  const stubLines = playground.stdoutLines().filter((line) => line.includes(stub));
  expect(stubLines).toHaveLength(4);
  const expectedMethods = ['POST', 'POST', 'POST', 'GET'];
  stubLines.forEach((line, index) => {
    expect(line).toContain(expectedMethods[index] ?? '');
    expect(line).toMatch(/\b200\b/);
    expect(line).toMatch(/\d+(\.\d+)? ?ms\b/);
  });
  const refusedLines = playground.stdoutLines().filter((line) => line.includes(refused));
  expect(refusedLines).toHaveLength(1);
  expect(refusedLines[0]).toMatch(/\b502\b/);
  expect(refusedLines[0]).toContain('connection_refused');
});
