import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseAuthorizationHeader } from '../../core/header-diagnosis/diagnose-authorization-header.ts';
import { describeHeaderFinding, describeVerdict } from './describe-header-finding.ts';

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

describe('describeVerdict: the verdict follows the severities', () => {
  const OKTA = {
    clientId: '0oa4xqz9kfTbN2cWd5d7',
    clientSecret: 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO',
  };
  const token = b64(`${OKTA.clientId}:${OKTA.clientSecret}`);
  const verdict = (pasted: string, expected?: { clientId: string; clientSecret: string }) =>
    describeVerdict(diagnoseAuthorizationHeader(pasted, expected));

  it('a correct header line, or a curl fragment around it, is well formed with a note', () => {
    expect(verdict(`Authorization: Basic ${token}`)).toBe(
      'This header is well formed, with a note: the header name before the value, right for a whole header line.',
    );
    expect(verdict(`--header 'authorization: Basic ${token}'`)).toBe(
      "This header is well formed, with a note: curl's header option before the header, which curl does not send; shell quotes around the line, which the shell takes off; the header name before the value, right for a whole header line.",
    );
    expect(verdict(`Basic ${token}`, OKTA)).toBe(
      'This header is well formed. It carries the expected credentials.',
    );
  });

  it('"will not work" names what the server receives, and points at the correction', () => {
    expect(verdict(`Basic Basic ${token}`)).toBe(
      'This header will not work: the server receives "Basic" twice. The corrected header below fixes it.',
    );
    expect(verdict(`Basic ${b64(OKTA.clientId)}`)).toBe(
      'This header will not work: the server receives no ":" between client ID and secret.',
    );
  });

  it('a pair servers read two ways is a warning, said as such', () => {
    expect(verdict(`Basic ${b64('demo:s3c+r/t')}`)).toMatch(
      /^This header is well formed, but servers read it differently: /,
    );
  });

  it('the decoded secret is counted honestly: a trailing line break is named', () => {
    expect(words(`Basic ${b64('demo:secret\n')}`)).toContain(
      'Decoded: client ID "demo", secret of 7 characters, the last a line break (LF) ••••••↵.',
    );
  });
});
