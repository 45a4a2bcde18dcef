import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseAuthorizationHeader } from '../../core/header-diagnosis/diagnose-authorization-header.ts';
import { describeHeaderFinding } from './describe-header-finding.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const words = (pasted: string, expected?: { clientId: string; clientSecret: string }) =>
  diagnoseAuthorizationHeader(pasted, expected).findings.map(describeHeaderFinding);

describe('describeHeaderFinding', () => {
  it('says what GNU wrapping and echo without -n did, in plain words', () => {
    const token = b64('0oa4xqz9kfTbN2cWd5d7:Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO');
    expect(words(`Basic ${token.slice(0, 76)}\n${token.slice(76)}`)).toContain(
      "The Base64 is broken over several lines (character 83), after 76 characters: GNU base64 wraps its output. Use base64 -w0, or pipe it through tr -d '\\n'. Join the lines: a header value is one line.",
    );
    expect(words(`Basic ${b64('id:secret\n')}`).join('\n')).toContain('echo without -n adds one');
  });

  it('a lowercase scheme is described as fine', () => {
    expect(words(`basic ${b64('id:secret')}`)[0]).toBe(
      'The scheme is Basic (written "basic", which is fine: scheme names are case-insensitive).',
    );
  });

  it('the secret never appears in the words, matching or not (property)', () => {
    const secret = fc
      .stringMatching(/^[A-Za-z0-9+/%: ]{8,20}$/)
      .filter((s) => /[A-Za-z0-9]{4}/.test(s));
    fc.assert(
      fc.property(secret, fc.constantFrom('0oaclient', 'other'), (sec, headerId) => {
        const text = words(`Basic ${b64(`${headerId}:${sec}\n`)}`, {
          clientId: '0oaclient',
          clientSecret: sec,
        }).join('\n');
        expect(text).not.toContain(sec);
        expect(text).not.toContain(sec.trim());
      }),
      { numRuns: 300 },
    );
  });
});
