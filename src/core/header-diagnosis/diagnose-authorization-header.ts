import type { ClientCredentials } from '../credentials/credentials.ts';
import { compareWithExpected } from './compare-with-expected.ts';
import { correctHeader } from './correct-header.ts';
import { decodeBase64Token } from './decode-base64-token.ts';
import type { HeaderFinding, HeaderFindingSeverity } from './findings.ts';
import { readBasicPair } from './read-basic-pair.ts';
import { readPastedHeader } from './read-pasted-header.ts';

export interface HeaderDiagnosis {
  /** In the order a person fixes them: wrapper, scheme, Base64, credentials, comparison. */
  readonly findings: readonly HeaderFinding[];
  /**
   * The worst severity found, which is the verdict: `error`, the bytes a server receives are wrong;
   * `warning`, servers read them differently; `note`, right, with something copied around them;
   * `fine`, nothing to say.
   */
  readonly verdict: HeaderFindingSeverity;
  /**
   * The header with every problem fixed, when each fix is certain (see `correctHeader`). It is the
   * one output that carries the Base64 (the secret, encoded): it is the header to send.
   */
  readonly corrected?: string;
}

const SEVERITY_ORDER: readonly HeaderFindingSeverity[] = ['error', 'warning', 'note'];

function worst(findings: readonly HeaderFinding[]): HeaderFindingSeverity {
  return SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s)) ?? 'fine';
}

/**
 * The header doctor: reads whatever a person pasted as an Authorization header for
 * client_secret_basic (RFC 6749 §2.3.1, RFC 7617) and returns every problem it finds, from
 * pasted quotes to a trailing newline inside the Base64, as typed findings with positions.
 * With `expected` credentials it also says whether the header carries them.
 *
 * Does NOT return the secret, the decoded secret or the token in any form a person could copy:
 * findings carry lengths, masks and positions. Does NOT throw, whatever the input.
 */
export function diagnoseAuthorizationHeader(
  pasted: string,
  expected?: ClientCredentials,
): HeaderDiagnosis {
  const header = readPastedHeader(pasted);
  const findings = [...header.findings];
  let decodedBytes: Uint8Array | undefined;
  if (header.token.text !== '') {
    const decoded = decodeBase64Token(header.token);
    findings.push(...decoded.findings);
    decodedBytes = decoded.bytes;
    const pair = decoded.bytes ? readBasicPair(decoded.bytes, expected) : undefined;
    if (pair) findings.push(...pair.findings);
    if (expected && (expected.clientId !== '' || expected.clientSecret !== '')) {
      const sendable = worst(findings) !== 'error';
      const comparison = compareWithExpected(
        header.token.text,
        pair?.readings,
        expected,
        pair?.trailingLineBreak,
      );
      for (const finding of comparison) {
        findings.push(
          finding.code === 'matches-expected'
            ? { ...finding, exact: finding.exact && sendable }
            : finding,
        );
      }
    }
  }
  const corrected = correctHeader(findings, decodedBytes);
  return { findings, verdict: worst(findings), ...(corrected === undefined ? {} : { corrected }) };
}
