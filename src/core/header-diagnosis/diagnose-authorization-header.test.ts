import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixtures from '../fixtures/credentials.json';
import { referenceFormEncode } from '../test-support/reference-form-encode.ts';
import { diagnoseAuthorizationHeader } from './diagnose-authorization-header.ts';
import type { HeaderFinding, HeaderFindingCode } from './findings.ts';

// Headers are built here with Node's Buffer (not the code under test); the expected findings are
// written out by hand from the issue's list of mistakes.

const b64 = (text: string | Buffer) =>
  (typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64');
const OKTA = {
  clientId: '0oa4xqz9kfTbN2cWd5d7',
  clientSecret: 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO',
};
const OKTA_TOKEN =
  'MG9hNHhxejlrZlRiTjJjV2Q1ZDc6WHczLWtQOV9xTDJ2Ujh0WTVuQjFtWjdjSDRqRjZnRDBzQS1lVV9pTw==';

function codes(pasted: string, expected?: { clientId: string; clientSecret: string }) {
  return diagnoseAuthorizationHeader(pasted, expected).findings.map((f) => f.code);
}
function find<C extends HeaderFindingCode>(
  pasted: string,
  code: C,
  expected?: { clientId: string; clientSecret: string },
): Extract<HeaderFinding, { code: C }> {
  const found = diagnoseAuthorizationHeader(pasted, expected).findings.find(
    (f): f is Extract<HeaderFinding, { code: C }> => f.code === code,
  );
  if (!found)
    throw new Error(
      `no ${code} finding for ${JSON.stringify(pasted)}: ${codes(pasted, expected).join(', ')}`,
    );
  return found;
}
const problems = (pasted: string, expected?: { clientId: string; clientSecret: string }) =>
  diagnoseAuthorizationHeader(pasted, expected)
    .findings.filter((f) => f.severity !== 'fine')
    .map((f) => f.code);

interface BrokenHeader {
  readonly name: string;
  readonly header: string;
  readonly code: string;
  readonly severity: string;
}
function readBrokenHeaders(entries: unknown): BrokenHeader[] {
  if (!Array.isArray(entries)) throw new Error('credentials.json is not an array');
  return entries
    .filter(
      (e): e is Record<string, unknown> =>
        typeof e === 'object' && e !== null && e.kind === 'broken_header',
    )
    .map((e) => {
      const expected = e.expected as Record<string, unknown> | undefined;
      if (
        typeof e.name !== 'string' ||
        typeof e.header !== 'string' ||
        typeof expected?.code !== 'string' ||
        typeof expected.severity !== 'string'
      )
        throw new Error(
          `broken_header ${String(e.name)}: name, header, expected.code or expected.severity missing`,
        );
      return { name: e.name, header: e.header, code: expected.code, severity: expected.severity };
    });
}

/** The fixture's codes, named in this module's words. */
const FIXTURE_CODES: Readonly<Record<string, HeaderFindingCode>> = {
  TRAILING_NEWLINE: 'trailing-newline',
  LINE_BREAK_IN_TOKEN: 'line-break-in-token',
  BOM_PREFIX: 'byte-order-mark',
  BASE64URL_ALPHABET: 'base64url-alphabet',
  SCHEME_MISSING: 'scheme-missing',
  HEADER_NAME_INCLUDED: 'header-name-included',
  NO_COLON: 'no-colon',
  WRONG_SCHEME: 'scheme-wrong',
  SURROUNDING_QUOTES: 'surrounding-quotes',
};

describe('diagnoseAuthorizationHeader: the fixture broken headers', () => {
  const broken = readBrokenHeaders(fixtures);
  it('reads all nine', () => expect(broken.map((b) => b.name)).toHaveLength(9));

  it.each(broken)('$name → $code', ({ header, code, severity }) => {
    const ours = FIXTURE_CODES[code];
    expect(ours, `a code for ${code}`).toBeDefined();
    const finding = find(header, ours!);
    // A whole `authorization: …` line is what support staff often paste on purpose: a note, since
    // no server receives the name inside the value (docs/decisions/060, 150).
    expect(finding.severity).toBe(code === 'HEADER_NAME_INCLUDED' ? 'note' : severity);
  });

  it('an echo without -n: the id is read, the newline is the last byte, and counted', () => {
    const header = broken.find((b) => b.name === 'echo-without-n')!.header;
    expect(find(header, 'trailing-newline')).toMatchObject({
      newline: 'LF',
      bytes: [{ start: 61, end: 62 }],
    });
    // The server receives 41 characters, the last a line break: never "40" silently.
    expect(find(header, 'pair-read').reading).toEqual({
      clientId: OKTA.clientId,
      secretLength: 41,
      secretMask: `${'\u2022'.repeat(40)}\u21b5`,
      trailingLineBreak: { kind: 'LF', length: 1 },
    });
    expect(find(header, 'secret-differs', OKTA)).toMatchObject({
      trailingLineBreak: 'LF',
      headerSecretLength: 41,
      expectedSecretLength: 40,
      firstDifference: 40,
    });
    expect(diagnoseAuthorizationHeader(header).corrected).toBe(`Basic ${OKTA_TOKEN}`);
  });

  it('GNU base64 wrapping: one break after column 76', () => {
    const header = broken.find((b) => b.name === 'gnu-base64-wrapped')!.header;
    expect(find(header, 'line-break-in-token')).toMatchObject({
      lineLengths: [76],
      input: [{ start: 82, end: 83 }],
    });
    expect(find(header, 'matches-expected', OKTA)).toMatchObject({ encodings: ['raw', 'form'] });
  });
});

describe('diagnoseAuthorizationHeader: every mistake in the list', () => {
  it('a clean header has no problem, whatever the case of the scheme (RFC 9110 §11.1)', () => {
    for (const scheme of ['Basic', 'basic', 'BASIC', 'bAsIc']) {
      expect(problems(`${scheme} ${OKTA_TOKEN}`)).toEqual([]);
      expect(find(`${scheme} ${OKTA_TOKEN}`, 'scheme-basic').asWritten).toBe(scheme);
    }
    expect(diagnoseAuthorizationHeader(`Basic ${OKTA_TOKEN}`, OKTA).verdict).toBe('fine');
  });

  it('trailing CRLF inside the Base64 (echo in a Windows file)', () => {
    expect(
      find(`Basic ${b64(`${OKTA.clientId}:${OKTA.clientSecret}\r\n`)}`, 'trailing-newline').newline,
    ).toBe('CRLF');
  });

  it('a literal -n (an echo that does not know -n) and its newline', () => {
    const header = `Basic ${b64(`-n ${OKTA.clientId}:${OKTA.clientSecret}\n`)}`;
    expect(problems(header)).toEqual(['literal-dash-n', 'trailing-newline']);
    expect(find(header, 'pair-read').reading.clientId).toBe(OKTA.clientId);
    expect(find(header, 'secret-differs', OKTA).trailingLineBreak).toBe('LF');
    expect(diagnoseAuthorizationHeader(header, OKTA).corrected).toBe(`Basic ${OKTA_TOKEN}`);
  });

  it('certutil -encode output: the BEGIN/END lines and its wrapping at 64', () => {
    const pasted = `-----BEGIN CERTIFICATE-----\r\n${OKTA_TOKEN.slice(0, 64)}\r\n${OKTA_TOKEN.slice(64)}\r\n-----END CERTIFICATE-----\r\n`;
    expect(problems(pasted)).toEqual(['certutil-wrapper', 'scheme-missing', 'line-break-in-token']);
    expect(find(pasted, 'certutil-wrapper').input).toEqual([
      { start: 0, end: 28 },
      { start: 117, end: 143 },
    ]);
    expect(find(pasted, 'line-break-in-token').lineLengths).toEqual([64]);
    expect(find(pasted, 'matches-expected', OKTA).exact).toBe(false);
  });

  it("a BOM pasted before the text (Notepad's UTF-8 with BOM)", () => {
    expect(find(`\ufeffBasic ${OKTA_TOKEN}`, 'byte-order-mark')).toMatchObject({
      where: 'text',
      input: [{ start: 0, end: 1 }],
    });
  });

  it('a BOM inside the Base64: the client ID would start with U+FEFF', () => {
    const header = `Basic 77u/${OKTA_TOKEN}`;
    expect(find(header, 'byte-order-mark')).toMatchObject({
      where: 'decoded',
      bytes: [{ start: 0, end: 3 }],
    });
  });

  it('base64url alphabet, with the positions of - and _', () => {
    const token = b64(`id:ab~cd?ef>`).replaceAll('+', '-').replaceAll('/', '_');
    expect(token).toBe('aWQ6YWJ-Y2Q_ZWY-');
    expect(find(`Basic ${token}`, 'base64url-alphabet').input).toEqual([
      { start: 13, end: 14 },
      { start: 17, end: 18 },
      { start: 21, end: 22 },
    ]);
  });

  it('missing padding says how many = are missing', () => {
    expect(find('Basic YTpiYw', 'missing-padding').missing).toBe(2);
    expect(find('Basic YTpiYwE', 'missing-padding').missing).toBe(1);
    expect(problems('Basic YTpiYw==')).toEqual([]);
    expect(find('Basic YTpiY', 'impossible-length').length).toBe(5);
    expect(codes('Basic YT=pYw==')).toContain('bad-padding');
  });

  it('missing, doubled and wrong schemes', () => {
    expect(problems(OKTA_TOKEN)).toEqual(['scheme-missing']);
    expect(problems(`Basic Basic ${OKTA_TOKEN}`)).toEqual(['scheme-doubled']);
    expect(problems(`basic BASIC ${OKTA_TOKEN}`)).toEqual(['scheme-doubled']);
    expect(find(`Bearer ${OKTA_TOKEN}`, 'scheme-wrong').scheme).toBe('Bearer');
    expect(find(`Digest ${OKTA_TOKEN}`, 'scheme-wrong').scheme).toBe('Digest');
    expect(problems('Basic')).toEqual(['empty']);
    expect(problems('   ')).toEqual(['empty']);
  });

  it('the header name, once (a whole header line) or twice (a name inside the value)', () => {
    expect(find(`Authorization: Basic ${OKTA_TOKEN}`, 'header-name-included')).toMatchObject({
      severity: 'note',
      input: [{ start: 0, end: 14 }],
    });
    const twice = `Authorization: Authorization: Basic ${OKTA_TOKEN}`;
    expect(
      diagnoseAuthorizationHeader(twice)
        .findings.filter((f) => f.code === 'header-name-included')
        .map((f) => f.severity),
    ).toEqual(['note', 'error']);
  });

  it('a header copied from a curl command, -H or --header included', () => {
    expect(problems(`-H 'Authorization: Basic ${OKTA_TOKEN}'`)).toEqual([
      'command-flag-included',
      'surrounding-quotes',
      'header-name-included',
    ]);
    expect(
      find(`--header "authorization: Basic ${OKTA_TOKEN}"`, 'command-flag-included').input,
    ).toEqual([{ start: 0, end: 8 }]);
  });

  it('quotes around the whole paste, around the value, typographic ones', () => {
    expect(find(`"Authorization: Basic ${OKTA_TOKEN}"`, 'surrounding-quotes').quote).toBe('"');
    expect(problems(`Authorization: 'Basic ${OKTA_TOKEN}'`)).toEqual([
      'header-name-included',
      'surrounding-quotes',
    ]);
    expect(problems(`Basic "${OKTA_TOKEN}"`)).toEqual(['surrounding-quotes']);
    expect(find(`\u201cBasic ${OKTA_TOKEN}\u201d`, 'surrounding-quotes').quote).toBe('\u201c');
  });

  it('extra spaces between scheme and token; a stray CR at the end', () => {
    expect(find(`Basic   ${OKTA_TOKEN}`, 'extra-spaces').input).toEqual([{ start: 5, end: 8 }]);
    expect(problems(`Basic\t${OKTA_TOKEN}`)).toEqual(['extra-spaces']);
    expect(problems(`Basic ${OKTA_TOKEN}\r`)).toEqual(['stray-carriage-return']);
    // A final LF is what copying a line adds: not a finding.
    expect(problems(`Basic ${OKTA_TOKEN}\n`)).toEqual([]);
  });

  it('a space inside the token', () => {
    const pasted = `Basic ${OKTA_TOKEN.slice(0, 10)} ${OKTA_TOKEN.slice(10)}`;
    expect(find(pasted, 'space-in-token').input).toEqual([{ start: 16, end: 17 }]);
  });

  it('no colon: only the client ID was encoded; the decoded text is not shown, only what it equals', () => {
    const header = `Basic ${b64(OKTA.clientId)}`;
    expect(find(header, 'no-colon')).toEqual({
      code: 'no-colon',
      severity: 'error',
      decodedLength: 20,
    });
    expect(find(header, 'no-colon', OKTA).equalsExpected).toBe('clientId');
    expect(find(`Basic ${b64(OKTA.clientSecret)}`, 'no-colon', OKTA).equalsExpected).toBe(
      'clientSecret',
    );
  });

  it('a percent-encoded separator (the whole pair URL-encoded)', () => {
    const header = `Basic ${b64(`${OKTA.clientId}%3A${OKTA.clientSecret}`)}`;
    expect(problems(header)).toEqual(['percent-encoded-separator']);
    expect(find(header, 'pair-read').reading.clientId).toBe(OKTA.clientId);
  });

  it('an RFC 6749 form-encoded pair: both readings, the secret masked', () => {
    // client ID "a b", secret "x+y/z": form-encoded "a+b" and "x%2By%2Fz".
    const header = `Basic ${b64('a+b:x%2By%2Fz')}`;
    expect(find(header, 'encoding-readings-differ')).toMatchObject({
      likely: 'form',
      raw: { clientId: 'a+b', secretLength: 9, secretMask: '•%•••%•••' },
      form: { clientId: 'a b', secretLength: 5, secretMask: '•••••' },
    });
    expect(
      find(header, 'matches-expected', { clientId: 'a b', clientSecret: 'x+y/z' }).encodings,
    ).toEqual(['form']);
  });

  it('a raw pair with + and /: looks raw; a form-decoding server reads a space', () => {
    const header = `Basic ${b64('demo:s3c+r/t')}`;
    expect(find(header, 'encoding-readings-differ')).toMatchObject({
      likely: 'raw',
      raw: { clientId: 'demo', secretLength: 7, secretMask: '•••+•••' },
      form: { clientId: 'demo', secretLength: 7, secretMask: '•••␣•••' },
    });
    expect(
      find(header, 'matches-expected', { clientId: 'demo', clientSecret: 's3c+r/t' }).encodings,
    ).toEqual(['raw']);
  });

  it('a % no server can form-decode: the form reading is missing', () => {
    expect(find(`Basic ${b64('demo:100%sure')}`, 'encoding-readings-differ')).toMatchObject({
      likely: 'raw',
      form: undefined,
    });
  });

  it('bytes that are not UTF-8 (Latin-1 from an old tool), with their positions', () => {
    const latin1 = Buffer.from('caf\u00e9:s\u00e9cret', 'latin1');
    const finding = find(`Basic ${b64(latin1)}`, 'not-utf8');
    expect(finding).toMatchObject({
      inClientId: true,
      inSecret: true,
      latin1ClientId: 'caf\u00e9',
      bytes: [
        { start: 3, end: 4 },
        { start: 6, end: 7 },
      ],
    });
    expect(codes(`Basic ${b64('caf\u00e9:secret')}`)).not.toContain('not-utf8');
  });

  it('control characters and edge spaces inside the credentials reuse the credential checks', () => {
    const finding = find(`Basic ${b64('id:sec\tret ')}`, 'credential-check');
    expect(finding.check).toMatchObject({ code: 'control-character', field: 'clientSecret' });
  });
});

describe('diagnoseAuthorizationHeader: against entered credentials', () => {
  it('matches: in both encodings for Okta-style credentials', () => {
    expect(find(`Basic ${OKTA_TOKEN}`, 'matches-expected', OKTA)).toMatchObject({
      exact: true,
      encodings: ['raw', 'form'],
    });
  });

  it('the secret differs: lengths and the first differing position, not the secret', () => {
    const header = `Basic ${b64(`${OKTA.clientId}:${OKTA.clientSecret.slice(0, 30)}`)}`;
    expect(find(header, 'secret-differs', OKTA)).toEqual({
      code: 'secret-differs',
      severity: 'error',
      headerSecretLength: 30,
      expectedSecretLength: 40,
      firstDifference: 30,
      encoding: 'raw',
      clientIdCompared: true,
    });
    expect(
      find(`Basic ${b64(`${OKTA.clientId}:Xw3-kQ`)}`, 'secret-differs', OKTA).firstDifference,
    ).toBe(5);
  });

  it('the client ID differs: both IDs shown, and whether the secret matched', () => {
    expect(
      find(`Basic ${b64(`0oaOTHER:${OKTA.clientSecret}`)}`, 'client-id-differs', OKTA),
    ).toEqual({
      code: 'client-id-differs',
      severity: 'error',
      headerClientId: '0oaOTHER',
      expectedClientId: OKTA.clientId,
      secretMatches: true,
    });
  });

  it('swapped ID and secret: the "client ID" read from the header is never shown', () => {
    const finding = find(
      `Basic ${b64(`${OKTA.clientSecret}:${OKTA.clientId}`)}`,
      'client-id-differs',
      OKTA,
    );
    expect(finding.headerClientId).toBeUndefined();
  });
});

// Property tests: for all credentials, a clean header is clean and matches in its encoding; and
// whatever the damage, no finding carries the secret or the token.
const visible = fc.string({
  unit: fc.constantFrom(...'abcXYZ019-._~+/ %&=!*'.split('')),
  minLength: 1,
  maxLength: 12,
});
const clientId = visible.filter((s) => !s.includes(':') && s.trim() === s && s !== '');
const secret = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9]{6,10}$/),
    fc.string({ unit: fc.constantFrom(...'+/%: &=é🔑'.split('')), maxLength: 6 }),
    fc.stringMatching(/^[A-Za-z0-9]{0,6}$/),
  )
  .map(([a, b, c]) => a + b + c);
