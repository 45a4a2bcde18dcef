import type { ClientCredentials } from '../../credentials/credentials.ts';
import type { HeaderFindingCode, HeaderFindingSeverity } from '../../header-diagnosis/findings.ts';

/**
 * One thing a person pastes into Check a header, and the truth about it, written out by hand:
 * the verdict the bytes a server receives deserve, the cause to name first, and the corrected
 * header when the fix is certain (null when it is not, or nothing needs fixing).
 */
export interface HeaderDoctorScenario {
  readonly name: string;
  readonly pasted: string;
  /** The credentials the person expects (Build a request's, or the Expected secret). */
  readonly expected?: ClientCredentials;
  readonly verdict: HeaderFindingSeverity;
  /** The first finding of the verdict's severity: what the page names first. */
  readonly firstCause: HeaderFindingCode;
  readonly corrected: string | null;
}

// The Okta-style pair of the credentials fixture; every token below was made with another tool
// (Python's base64), so no scenario depends on the code it checks.
const OKTA = {
  clientId: '0oa4xqz9kfTbN2cWd5d7',
  clientSecret: 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO',
};
const OKTA_TOKEN =
  'MG9hNHhxejlrZlRiTjJjV2Q1ZDc6WHczLWtQOV9xTDJ2Ujh0WTVuQjFtWjdjSDRqRjZnRDBzQS1lVV9pTw==';
const OKTA_HEADER = `Basic ${OKTA_TOKEN}`;

