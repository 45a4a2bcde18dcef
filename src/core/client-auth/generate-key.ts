import { platformBase64 } from '../encoding/base64url.ts';
import type { AssertionAlgorithm } from './client-assertion.ts';
import { EC_IMPORT, RSA_IMPORT } from './private-key.ts';

// Apart from private-key.ts, which the signer shares: only the key section makes keys.

/** PEM text (RFC 7468 §2): the label, Base64 in 64-character lines. */
function toPem(label: string, der: Uint8Array): string {
  const lines = platformBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * A new key pair made by Web Crypto in this page (RSA 2048 for RS256, P-256 for ES256), returned
 * as the PKCS#8 PEM of its private key: the same text a user would paste, read by
 * `parsePrivateKey` like any other. Nothing leaves the page.
 */
export async function generatePrivateKeyPem(alg: AssertionAlgorithm): Promise<string> {
  const pair =
    alg === 'RS256'
      ? await crypto.subtle.generateKey(
          { ...RSA_IMPORT, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
          true,
          ['sign', 'verify'],
        )
      : await crypto.subtle.generateKey(EC_IMPORT, true, ['sign', 'verify']);
  const der = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  return toPem('PRIVATE KEY', new Uint8Array(der));
}
