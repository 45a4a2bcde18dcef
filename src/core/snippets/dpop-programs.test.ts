import { describe, expect, it } from 'vitest';
import { SNIPPET_CASES } from '../test-support/snippet-cases.ts';
import { describeCarriedDpopProof, dpopProofOf } from './dpop-programs.ts';
import { findSnippetTarget, placeholderSnippet, snippetTargets } from './registry.ts';

const DPOP = SNIPPET_CASES['dpop-basic']!;
const PLAIN = SNIPPET_CASES['guide-basic-raw']!;

describe('snippets of a DPoP token request', () => {
  it('a tab that carries the page proof says when it was signed, how long the demo server takes it, and the nonce answer', () => {
    const note = findSnippetTarget('curl-cmd')?.describe?.(DPOP) ?? '';
    // The fixture proof: iat 1780000000, POST to the Okta URL, no nonce (written by jose).
    expect(note).toContain(
      'a proof signed at 2026-05-28T20:26:40.000Z for POST https://dev-123456.okta.com/oauth2/default/v1/token, without a nonce',
    );
    expect(note).toContain('oidc-provider, 300 seconds either way');
    // oidc-provider's nonces: a new one every 60 s, five valid at once, handed out one step ahead.
    expect(note).toContain(
      'checks the nonce instead of iat: a nonce it gave is accepted for 3 to 4 minutes',
    );
    expect(note).toContain('400 with error use_dpop_nonce and a DPoP-Nonce header');
    expect(note).toContain('a new proof carrying that nonce is needed');
  });

  it('the curl note keeps its quoting sentences before the DPoP one', () => {
    const note = findSnippetTarget('curl-bash')?.describe?.(DPOP) ?? '';
    expect(note.startsWith('For bash and zsh.')).toBe(true);
    expect(note).toContain('use_dpop_nonce');
  });

  it('the JavaScript and Python tabs sign their own proofs and say so; the page proof is not in them', () => {
    const proof = dpopProofOf(DPOP)!;
    for (const id of ['javascript-fetch', 'python-urllib', 'python-requests']) {
      const target = findSnippetTarget(id)!;
      expect(target.generate(DPOP).code).not.toContain(proof);
      expect(target.describe?.(DPOP)).toContain('makes its own ES256 key pair');
    }
  });

  it('every other tab carries the page proof as it is', () => {
    const proof = dpopProofOf(DPOP)!;
    const carrying = snippetTargets.filter(
      (t) => !['javascript-fetch', 'python-urllib', 'python-requests'].includes(t.id),
    );
    expect(carrying).toHaveLength(7);
    for (const target of carrying) expect(target.generate(DPOP).code).toContain(proof);
  });

  it('the placeholder code, which carries the page proof in every tab, says so under it', () => {
    const shown = placeholderSnippet('python-urllib', {
      ...DPOP,
      authMethod: 'client_secret_basic',
      encoding: 'raw',
    });
    expect(shown?.note).toContain('Holds no credential');
    expect(shown?.note).toContain(
      'The DPoP header carries a proof signed at 2026-05-28T20:26:40.000Z',
    );
  });

  it('says nothing of DPoP for a request without a proof', () => {
    expect(describeCarriedDpopProof(PLAIN)).toBeUndefined();
    for (const target of snippetTargets) {
      expect(target.describe?.(PLAIN) ?? '').not.toContain('DPoP');
      expect(target.generate(PLAIN).code).not.toContain('dpop');
    }
  });
});
