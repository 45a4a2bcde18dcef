import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT, decodeJwt, generateKeyPair, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainApiAnswer } from '../../src/core/diagnosis/api-challenge.ts';
import { parseSessionBody } from '../../src/core/proxy/proxy-protocol.ts';
import { createDemoApi } from '../demo-api/reports-api.ts';
import {
  accessTokenHashOf,
  makeDpopKey,
  signProof,
  type ProofOptions,
  type TestDpopKey,
} from '../demo-api/test-support/dpop-proof.ts';
import { demoDpopClient, demoSecretClients } from '../demo-as/clients.ts';
import { startPlaygroundServer, type PlaygroundServer } from './create-server.ts';

const [oktaStyle] = demoSecretClients;
if (!oktaStyle) throw new Error('a secret demo client expected');

let root: string;
let playground: PlaygroundServer;
let apiUrl: string;
let tokenEndpoint: string;
let key: TestDpopKey;
/** A DPoP-bound token of demo-dpop, bound to `key`, and a Bearer token of the Okta-style client. */
let boundToken: string;
let bearerToken: string;

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function token(
  client: { clientId: string; clientSecret: string },
  scope: string,
  proof?: () => Promise<string>,
): Promise<{ status: number; body: Record<string, unknown>; nonce: string | null }> {
  const answer = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: {
      authorization: basic(client.clientId, client.clientSecret),
      'content-type': 'application/x-www-form-urlencoded',
      ...(proof === undefined ? {} : { dpop: await proof() }),
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
  });
  return {
    status: answer.status,
    body: (await answer.json()) as Record<string, unknown>,
    nonce: answer.headers.get('dpop-nonce'),
  };
}

/** The nonce round trip of RFC 9449 §8, then the token bound to `dpopKey`. */
async function boundTokenFor(dpopKey: TestDpopKey, scope = 'read:reports'): Promise<string> {
  const proof = (nonce?: string) => () =>
    signProof(dpopKey, { htm: 'POST', htu: tokenEndpoint, ...(nonce ? { nonce } : {}) });
  const first = await token(demoDpopClient, scope, proof());
  expect(first.body.error).toBe('use_dpop_nonce');
  const second = await token(demoDpopClient, scope, proof(first.nonce ?? ''));
  expect(second.body.token_type).toBe('DPoP');
  return String(second.body.access_token);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'playground-demo-api-'));
  playground = await startPlaygroundServer({ host: '127.0.0.1', port: 0, distDir: root });
  const session = parseSessionBody(await (await fetch(`${playground.origin}/api/session`)).json());
  if (!session?.demo?.apiUrl) throw new Error('no demo API in the session');
  apiUrl = session.demo.apiUrl;
  tokenEndpoint = session.demo.tokenEndpoint;
  key = await makeDpopKey();
  boundToken = await boundTokenFor(key);
  bearerToken = String((await token(oktaStyle, 'read:reports')).body.access_token);
});

afterAll(async () => {
  await playground?.close();
  await rm(root, { recursive: true, force: true });
});

function callApi(headers: Record<string, string>, url = apiUrl): Promise<Response> {
  return fetch(url, { headers });
}

async function dpopCall(
  overrides: Partial<ProofOptions> = {},
  signer = key,
  accessToken = boundToken,
): Promise<Response> {
  const proof = await signProof(signer, {
    htm: 'GET',
    htu: apiUrl,
    ath: await accessTokenHashOf(accessToken),
    ...overrides,
  });
  return callApi({ authorization: `DPoP ${accessToken}`, dpop: proof });
}

/** Stands for the token endpoint in the table below, which is built before the server starts. */
const TOKEN_ENDPOINT_MARK = 'the token endpoint';

/** Status, challenge and error of a refusal, as the page reads it. */
async function refusal(answer: Response) {
  return {
    status: answer.status,
    challenge: answer.headers.get('www-authenticate'),
    body: (await answer.json()) as { error?: string; error_description?: string },
  };
}

