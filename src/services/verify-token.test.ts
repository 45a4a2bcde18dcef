import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROXY_HEADERS } from '../core/proxy/proxy-protocol.ts';
import type { DiscoveryResult } from './discovery.ts';
import type { ProxyClientDeps } from './proxy-client.ts';
import { verifyAgainstIssuer, verifyWithKeySet } from './verify-token.ts';

const issuer = 'https://as.example/oauth2/default';
const now = Date.UTC(2026, 0, 1, 12, 0, 0);
const nowSeconds = now / 1000;

let publicJwk: JWK;
let privateKey: CryptoKey;
let strangerKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  strangerKey = (await generateKeyPair('RS256')).privateKey;
});

function sign(
  claims: Record<string, unknown>,
  options: { key?: CryptoKey; kid?: string } = {},
): Promise<string> {
  return new SignJWT({
    iss: issuer,
    aud: 'api://default',
    iat: nowSeconds - 60,
    exp: nowSeconds + 3540,
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: options.kid ?? 'k1' })
    .sign(options.key ?? privateKey);
}

const keySet = () => ({ keys: [publicJwk] });

describe('verifyWithKeySet', () => {
  it('verifies a token signed by the key its kid names', async () => {
    expect(await verifyWithKeySet(await sign({}), keySet(), issuer, now)).toEqual({
      ok: true,
      message: 'Signature verified',
    });
  });

  it('names an unknown kid', async () => {
    const result = await verifyWithKeySet(
      await sign({}, { key: strangerKey, kid: 'elsewhere' }),
      keySet(),
      issuer,
      now,
    );
    expect(result).toMatchObject({ ok: false, code: 'unknown-kid' });
    expect(!result.ok && result.message).toMatch(/unknown kid.*"elsewhere"/);
  });

  it('says bad signature for a token signed by another key under the same kid', async () => {
    const result = await verifyWithKeySet(
      await sign({}, { key: strangerKey }),
      keySet(),
      issuer,
      now,
    );
    expect(result).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('says bad signature when one character of the payload is altered', async () => {
    const token = await sign({ scope: 'customScope' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const altered = payload.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${header}.${payload.slice(0, -2)}${altered}${payload.slice(-1)}.${signature}`;
    const result = await verifyWithKeySet(tampered, keySet(), issuer, now);
    // The signature is checked over the bytes as sent, before the payload is parsed.
    expect(result).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('says expired for a genuine token past its exp', async () => {
    const token = await sign({ iat: nowSeconds - 7200, exp: nowSeconds - 180 });
    const result = await verifyWithKeySet(token, keySet(), issuer, now);
    expect(result).toMatchObject({ ok: false, code: 'expired' });
    expect(!result.ok && result.message).toMatch(/Signature valid, but the token has expired/);
  });

  it('says wrong issuer, and skips the issuer check when none is expected', async () => {
    const token = await sign({ iss: 'https://evil.example' });
    expect(await verifyWithKeySet(token, keySet(), issuer, now)).toMatchObject({
      ok: false,
      code: 'wrong-issuer',
    });
    expect(await verifyWithKeySet(token, keySet(), '', now)).toMatchObject({ ok: true });
  });

  it('refuses alg none before looking at keys', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'none' })}.${encode({ iss: issuer, exp: nowSeconds + 60 })}.`;
    const result = await verifyWithKeySet(unsigned, 'not even a key set', issuer, now);
    expect(result).toMatchObject({ ok: false, code: 'alg-none' });
  });

  it('explains a JWKS that is not one', async () => {
    expect(await verifyWithKeySet(await sign({}), { keys: 'x' }, issuer, now)).toMatchObject({
      ok: false,
      code: 'no-keys',
    });
  });
});

describe('verifyAgainstIssuer', () => {
  const jwksUri = `${issuer}/v1/keys`;
  const found = (extra: object = {}): DiscoveryResult => ({
    kind: 'found',
    metadata: { issuer, jwks_uri: jwksUri, ...extra },
    candidate: { url: `${issuer}/.well-known/oauth-authorization-server`, form: 'okta' },
    attempts: [],
  });
  /** Plays the proxy for the JWKS GET; records the targets it was asked for. */
  function proxyAnswering(status: number, body: string) {
    const targets: string[] = [];
    const deps: ProxyClientDeps = {
      fetch: async (_input, init) => {
        targets.push(new Headers(init?.headers).get(PROXY_HEADERS.target) ?? '');
        return new Response(body, { status });
      },
      getSession: async () => ({
        proxyToken: 'T'.repeat(43),
        proxyTokenExpiresIn: 600,
        demo: null,
      }),
    };
    return { deps, targets };
  }

  it("fetches the JWKS named by the issuer's metadata and verifies with it", async () => {
    const { deps, targets } = proxyAnswering(200, JSON.stringify(keySet()));
    const result = await verifyAgainstIssuer(
      await sign({}),
      issuer,
      deps,
      async () => found(),
      now,
    );
    expect(result).toEqual({ ok: true, message: 'Signature verified' });
    expect(targets).toEqual([jwksUri]);
  });

  it('says where it failed: no metadata, no jwks_uri, an unreadable JWKS', async () => {
    const { deps, targets } = proxyAnswering(500, 'oops');
    const token = await sign({});
    const failed: DiscoveryResult = { kind: 'failed', reason: 'No metadata here.', attempts: [] };
    expect(await verifyAgainstIssuer(token, issuer, deps, async () => failed, now)).toEqual({
      ok: false,
      code: 'no-keys',
      message: "Not verified: the issuer's keys were not found. No metadata here.",
    });
    expect(
      await verifyAgainstIssuer(
        token,
        issuer,
        deps,
        async () => found({ jwks_uri: undefined }),
        now,
      ),
    ).toMatchObject({ code: 'no-keys', message: expect.stringMatching(/publishes no jwks_uri/) });
    expect(targets).toEqual([]);
    expect(await verifyAgainstIssuer(token, issuer, deps, async () => found(), now)).toEqual({
      ok: false,
      code: 'no-keys',
      message: `Not verified: the JWKS at ${jwksUri} could not be read (HTTP 500).`,
    });
  });
});
