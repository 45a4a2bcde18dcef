import { expect, test } from '@playwright/test';
import * as jose from 'jose';
import { createHash } from 'node:crypto';
import { axeViolations } from './support/axe.ts';

// A support agent pastes a DPoP call from a log into Check a header: the request line, the
// Authorization: DPoP line and the DPoP proof. The token and the proof are made here with jose,
// for this moment, so the page's clock sees a fresh proof; one proof is for another key.

const API = 'https://api.example.com/reports';

async function pastedCall(proofKey: 'bound' | 'other'): Promise<string> {
  const bound = await jose.generateKeyPair('ES256', { extractable: true });
  const other = await jose.generateKeyPair('ES256', { extractable: true });
  const issuer = await jose.generateKeyPair('RS256');
  const boundJwk = await jose.exportJWK(bound.publicKey);
  const token = await new jose.SignJWT({
    scope: 'reports:read',
    cnf: { jkt: await jose.calculateJwkThumbprint(boundJwk) },
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(issuer.privateKey);
  const signer = proofKey === 'bound' ? bound : other;
  const proof = await new jose.SignJWT({
    jti: crypto.randomUUID(),
    htm: 'GET',
    htu: API,
    iat: Math.floor(Date.now() / 1000),
    ath: createHash('sha256').update(token).digest('base64url'),
  })
    .setProtectedHeader({
      alg: 'ES256',
      typ: 'dpop+jwt',
      jwk: await jose.exportJWK(signer.publicKey),
    })
    .sign(signer.privateKey);
  return `GET ${API} HTTP/1.1\nAuthorization: DPoP ${token}\nDPoP: ${proof}`;
}

test('a pasted DPoP call is checked line against line, and a proof for another key is named', async ({
  page,
}) => {
  await page.goto('/?tool=check');
  const input = page.getByRole('textbox', { name: 'Header to check' });
  const diagnosis = page.getByRole('region', { name: 'Header diagnosis' });

  await input.fill(await pastedCall('bound'));
  await expect(diagnosis).toContainText(
    'These DPoP headers are well formed and agree with each other.',
  );
  await expect(diagnosis.getByRole('listitem')).toContainText([
    'an access token sent with the DPoP scheme (RFC 9449 §7.1)',
    "The proof's ath is this token's hash.",
    "The proof's key is the one the token is bound to",
    "The proof's htm and htu match the request line.",
  ]);
  await expect(diagnosis).not.toContainText('Problem:');
  expect(await axeViolations(page, 'main')).toEqual([]);

  await input.fill(await pastedCall('other'));
  await expect(diagnosis).toContainText('This DPoP call will not work: one problem below.');
  await expect(
    diagnosis.getByRole('listitem').filter({ hasText: 'the proof names another key' }),
  ).toHaveCount(1);
});
