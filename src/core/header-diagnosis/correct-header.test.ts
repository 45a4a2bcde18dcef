import { describe, expect, it } from 'vitest';
import { diagnoseAuthorizationHeader } from './diagnose-authorization-header.ts';

// Tokens made by Node's Buffer, not by the code under test.
const b64 = (text: string | Buffer) =>
  (typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64');
const PAIR = '0oa4xqz9kfTbN2cWd5d7:Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO';
const TOKEN = b64(PAIR);
const corrected = (pasted: string) => diagnoseAuthorizationHeader(pasted).corrected;

describe('the corrected header: offered when every fix is certain', () => {
  it.each([
    ['a line break inside (GNU base64)', `Basic ${TOKEN.slice(0, 76)}\n${TOKEN.slice(76)}`],
    ['the padding missing', `Basic ${TOKEN.replace(/=+$/, '')}`],
    ['the prefix doubled', `Basic Basic ${TOKEN}`],
    ['the scheme missing', TOKEN],
    ['Bearer where Basic belongs', `Bearer ${TOKEN}`],
    ['quotes around the value', `Basic "${TOKEN}"`],
    ['a space inside', `Basic ${TOKEN.slice(0, 10)} ${TOKEN.slice(10)}`],
    ['a stray CR', `Basic ${TOKEN}\r`],
    ['echo without -n', `Basic ${b64(`${PAIR}\n`)}`],
    ['a literal -n and CRLF', `Basic ${b64(`-n ${PAIR}\r\n`)}`],
    [
      'a BOM in the encoded file',
      `Basic ${b64(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAIR)]))}`,
    ],
    ['certutil output', `-----BEGIN CERTIFICATE-----\n${TOKEN}\n-----END CERTIFICATE-----`],
    ['the whole pair URL-encoded', `Basic ${b64(encodeURIComponent(PAIR))}`],
  ])('%s', (_name, pasted) => {
    expect(corrected(pasted)).toBe(`Basic ${TOKEN}`);
  });

  it('base64url: the same bytes in the standard alphabet', () => {
    const pair = 'id:ab~cd?ef>';
    const url = b64(pair).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    expect(corrected(`Basic ${url}`)).toBe(`Basic ${b64(pair)}`);
  });

  it('keeps the header name when the paste had one', () => {
    expect(corrected(`Authorization: Basic Basic ${TOKEN}`)).toBe(`Authorization: Basic ${TOKEN}`);
  });

  it('offers nothing where nothing is wrong, or where only a note is', () => {
    expect(corrected(`Basic ${TOKEN}`)).toBeUndefined();
    expect(corrected(`Authorization: Basic ${TOKEN}`)).toBeUndefined();
    expect(corrected(`-H 'Authorization: Basic ${TOKEN}'`)).toBeUndefined();
  });

  it('offers nothing where a fix would be a guess', () => {
    // No colon: which part is missing?
    expect(corrected(`Basic ${b64('0oa4xqz9kfTbN2cWd5d7')}`)).toBeUndefined();
    // Latin-1 bytes: the code page is a guess.
    expect(
      corrected(`Basic ${b64(Buffer.from('caf\u00e9:s\u00e9cret', 'latin1'))}`),
    ).toBeUndefined();
    // Characters outside Base64, and an impossible length.
    expect(corrected(`Basic ${PAIR}`)).toBeUndefined();
    expect(corrected('Basic YTpiY')).toBeUndefined();
    // A JWT under Bearer is an access token, not client credentials.
    expect(corrected('Bearer eyJhbGciOiJub25lIn0.e30.')).toBeUndefined();
  });

  it('offers nothing when the credentials are not the expected ones', () => {
    const other = `Basic Basic ${b64('0oa4xqz9kfTbN2cWd5d7:wrong')}`;
    expect(
      diagnoseAuthorizationHeader(other, { clientId: '', clientSecret: 'right' }).corrected,
    ).toBeUndefined();
  });
});

describe('comparing with an expected secret alone', () => {
  const expectedSecret = { clientId: '', clientSecret: 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO' };
  const findings = (pasted: string) =>
    diagnoseAuthorizationHeader(pasted, expectedSecret).findings.filter(
      (f) => f.code === 'matches-expected' || f.code === 'secret-differs',
    );

  it('matches without a client ID to compare', () => {
    expect(findings(`Basic ${TOKEN}`)).toEqual([
      {
        code: 'matches-expected',
        severity: 'fine',
        encodings: ['raw', 'form'],
        exact: false,
        compared: 'secret',
      },
    ]);
  });

  it('says the first differing position, and only that', () => {
    const wrong = PAIR.slice(0, 21 + 11) + 'Q' + PAIR.slice(21 + 12);
    expect(findings(`Basic ${b64(wrong)}`)).toEqual([
      {
        code: 'secret-differs',
        severity: 'error',
        headerSecretLength: 40,
        expectedSecretLength: 40,
        firstDifference: 11,
        encoding: 'raw',
        clientIdCompared: false,
      },
    ]);
  });

  it('names a trailing line break as what differs', () => {
    expect(findings(`Basic ${b64(`${PAIR}\r\n`)}`)).toMatchObject([
      { code: 'secret-differs', trailingLineBreak: 'CRLF', headerSecretLength: 42 },
    ]);
  });
});
