import {
  encodeBasicCredentials,
  type ClientCredentials,
  type CredentialEncoding,
} from '../credentials/credentials.ts';
import type { ExpectedParts, HeaderFinding, LineBreak } from './findings.ts';
import type { PairReadings } from './read-basic-pair.ts';

const ENCODINGS: readonly CredentialEncoding[] = ['raw', 'form'];

function firstDifference(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function lineBreakKind(lineBreak: string): LineBreak {
  return lineBreak.endsWith('\r\n') ? 'CRLF' : lineBreak.endsWith('\r') ? 'CR' : 'LF';
}

/**
 * Says whether a pasted header carries the credentials a person entered, and if not how it
 * differs: the client ID (both shown: it is not a secret), or the secret (lengths, the first
 * differing position, or that the header's is the expected one followed by a line break). Only
 * what was entered is compared: an empty client ID or secret is not. `token` is the pasted Base64
 * with only white space taken out; `exact` says it is the expected Base64, and the caller clears it
 * when other problems remain. `trailingLineBreak` is what ends the decoded text: the server keeps
 * it in the secret, so a secret that matches only without it does not match.
 *
 * Does NOT say which encoding the server wants: a header that matches only one encoding is
 * reported with that encoding, and the view explains which servers read it that way.
 */
export function compareWithExpected(
  token: string,
  readings: PairReadings | undefined,
  expected: ClientCredentials,
  trailingLineBreak = '',
): HeaderFinding[] {
  const compareId = expected.clientId !== '';
  const compareSecret = expected.clientSecret !== '';
  const compared: ExpectedParts =
    compareId && compareSecret ? 'pair' : compareId ? 'client-id' : 'secret';
  const exact =
    compared === 'pair'
      ? ENCODINGS.filter((encoding) => encodeBasicCredentials(expected, encoding).base64 === token)
      : [];
  if (exact.length > 0) {
    return [
      { code: 'matches-expected', severity: 'fine', encodings: exact, exact: true, compared },
    ];
  }
  if (!readings) return [];

  const candidates = ENCODINGS.flatMap((encoding) => {
    const credentials = readings[encoding];
    return credentials ? [{ encoding, credentials }] : [];
  });
  const idMatches = (credentials: ClientCredentials) =>
    !compareId || credentials.clientId === expected.clientId;
  const secretMatches = (credentials: ClientCredentials) =>
    !compareSecret || credentials.clientSecret === expected.clientSecret;

  const matching = candidates.filter(
    ({ credentials }) => idMatches(credentials) && secretMatches(credentials),
  );
  const [firstMatch] = matching;
  if (firstMatch && compareSecret && trailingLineBreak !== '') {
    // What the server compares is the secret with the line break: it differs, and this is how.
    const length = [...expected.clientSecret].length;
    return [
      {
        code: 'secret-differs',
        severity: 'error',
        headerSecretLength: length + trailingLineBreak.length,
        expectedSecretLength: length,
        firstDifference: length,
        encoding: firstMatch.encoding,
        clientIdCompared: compareId,
        trailingLineBreak: lineBreakKind(trailingLineBreak),
      },
    ];
  }
  if (matching.length > 0) {
    return [
      {
        code: 'matches-expected',
        severity: 'fine',
        encodings: matching.map(({ encoding }) => encoding),
        exact: false,
        compared,
      },
    ];
  }

  const sameId = candidates.find(({ credentials }) => idMatches(credentials));
  if (sameId) {
    const header = [...(sameId.credentials.clientSecret + trailingLineBreak)];
    const wanted = [...expected.clientSecret];
    return [
      {
        code: 'secret-differs',
        severity: 'error',
        headerSecretLength: header.length,
        expectedSecretLength: wanted.length,
        firstDifference: firstDifference(header, wanted),
        encoding: sameId.encoding,
        clientIdCompared: compareId,
      },
    ];
  }

  const { raw } = readings;
  // Swapped or pasted into the wrong field: the "client ID" read from the header is the secret.
  const isSecret =
    compareSecret &&
    candidates.some(({ credentials }) => credentials.clientId === expected.clientSecret);
  return [
    {
      code: 'client-id-differs',
      severity: 'error',
      headerClientId: isSecret ? undefined : raw.clientId,
      expectedClientId: expected.clientId,
      secretMatches:
        compareSecret &&
        candidates.some(({ credentials }) => credentials.clientSecret === expected.clientSecret),
    },
  ];
}