const DAMAGE: ReadonlyArray<(header: string, pair: string) => string> = [
  (h) => h,
  (h) => `Authorization: ${h}`,
  (h) => `'${h}'`,
  (h) => (h.toLowerCase().startsWith('basic') ? `Basic ${h}` : h),
  (h) => h.replace(/=+$/, ''),
  (h) => h.replace('Basic ', 'Bearer '),
  (h) => h.replaceAll('+', '-').replaceAll('/', '_'),
  (h) => `${h.slice(0, 20)}\n${h.slice(20)}`,
  (_h, pair) => `Basic ${b64(`${pair}\n`)}`,
  (_h, pair) => `Basic ${b64(`-n ${pair}\n`)}`,
  (_h, pair) => `Basic ${b64(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(pair)]))}`,
  (_h, pair) => `Basic ${b64(Buffer.from(pair, 'latin1'))}`,
  (_h, pair) => `-----BEGIN CERTIFICATE-----\n${b64(pair)}\n-----END CERTIFICATE-----`,
];

describe('diagnoseAuthorizationHeader: properties', () => {
  it('a clean header for any credentials has no error and matches them in its encoding', () => {
    fc.assert(
      fc.property(
        clientId,
        secret,
        fc.constantFrom('raw' as const, 'form' as const),
        (id, sec, encoding) => {
          const pair =
            encoding === 'raw'
              ? `${id}:${sec}`
              : `${referenceFormEncode(id)}:${referenceFormEncode(sec)}`;
          const diagnosis = diagnoseAuthorizationHeader(`Basic ${b64(pair)}`, {
            clientId: id,
            clientSecret: sec,
          });
          expect(
            diagnosis.findings.filter(
              (f) => f.severity === 'error' && f.code !== 'credential-check',
            ),
          ).toEqual([]);
          const match = diagnosis.findings.find((f) => f.code === 'matches-expected');
          expect(match && match.code === 'matches-expected' && match.encodings).toContain(encoding);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('no finding contains the secret or the Base64 token, however the header is damaged', () => {
    fc.assert(
      fc.property(
        clientId,
        secret,
        fc.constantFrom(...DAMAGE.keys()),
        fc.boolean(),
        (id, sec, damage, withExpected) => {
          fc.pre(!id.includes(sec));
          const pair = `${id}:${sec}`;
          const token = b64(pair);
          const pasted = DAMAGE[damage]!(`Basic ${token}`, pair);
          const { findings, corrected } = diagnoseAuthorizationHeader(
            pasted,
            withExpected ? { clientId: id, clientSecret: `${sec}x` } : undefined,
          );
          const json = JSON.stringify(findings);
          expect(json).not.toContain(sec);
          expect(json).not.toContain(JSON.stringify(sec).slice(1, -1));
          expect(json).not.toContain(token.slice(8, 24));
          // The corrected header is the one output with the Base64: it carries exactly the pair.
          if (corrected !== undefined) {
            const base64 = corrected.replace(/^(Authorization: )?Basic /, '');
            // Compared as Node's Buffer encodes the pair (a lone surrogate becomes U+FFFD there too).
            expect(base64).toBe(b64(pair));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom(...'Basic:= \n\r\t"\'%-_+/AQ=\ufeff'.split('')) }),
        ),
        (pasted) => {
          const { verdict } = diagnoseAuthorizationHeader(pasted, {
            clientId: 'a',
            clientSecret: 'b',
          });
          expect(['error', 'warning', 'fine']).toContain(verdict);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
