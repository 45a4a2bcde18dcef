import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeDpopKey,
  signProof,
  type ProofOptions,
  type TestDpopKey,
} from '../demo-api/test-support/dpop-proof.ts';
import { demoClients, demoDpopClient, demoSecretClients } from './clients.ts';
import type { DemoAuthorizationServer } from './provider.ts';
import { listenDemo, type ListeningDemo } from './test-support/listening-demo.ts';

let listening: ListeningDemo;
let demo: DemoAuthorizationServer;
let key: TestDpopKey;

beforeAll(async () => {
  listening = await listenDemo();
  demo = listening.demo;
  key = await makeDpopKey();
});

afterAll(async () => {
  await listening.close();
});

const basic = (clientId: string, secret: string) =>
  `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;

/** A client credentials request of the demo-dpop client (or `clientId`), with `proof` if given. */
function tokenRequest(proof?: string, client = demoDpopClient, method = 'POST') {
  return fetch(demo.info.tokenEndpoint, {
    method,
    headers: {
      authorization: basic(client.clientId, client.clientSecret),
      'content-type': 'application/x-www-form-urlencoded',
      ...(proof === undefined ? {} : { dpop: proof }),
    },
    ...(method === 'POST' ? { body: 'grant_type=client_credentials&scope=read%3Areports' } : {}),
  });
}

const proofFor = (options: Partial<ProofOptions> = {}, signer = key) =>
  signProof(signer, { htm: 'POST', htu: demo.info.tokenEndpoint, ...options });

/** The nonce the server hands out, from a first proof without one. */
async function currentNonce(): Promise<string> {
  const answer = await tokenRequest(await proofFor());
  const nonce = answer.headers.get('dpop-nonce');
  if (nonce === null) throw new Error('no DPoP-Nonce');
  return nonce;
}

describe('the demo-dpop client (RFC 9449)', () => {
  it('is registered last, secret-based with the Basic header, and bound to DPoP', () => {
    expect(demoClients.at(-1)).toBe(demoDpopClient);
    expect(demoDpopClient).toMatchObject({
      clientId: 'demo-dpop',
      authMethod: 'client_secret_basic',
      scope: 'customScope read:reports',
      dpopBound: true,
    });
    expect(demoClients.filter((client) => client.dpopBound)).toEqual([demoDpopClient]);
  });

  it('discovery advertises ES256 and RS256 for proofs', async () => {
    const metadata = (await (await fetch(demo.info.discoveryUrl)).json()) as Record<
      string,
      unknown
    >;
    expect(metadata.dpop_signing_alg_values_supported).toEqual(['ES256', 'RS256']);
  });

  it('without a proof: 400 invalid_grant, the proof is required (the reason is kept)', async () => {
    const answer = await tokenRequest();
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'grant request is invalid: DPoP proof JWT not provided',
    });
  });

  it('a proof without a nonce: 400 use_dpop_nonce with a DPoP-Nonce header, no WWW-Authenticate', async () => {
    const answer = await tokenRequest(await proofFor());
    expect(answer.status).toBe(400);
    expect(answer.headers.get('dpop-nonce')).toMatch(/^[\w-]{43}$/);
    expect(answer.headers.get('www-authenticate')).toBeNull();
    expect(await answer.json()).toEqual({
      error: 'use_dpop_nonce',
      error_description: 'nonce is required in the DPoP proof',
    });
  });

  it('the retry with the nonce gets a DPoP token bound to the key (cnf.jkt is its thumbprint)', async () => {
    const nonce = await currentNonce();
    const answer = await tokenRequest(await proofFor({ nonce }));
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { access_token: string; token_type: string };
    expect(body.token_type).toBe('DPoP');
    expect(decodeProtectedHeader(body.access_token).typ).toBe('at+jwt');
    expect(decodeJwt(body.access_token).cnf).toEqual({ jkt: key.thumbprint });
  });

  it('an RS256 proof is accepted too', async () => {
    const rsaKey = await makeDpopKey('RS256');
    const nonce = await currentNonce();
    const answer = await tokenRequest(await proofFor({ nonce }, rsaKey));
    expect(answer.status).toBe(200);
  });

  it('a client not bound to DPoP may still send a proof and gets a bound token', async () => {
    const [oktaStyle] = demoSecretClients;
    if (!oktaStyle) throw new Error('a secret client expected');
    const nonce = await currentNonce();
    const answer = await tokenRequest(await proofFor({ nonce }), oktaStyle);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { token_type: string }).token_type).toBe('DPoP');
    expect((await tokenRequest(undefined, oktaStyle)).status).toBe(200);
  });
});

describe('what the demo server refuses in a DPoP proof, in its own words', () => {
  const refusal = async (answer: Response) => ({
    status: answer.status,
    nonce: answer.headers.get('dpop-nonce') !== null,
    body: (await answer.json()) as unknown,
  });

  it('htu naming another URL (the query is ignored, RFC 9449 §4.3)', async () => {
    const nonce = await currentNonce();
    const withQuery = await tokenRequest(
      await proofFor({ nonce, htu: `${demo.info.tokenEndpoint}?x=1#y` }),
    );
    expect(withQuery.status).toBe(200);
    const answer = await tokenRequest(await proofFor({ nonce, htu: `${demo.info.issuer}/tokens` }));
    expect(await refusal(answer)).toEqual({
      status: 400,
      nonce: false,
      body: { error: 'invalid_dpop_proof', error_description: 'DPoP proof htu mismatch' },
    });
  });

  it('htm naming another method', async () => {
    const nonce = await currentNonce();
    const answer = await tokenRequest(await proofFor({ nonce, htm: 'GET' }));
    expect(await refusal(answer)).toEqual({
      status: 400,
      nonce: false,
      body: { error: 'invalid_dpop_proof', error_description: 'DPoP proof htm mismatch' },
    });
  });

  it('a proof signed by another key than its jwk: the reason is kept', async () => {
    const other = await makeDpopKey();
    const nonce = await currentNonce();
    const answer = await tokenRequest(await proofFor({ nonce, jwk: other.publicJwk }));
    expect(await refusal(answer)).toEqual({
      status: 400,
      nonce: false,
      body: {
        error: 'invalid_dpop_proof',
        error_description: 'invalid DPoP key binding: signature verification failed',
      },
    });
  });

  it('typ JWT instead of dpop+jwt: the reason is kept', async () => {
    const nonce = await currentNonce();
    const answer = await tokenRequest(await proofFor({ nonce, typ: 'JWT' }));
    expect(await refusal(answer)).toEqual({
      status: 400,
      nonce: false,
      body: {
        error: 'invalid_dpop_proof',
        error_description: "invalid DPoP key binding: unexpected 'typ' JWT header value",
      },
    });
  });

  it('the same proof twice: the second is a replay (the reason is kept)', async () => {
    const nonce = await currentNonce();
    const proof = await proofFor({ nonce });
    expect((await tokenRequest(proof)).status).toBe(200);
    expect(await refusal(await tokenRequest(proof))).toEqual({
      status: 400,
      nonce: false,
      body: {
        error: 'invalid_grant',
        error_description: 'grant request is invalid: DPoP proof JWT Replay detected',
      },
    });
  });

  it('iat more than 300 s away without a nonce: use a nonce instead', async () => {
    for (const iat of [Math.floor(Date.now() / 1000) - 301, Math.floor(Date.now() / 1000) + 301]) {
      expect(await refusal(await tokenRequest(await proofFor({ iat })))).toEqual({
        status: 400,
        nonce: true,
        body: {
          error: 'use_dpop_nonce',
          error_description: 'DPoP proof iat is not recent enough, use a DPoP nonce instead',
        },
      });
    }
  });

  it('with a valid nonce, iat is not checked (the nonce is the freshness)', async () => {
    const nonce = await currentNonce();
    const iat = Math.floor(Date.now() / 1000) - 3600;
    expect((await tokenRequest(await proofFor({ nonce, iat }))).status).toBe(200);
  });

  it('a nonce this server did not issue: a new one is offered', async () => {
    expect(await refusal(await tokenRequest(await proofFor({ nonce: 'made-up' })))).toEqual({
      status: 400,
      nonce: true,
      body: { error: 'use_dpop_nonce', error_description: 'invalid nonce in DPoP proof' },
    });
  });

  it('a proof that is not a JWT', async () => {
    expect(await refusal(await tokenRequest('not-a-jwt'))).toMatchObject({
      status: 400,
      body: { error: 'invalid_dpop_proof' },
    });
  });
});
