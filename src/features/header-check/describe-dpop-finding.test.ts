import { describe, expect, it } from 'vitest';
import {
  diagnoseDpopPaste,
  pastedAccessToken,
  readDpopPaste,
} from '../../core/header-diagnosis/dpop-headers.ts';
import { DPOP_HEADER_PASTE_SCENARIOS } from '../../core/diagnosis/scenarios/dpop-header-pastes.ts';
import { describeDpopFinding, describeDpopVerdict } from './describe-dpop-finding.ts';

const scenario = (name: string) => {
  const found = DPOP_HEADER_PASTE_SCENARIOS.find((s) => s.name.startsWith(name));
  if (!found) throw new Error(`no scenario ${name}`);
  const diagnosis = diagnoseDpopPaste(readDpopPaste(found.pasted)!, found.context);
  return { diagnosis, words: diagnosis.findings.map(describeDpopFinding) };
};

describe('describeDpopFinding', () => {
  it('calls a pasted private key a leak and says to replace it', () => {
    const text = scenario('a proof whose jwk carries the private key').words.join('\n');
    expect(text).toContain('private key members (d)');
    expect(text).toContain('The key has leaked: make a new key pair and stop using this one');
  });

  it('names the RFC 9449 §7.1 scheme and the proof it needs', () => {
    expect(scenario('the Authorization line alone').words).toEqual([
      'Authorization: DPoP is an access token sent with the DPoP scheme (RFC 9449 §7.1): the request also needs a DPoP header with a proof signed for it.',
      'The token is a JWT bound to the DPoP key with the thumbprint hIJCkjaNDt9V6kJUZzhI4zXmzGryEd5yCaHIz6339OE (cnf.jkt, RFC 9449 §6.1).',
      'No DPoP: proof line was pasted. Paste it too (on its own line) to check the two against each other; without one the server refuses the call (RFC 9449 §7.1).',
    ]);
  });

  it('says an old proof may be a late copy, not a fault, with the demo window', () => {
    const text = scenario('a proof signed an hour before').words.join('\n');
    expect(text).toContain("The proof's iat is 60 min before this page");
    expect(text).toContain('The demo API accepts a proof for 300 s after iat');
    expect(text).toContain('with its nonce it checks the nonce instead');
    expect(text).toContain('if it was copied from an earlier log, that is its age, not a fault');
  });

  it('the verdict says the two agree only when they were checked against each other', () => {
    expect(describeDpopVerdict(scenario('a right DPoP call').diagnosis)).toBe(
      'These DPoP headers are well formed and agree with each other. Only the server can check the signature.',
    );
    expect(describeDpopVerdict(scenario('the proof of a token request alone').diagnosis)).toBe(
      'This DPoP proof is well formed. Only the server can check the signature.',
    );
    expect(describeDpopVerdict(scenario('a proof signed with another key').diagnosis)).toBe(
      'This DPoP call will not work: one problem below.',
    );
  });

  it('never repeats the access token or the proof', () => {
    for (const { pasted, context } of DPOP_HEADER_PASTE_SCENARIOS) {
      const paste = readDpopPaste(pasted)!;
      const text = diagnoseDpopPaste(paste, context).findings.map(describeDpopFinding).join('\n');
      const token = pastedAccessToken(paste);
      if (token !== null) expect(text).not.toContain(token);
      if (paste.proof) expect(text).not.toContain(paste.proof.jwt.split('.')[1]);
    }
  });
});