describe('the demo API, GET /demo-api/reports', () => {
  it('is published in the session of /demo beside the demo server', () => {
    expect(apiUrl).toBe(`${playground.origin}/demo-api/reports`);
  });

  it('answers a Bearer token of the demo server with the reports, not cacheable', async () => {
    const answer = await callApi({ authorization: `Bearer ${bearerToken}` });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const body = (await answer.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ clientId: oktaStyle.clientId, dpopBound: false });
    expect(Array.isArray(body.reports) && body.reports.length).toBeGreaterThan(0);
  });

  it('answers a DPoP-bound token with a proof (RFC 9449 §7.1), the scheme name in any case', async () => {
    const answer = await dpopCall();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ clientId: 'demo-dpop', dpopBound: true });
    const proof = await signProof(key, {
      htm: 'GET',
      htu: apiUrl,
      ath: await accessTokenHashOf(boundToken),
    });
    expect((await callApi({ authorization: `dpop ${boundToken}`, dpop: proof })).status).toBe(200);
  });

  it('without a token: both challenges, no error code (RFC 6750 §3.1)', async () => {
    const answer = await callApi({});
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe(
      'Bearer realm="demo-api", DPoP algs="ES256 RS256", realm="demo-api"',
    );
  });

  it('Basic credentials: the same challenges, no error code', async () => {
    const answer = await callApi({ authorization: basic('a', 'b') });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).not.toContain('error=');
  });

  it('a bound token sent as Bearer is refused (RFC 9449 §7.2)', async () => {
    const answer = await refusal(await callApi({ authorization: `Bearer ${boundToken}` }));
    expect(answer.status).toBe(401);
    expect(answer.challenge).toMatch(
      /^DPoP algs="ES256 RS256", error="invalid_token", error_description="[^"]*bound to a DPoP key/,
    );
  });

  it('a bound token without a proof', async () => {
    const answer = await refusal(await callApi({ authorization: `DPoP ${boundToken}` }));
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('invalid_dpop_proof');
    expect(answer.challenge).toMatch(
      /^DPoP algs="ES256 RS256", error="invalid_dpop_proof", error_description="No DPoP header/,
    );
  });

  it('an unbound token sent as DPoP', async () => {
    const proof = await signProof(key, {
      htm: 'GET',
      htu: apiUrl,
      ath: await accessTokenHashOf(bearerToken),
    });
    const answer = await refusal(
      await callApi({ authorization: `DPoP ${bearerToken}`, dpop: proof }),
    );
    expect(answer).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    expect(answer.body.error_description).toContain('not bound');
  });

  it.each([
    ['htm of another method', { htm: 'POST' }, 'htm is POST, but this request is a GET'],
    ['htu of another URL', { htu: TOKEN_ENDPOINT_MARK }, 'but this request was received at'],
    ['iat 301 s old', { iat: Math.floor(Date.now() / 1000) - 301 }, 'up to 300 s old'],
    ['iat 120 s ahead', { iat: Math.floor(Date.now() / 1000) + 120 }, 'ahead of this server'],
    ['no ath', { ath: undefined }, 'no ath claim'],
    ['ath of another token', { ath: 'x'.repeat(43) }, 'the proof was made for another token'],
    ['typ JWT', { typ: 'JWT' }, 'typ header is JWT'],
  ])('refuses a proof with %s: invalid_dpop_proof', async (_label, overrides, words) => {
    const resolved = { ...overrides } as Partial<ProofOptions>;
    if (resolved.htu === TOKEN_ENDPOINT_MARK) resolved.htu = tokenEndpoint;
    const proof = await signProof(key, {
      htm: 'GET',
      htu: apiUrl,
      ...('ath' in resolved ? {} : { ath: await accessTokenHashOf(boundToken) }),
      ...resolved,
    });
    const answer = await refusal(
      await callApi({ authorization: `DPoP ${boundToken}`, dpop: proof }),
    );
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('invalid_dpop_proof');
    expect(answer.body.error_description).toContain(words);
    expect(answer.challenge).toContain('error="invalid_dpop_proof"');
  });

  it('accepts htu with a query or fragment and a default port written out (RFC 9449 §4.3)', async () => {
    const withPort = new URL(apiUrl);
    const answer = await dpopCall({ htu: `${withPort.href}?page=2#top` });
    expect(answer.status).toBe(200);
  });

  it('refuses the same proof twice: jti once', async () => {
    const proof = await signProof(key, {
      htm: 'GET',
      htu: apiUrl,
      ath: await accessTokenHashOf(boundToken),
    });
    const headers = { authorization: `DPoP ${boundToken}`, dpop: proof };
    expect((await callApi(headers)).status).toBe(200);
    const again = await refusal(await callApi(headers));
    expect(again.status).toBe(401);
    expect(again.body.error_description).toContain('already used');
  });

  it('a refused proof does not use up its jti', async () => {
    const jti = crypto.randomUUID();
    const ath = await accessTokenHashOf(boundToken);
    expect((await dpopCall({ jti, htm: 'PUT', ath })).status).toBe(401);
    expect((await dpopCall({ jti, ath })).status).toBe(200);
  });

  it('refuses a proof signed by another key than the one the token is bound to', async () => {
    const other = await makeDpopKey();
    const answer = await refusal(await dpopCall({}, other));
    expect(answer).toMatchObject({ status: 401, body: { error: 'invalid_dpop_proof' } });
    expect(answer.body.error_description).toContain(`bound to ${key.thumbprint} (cnf.jkt)`);
  });

  it('refuses a proof whose jwk is not the key that signed it', async () => {
    const other = await makeDpopKey();
    const answer = await refusal(await dpopCall({ jwk: other.publicJwk }));
    expect(answer.body.error_description).toContain('does not verify with the key in its own jwk');
  });

  it('a token without read:reports: 403 insufficient_scope naming the scope', async () => {
    const narrow = String((await token(oktaStyle, 'customScope')).body.access_token);
    expect(decodeJwt(narrow).scope).toBe('customScope');
    const answer = await refusal(await callApi({ authorization: `Bearer ${narrow}` }));
    expect(answer.status).toBe(403);
    expect(answer.challenge).toMatch(
      /^Bearer error="insufficient_scope", scope="read:reports", error_description="/,
    );
  });

  it('a bound token without read:reports: the 403 challenge is DPoP', async () => {
    const narrow = await boundTokenFor(key, 'customScope');
    const answer = await refusal(await dpopCall({}, key, narrow));
    expect(answer.status).toBe(403);
    expect(answer.challenge).toMatch(
      /^DPoP algs="ES256 RS256", error="insufficient_scope", scope="read:reports"/,
    );
  });

  it('a token of another issuer (signed by another key): invalid_token', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT({ ...decodeJwt(bearerToken) })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'other' })
      .sign(privateKey);
    const answer = await refusal(await callApi({ authorization: `Bearer ${foreign}` }));
    expect(answer.status).toBe(401);
    expect(answer.challenge).toMatch(
      /^Bearer error="invalid_token", error_description="The access token's signature does not verify/,
    );
  });

  it('a token without typ at+jwt (an ID token, say) is refused (RFC 9068 §4)', async () => {
    const answer = await refusal(
      await callApi({ authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln' }),
    );
    expect(answer.body.error_description).toContain('typ header is missing, not at+jwt');
  });

  it('Bearer with no token: 400 invalid_request', async () => {
    expect((await callApi({ authorization: 'Bearer' })).status).toBe(400);
  });

  it('another method: 405 with Allow: GET', async () => {
    const answer = await fetch(apiUrl, { method: 'POST' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET');
  });

  it('an expired token: invalid_token saying when it expired', async () => {
    const jwks = (await (await fetch(`${playground.origin}/demo/jwks`)).json()) as JSONWebKeySet;
    const exp = Number(decodeJwt(bearerToken).exp);
    const later = createDemoApi({
      issuer: `${playground.origin}/demo`,
      audience: 'api://playground',
      jwks,
      nowSeconds: () => exp + 1,
    });
    const answer = await refusal(
      await later(new Request(apiUrl, { headers: { authorization: `Bearer ${bearerToken}` } })),
    );
    expect(answer.status).toBe(401);
    expect(answer.body.error_description).toContain(
      `expired at ${new Date(exp * 1000).toISOString()}`,
    );
  });
});

describe('the demo API through the proxy', () => {
  it('a GET carries Authorization: DPoP and the proof to the API', async () => {
    const session = parseSessionBody(
      await (await fetch(`${playground.origin}/api/session`)).json(),
    );
    const proof = await signProof(key, {
      htm: 'GET',
      htu: apiUrl,
      ath: await accessTokenHashOf(boundToken),
    });
    const answer = await fetch(`${playground.origin}/api/proxy`, {
      headers: {
        'x-proxy-token': session?.proxyToken ?? '',
        'x-proxy-target': apiUrl,
        authorization: `DPoP ${boundToken}`,
        dpop: proof,
      },
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ clientId: 'demo-dpop', dpopBound: true });
  });
});

describe('the demo API with ?check=introspect (RFC 7662 instead of the signature)', () => {
  const introspectUrl = () => `${apiUrl}?check=introspect`;
  const revocationEndpoint = () => tokenEndpoint.replace(/\/token$/, '/token/revocation');

  async function revoke(client: { clientId: string; clientSecret: string }, accessToken: string) {
    const answer = await fetch(revocationEndpoint(), {
      method: 'POST',
      headers: {
        authorization: basic(client.clientId, client.clientSecret),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: accessToken }).toString(),
    });
    expect(answer.status).toBe(200);
  }

  it('accepts an active token by introspection and says which check it used', async () => {
    const answer = await callApi({ authorization: `Bearer ${bearerToken}` }, introspectUrl());
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      clientId: oktaStyle.clientId,
      dpopBound: false,
      scope: 'read:reports',
      checkedBy: 'introspection',
    });
    const offline = await callApi({ authorization: `Bearer ${bearerToken}` });
    expect(await offline.json()).toMatchObject({ checkedBy: 'jwt-signature' });
  });

  it('refuses a revoked token by introspection, while the same token still verifies offline', async () => {
    const revoked = String((await token(oktaStyle, 'read:reports')).body.access_token);
    await revoke(oktaStyle, revoked);
    const answer = await callApi({ authorization: `Bearer ${revoked}` }, introspectUrl());
    // The page quotes this refusal; it must not take it for an expired token (the JWT's exp is ahead).
    const [explained] = explainApiAnswer(
      { method: 'GET', url: introspectUrl(), headers: [['Authorization', `Bearer ${revoked}`]] },
      { status: answer.status, headers: answer.headers },
    );
    expect(explained?.summary).toContain('the token is not active (introspection)');
    expect(explained?.summary).not.toMatch(/expired at/);
    const refused = await refusal(answer);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('invalid_token');
    expect(refused.challenge).toMatch(
      /^Bearer error="invalid_token", error_description="[^"]*the token is not active \(introspection\)/,
    );
    const offline = await callApi({ authorization: `Bearer ${revoked}` });
    expect(offline.status).toBe(200);
    expect(await offline.json()).toMatchObject({ checkedBy: 'jwt-signature' });
  });

  it('accepts a DPoP-bound token with its proof by introspection (htu without the query), and refuses another key', async () => {
    const bound = await boundTokenFor(key);
    const proofFor = (signer: TestDpopKey) => async () =>
      signProof(signer, { htm: 'GET', htu: apiUrl, ath: await accessTokenHashOf(bound) });
    const accepted = await callApi(
      { authorization: `DPoP ${bound}`, dpop: await proofFor(key)() },
      introspectUrl(),
    );
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({
      clientId: 'demo-dpop',
      dpopBound: true,
      checkedBy: 'introspection',
    });
    // The binding comes from the introspection answer's cnf.jkt (RFC 7662 §2.2, RFC 9449 §6.2).
    const otherKey = await makeDpopKey();
    const wrongKey = await refusal(
      await callApi(
        { authorization: `DPoP ${bound}`, dpop: await proofFor(otherKey)() },
        introspectUrl(),
      ),
    );
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.body.error).toBe('invalid_dpop_proof');

    await revoke(demoDpopClient, bound);
    const revoked = await refusal(
      await callApi(
        { authorization: `DPoP ${bound}`, dpop: await proofFor(key)() },
        introspectUrl(),
      ),
    );
    expect(revoked.status).toBe(401);
    expect(revoked.challenge).toMatch(/^DPoP algs="ES256 RS256", error="invalid_token"/);
    expect(revoked.body.error_description).toContain('the token is not active (introspection)');
  });

  it('refuses an unknown check with invalid_request, naming the one it knows', async () => {
    const refused = await refusal(
      await callApi({ authorization: `Bearer ${bearerToken}` }, `${apiUrl}?check=remote`),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_request');
    expect(refused.body.error_description).toContain('check=introspect');
  });

  it("keeps the API's own client out of the session's demo clients", async () => {
    const session = parseSessionBody(
      await (await fetch(`${playground.origin}/api/session`)).json(),
    );
    const ids = session?.demo?.clients.map((client) => client.clientId) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain('demo-api');
  });
});
