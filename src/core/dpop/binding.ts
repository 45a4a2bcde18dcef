/**
 * Which key an access token is bound to (RFC 9449 §6.1: `cnf.jkt`, the RFC 7638 thumbprint of
 * the key whose proofs it needs), compared with the DPoP key this page holds.
 */
export type KeyBinding =
  | { readonly kind: 'unbound' }
  /** `token_type` DPoP, but the token is not a JWT the page can read: its key is not named. */
  | { readonly kind: 'bound-unreadable' }
  | { readonly kind: 'this-key'; readonly jkt: string }
  | { readonly kind: 'other-key'; readonly jkt: string; readonly pageJkt: string }
  /** Bound, and this page holds no DPoP key to compare (the token was pasted, or DPoP is off). */
  | { readonly kind: 'no-page-key'; readonly jkt: string };

function jktOf(claims: Readonly<Record<string, unknown>> | null): string | null {
  const cnf = claims?.['cnf'];
  if (typeof cnf !== 'object' || cnf === null || !('jkt' in cnf)) return null;
  return typeof cnf.jkt === 'string' && cnf.jkt !== '' ? cnf.jkt : null;
}

/**
 * `claims`: the token's payload when it is a readable JWT (else null); `tokenType`: the
 * `token_type` of the answer that issued it, when known; `pageJkt`: the thumbprint of the page's
 * DPoP key, when it holds one.
 */
export function keyBindingOf(
  claims: Readonly<Record<string, unknown>> | null,
  tokenType: string | null,
  pageJkt: string | null,
): KeyBinding {
  const jkt = jktOf(claims);
  if (jkt === null)
    return tokenType?.toLowerCase() === 'dpop' ? { kind: 'bound-unreadable' } : { kind: 'unbound' };
  if (pageJkt === null) return { kind: 'no-page-key', jkt };
  return jkt === pageJkt ? { kind: 'this-key', jkt } : { kind: 'other-key', jkt, pageJkt };
}

/** What the inspector says of the binding: a sentence, and whether it is good news. */
export function describeKeyBinding(binding: KeyBinding): { text: string; ok: boolean } | null {
  switch (binding.kind) {
    case 'unbound':
      return null;
    case 'bound-unreadable':
      return {
        ok: true,
        text: 'The server issued a DPoP token: it is bound to the key of the proof the request carried, though this token does not say which (it is not a JWT the page can read).',
      };
    case 'this-key':
      return {
        ok: true,
        text: `Bound to this page's DPoP key: cnf.jkt (${binding.jkt}) is its thumbprint. Every call with it needs a new proof signed by that key.`,
      };
    case 'other-key':
      return {
        ok: false,
        text: `Bound to another key than this page's: cnf.jkt is ${binding.jkt}, this page's key has the thumbprint ${binding.pageJkt}. Proofs from this page will not match it: it was issued for an earlier key pair (a new one was made since) or to another client. Request a new token.`,
      };
    case 'no-page-key':
      return {
        ok: true,
        text: `Bound to a DPoP key with the thumbprint ${binding.jkt} (cnf.jkt): only proofs signed by that key make it usable, and this page holds no DPoP key to compare.`,
      };
  }
}
