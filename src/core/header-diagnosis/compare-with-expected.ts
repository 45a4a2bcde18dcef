import {
  encodeBasicCredentials,
  type ClientCredentials,
  type CredentialEncoding,
} from '../credentials.ts';
import type { HeaderFinding } from './findings.ts';
import type { PairReadings } from './read-basic-pair.ts';

const ENCODINGS: readonly CredentialEncoding[] = ['raw', 'form'];

function firstDifference(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Says whether a pasted header carries the credentials a person entered, and if not how it
 * differs: the client ID (both shown: it is not a secret), or the secret (lengths and the first
 * differing position only). `token` is the pasted Base64 with only white space taken out; `exact`
 * says it is the expected Base64, and the caller clears it when other problems remain.
 *
 * Does NOT say which encoding the server wants: a header that matches only one encoding is
 * reported with that encoding, and the view explains which servers read it that way.
 */
export function compareWithExpected(
  token: string,
  readings: PairReadings | undefined,
  expected: ClientCredentials,
): HeaderFinding[] {
  const exact = ENCODINGS.filter(
    (encoding) => encodeBasicCredentials(expected, encoding).base64 === token,
  );
  if (exact.length > 0) {
    return [{ code: 'matches-expected', severity: 'fine', encodings: exact, exact: true }];
  }
  if (!readings) return [];

  const candidates = ENCODINGS.flatMap((encoding) => {
    const credentials = readings[encoding];
    return credentials ? [{ encoding, credentials }] : [];
  });
  const matching = candidates.filter(
    ({ credentials }) =>
      credentials.clientId === expected.clientId &&
      credentials.clientSecret === expected.clientSecret,
  );
  if (matching.length > 0) {
    return [
      {
        code: 'matches-expected',
        severity: 'fine',
        encodings: matching.map(({ encoding }) => encoding),
        exact: false,
      },
    ];
  }

  const sameId = candidates.find(({ credentials }) => credentials.clientId === expected.clientId);
  if (sameId) {
    const header = [...sameId.credentials.clientSecret];
    const wanted = [...expected.clientSecret];
    return [
      {
        code: 'secret-differs',
        severity: 'error',
        headerSecretLength: header.length,
        expectedSecretLength: wanted.length,
        firstDifference: firstDifference(header, wanted),
        encoding: sameId.encoding,
      },
    ];
  }

  const { raw } = readings;
  // Swapped or pasted into the wrong field: the "client ID" read from the header is the secret.
  const isSecret = candidates.some(
    ({ credentials }) => credentials.clientId === expected.clientSecret,
  );
  return [
    {
      code: 'client-id-differs',
      severity: 'error',
      headerClientId: isSecret ? undefined : raw.clientId,
      expectedClientId: expected.clientId,
      secretMatches: candidates.some(
        ({ credentials }) => credentials.clientSecret === expected.clientSecret,
      ),
    },
  ];
}