export const HEADER_DOCTOR_SCENARIOS: readonly HeaderDoctorScenario[] = [
  {
    name: 'a correct header value',
    pasted: OKTA_HEADER,
    verdict: 'fine',
    firstCause: 'scheme-basic',
    corrected: null,
  },
  {
    name: 'a correct value with a lowercase scheme (RFC 9110 §11.1)',
    pasted: `basic ${OKTA_TOKEN}`,
    verdict: 'fine',
    firstCause: 'scheme-basic',
    corrected: null,
  },
  {
    name: 'a correct whole header line, copied from a log',
    pasted: `Authorization: ${OKTA_HEADER}`,
    verdict: 'note',
    firstCause: 'header-name-included',
    corrected: null,
  },
  {
    name: 'a correct curl --header fragment, shell quotes and all',
    pasted: `--header 'authorization: ${OKTA_HEADER}'`,
    verdict: 'note',
    firstCause: 'command-flag-included',
    corrected: null,
  },
  {
    name: 'a correct header, matching the expected credentials',
    pasted: OKTA_HEADER,
    expected: OKTA,
    verdict: 'fine',
    firstCause: 'scheme-basic',
    corrected: null,
  },
  {
    name: 'echo without -n: the secret ends with LF',
    pasted:
      'Basic MG9hNHhxejlrZlRiTjJjV2Q1ZDc6WHczLWtQOV9xTDJ2Ujh0WTVuQjFtWjdjSDRqRjZnRDBzQS1lVV9pTwo=',
    verdict: 'error',
    firstCause: 'trailing-newline',
    corrected: OKTA_HEADER,
  },
  {
    name: 'echo without -n, against the expected secret alone',
    pasted:
      'Basic MG9hNHhxejlrZlRiTjJjV2Q1ZDc6WHczLWtQOV9xTDJ2Ujh0WTVuQjFtWjdjSDRqRjZnRDBzQS1lVV9pTwo=',
    expected: { clientId: '', clientSecret: OKTA.clientSecret },
    verdict: 'error',
    firstCause: 'trailing-newline',
    corrected: OKTA_HEADER,
  },
  {
    name: 'GNU base64 wrapped at 76 columns',
    pasted: `Basic ${OKTA_TOKEN.slice(0, 76)}\n${OKTA_TOKEN.slice(76)}`,
    verdict: 'error',
    firstCause: 'line-break-in-token',
    corrected: OKTA_HEADER,
  },
  {
    name: 'certutil -encode output, wrapped at 64 with its BEGIN/END lines',
    pasted: `-----BEGIN CERTIFICATE-----\r\n${OKTA_TOKEN.slice(0, 64)}\r\n${OKTA_TOKEN.slice(64)}\r\n-----END CERTIFICATE-----\r\n`,
    verdict: 'error',
    firstCause: 'certutil-wrapper',
    corrected: OKTA_HEADER,
  },
  {
    name: 'the Basic prefix doubled',
    pasted: `Basic ${OKTA_HEADER}`,
    verdict: 'error',
    firstCause: 'scheme-doubled',
    corrected: OKTA_HEADER,
  },
  {
    name: 'the padding left off',
    pasted: `Basic ${OKTA_TOKEN.replace(/=+$/, '')}`,
    verdict: 'error',
    firstCause: 'missing-padding',
    corrected: OKTA_HEADER,
  },
  {
    name: 'base64url instead of Base64',
    pasted: 'Basic aWQ6YWJ-Y2Q_ZWY-',
    verdict: 'error',
    firstCause: 'base64url-alphabet',
    corrected: 'Basic aWQ6YWJ+Y2Q/ZWY+',
  },
  {
    name: 'shell quotes around the value only',
    pasted: `'${OKTA_HEADER}'`,
    verdict: 'error',
    firstCause: 'surrounding-quotes',
    corrected: OKTA_HEADER,
  },
  {
    name: 'three spaces after Basic',
    pasted: `Basic   ${OKTA_TOKEN}`,
    verdict: 'warning',
    firstCause: 'extra-spaces',
    corrected: OKTA_HEADER,
  },
  {
    name: 'only the client ID encoded',
    pasted: 'Basic MG9hNHhxejlrZlRiTjJjV2Q1ZDc=',
    verdict: 'error',
    firstCause: 'no-colon',
    corrected: null,
  },
  {
    name: 'the whole pair URL-encoded (the colon as %3A)',
    pasted:
      'Basic MG9hNHhxejlrZlRiTjJjV2Q1ZDclM0FYdzMta1A5X3FMMnZSOHRZNW5CMW1aN2NINGpGNmdEMHNBLWVVX2lP',
    verdict: 'error',
    firstCause: 'percent-encoded-separator',
    corrected: OKTA_HEADER,
  },
  {
    name: 'Latin-1 bytes from an old tool: the code page is a guess',
    pasted: 'Basic Y2Fm6Tpz6WNyZXQ=',
    verdict: 'error',
    firstCause: 'not-utf8',
    corrected: null,
  },
  {
    name: 'a file saved as UTF-8 with BOM, then encoded',
    pasted:
      'Basic 77u/MG9hNHhxejlrZlRiTjJjV2Q1ZDc6WHczLWtQOV9xTDJ2Ujh0WTVuQjFtWjdjSDRqRjZnRDBzQS1lVV9pTw==',
    verdict: 'error',
    firstCause: 'byte-order-mark',
    corrected: OKTA_HEADER,
  },
  {
    name: 'an access token under Bearer, pasted as client credentials',
    pasted: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    verdict: 'error',
    firstCause: 'scheme-wrong',
    corrected: null,
  },
  {
    name: 'a secret that differs from the expected one at character 12',
    pasted:
      'Basic MG9hNHhxejlrZlRiTjJjV2Q1ZDc6WHczLWtQOV9xTDJRUjh0WTVuQjFtWjdjSDRqRjZnRDBzQS1lVV9pTw==',
    expected: { clientId: '', clientSecret: OKTA.clientSecret },
    verdict: 'error',
    firstCause: 'secret-differs',
    corrected: null,
  },
  {
    name: 'a raw secret with + and /, which form-decoding servers read differently',
    pasted: 'Basic ZGVtbzpzM2Mrci90',
    verdict: 'warning',
    firstCause: 'encoding-readings-differ',
    corrected: null,
  },
];
