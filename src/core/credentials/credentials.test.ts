import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, utf8Base64 } from '../encoding/base64.ts';
import { checkCredentials, type CredentialCheck } from './credential-checks.ts';
import { encodeBasicCredentials, encodeCredentialPart, maskPairSecret } from './credentials.ts';
import { formUrlEncode, formUrlEncodeBody } from '../encoding/form-urlencode.ts';
import fixtures from '../fixtures/credentials.json';
import { referenceFormEncode } from '../test-support/reference-form-encode.ts';

// Expected values come from the fixture (computed three independent ways, see
// fixtures/credentials.README.md) or from implementations that share no code with src/core:
// Node's Buffer (C++ UTF-8 and Base64), URLSearchParams as a decoder, and the small spec-driven
// reference encoders/decoders below.

interface CredentialVector {
  readonly name: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly pairRaw: string;
  readonly pairRawUtf8Hex: string | undefined;
  readonly pairRawUtf8Len: number;
  readonly rawB64: string;
  readonly rawB64Sha256: string;
  readonly headerRaw: string;
  readonly formClientId: string;
  readonly formClientSecret: string;
  readonly pairForm: string;
  readonly formB64: string;
  readonly headerForm: string;
  readonly formAltPair: string | undefined;
  readonly btoa: string;
  readonly btoaResult: string | undefined;
  readonly checks: Readonly<Record<CheckFlag, boolean>>;
}

const CHECK_FLAGS = [
  'rfc7617_raw_ok',
  'rfc6749_vschar_ok',
  'lone_surrogate',
  'non_ascii',
  'leading_or_trailing_ws',
  'empty_part',
] as const;
type CheckFlag = (typeof CHECK_FLAGS)[number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the fixture strictly: a renamed or missing field fails loudly instead of skipping. */
function readVectors(entries: unknown): CredentialVector[] {
  if (!Array.isArray(entries)) throw new Error('credentials.json is not an array');
  return entries
    .filter((e): e is Record<string, unknown> => isRecord(e) && e.kind === 'vector')
    .map((entry) => {
      const text = (key: string): string => {
        const value = entry[key];
        if (typeof value !== 'string')
          throw new Error(`vector ${String(entry.name)}: ${key} is not a string`);
        return value;
      };
      const optionalText = (key: string): string | undefined =>
        key in entry ? text(key) : undefined;
      const count = (key: string): number => {
        const value = entry[key];
        if (typeof value !== 'number')
          throw new Error(`vector ${String(entry.name)}: ${key} is not a number`);
        return value;
      };
      const rawChecks = entry.checks;
      if (!isRecord(rawChecks)) throw new Error(`vector ${String(entry.name)}: checks missing`);
      const checks = Object.fromEntries(
        CHECK_FLAGS.map((flag) => {
          const value = rawChecks[flag];
          if (typeof value !== 'boolean')
            throw new Error(`vector ${String(entry.name)}: checks.${flag} missing`);
          return [flag, value];
        }),
      ) as Record<CheckFlag, boolean>;
      return {
        name: text('name'),
        clientId: text('client_id'),
        clientSecret: text('client_secret'),
        pairRaw: text('pair_raw'),
        pairRawUtf8Hex: optionalText('pair_raw_utf8_hex'),
        pairRawUtf8Len: count('pair_raw_utf8_len'),
        rawB64: text('raw_b64'),
        rawB64Sha256: text('raw_b64_sha256'),
        headerRaw: text('header_raw'),
        formClientId: text('form_client_id'),
        formClientSecret: text('form_client_secret'),
        pairForm: text('pair_form'),
        formB64: text('form_b64'),
        headerForm: text('header_form'),
        formAltPair: optionalText('form_alt_encodeURIComponent_pair'),
        btoa: text('btoa'),
        btoaResult: optionalText('btoa_result'),
        checks,
      };
    });
}

const vectors = readVectors(fixtures);

/** UTF-8 per RFC 3629 §3, written from the table; a lone surrogate becomes U+FFFD (WHATWG Encoding). */
function referenceUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + (cp - 0xd800) * 0x400 + (low - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000)
      out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
  }
  return Uint8Array.from(out);
}

/**
 * RFC 6749 Appendix B decoding, as a server does it: `+` → space, then `%XX` → byte, everything
 * else → its UTF-8 bytes; the bytes must be valid UTF-8.
 */
function decodeAppendixB(encoded: string): string {
  const text = encoded.replaceAll('+', ' ');
  const bytes: number[] = [];
  for (let i = 0; i < text.length;) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 3;
    } else {
      const cp = text.codePointAt(i) ?? 0;
      bytes.push(...Buffer.from(String.fromCodePoint(cp), 'utf8'));
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Uint8Array.from(bytes));
}

/** An independent form decoder: the WHATWG URL parser of Node (C++), not our encoder run backwards. */
function urlSearchParamsDecode(encoded: string): string | null {
  return new URLSearchParams(`a=${encoded}`).get('a');
}

/** Replaces each lone surrogate by U+FFFD, by scanning with a regular expression (not codePointsOf). */
function toWellFormedReference(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

const codes = (checks: readonly CredentialCheck[]) =>
  new Set(checks.map((c) => `${c.code}/${c.severity}`));

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

// Arbitraries: well-formed strings of any code point (astral included), grapheme clusters,
// strings dense in characters that matter here, and strings with lone surrogates.
const anyCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((unit) => String.fromCharCode(unit));
const interesting = fc.constantFrom(
  ':',
  '+',
  '%',
  ' ',
  '&',
  '=',
  '/',
  '~',
  '*',
  '\u00a0',
  '\u00e9',
  '\ufeff',
  '\u{1f511}',
  '\n',
  '\0',
);
const wellFormedString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.oneof(anyCodePoint, interesting) }),
);
const anyString = fc.oneof(
  wellFormedString,
  fc.string({ unit: fc.oneof(anyCodePoint, loneSurrogate, interesting) }),
);
const encodingArb = fc.constantFrom('raw' as const, 'form' as const);

describe('encodeBasicCredentials against the fixture vectors', () => {
  it('reads every vector of the fixture', () => {
    expect(vectors.length).toBe(20);
  });

  describe.each(vectors)('$name', (v) => {
    const credentials = { clientId: v.clientId, clientSecret: v.clientSecret };

    it('raw: pair, Base64 and header as the Okta guide produces them', () => {
      const basic = encodeBasicCredentials(credentials, 'raw');
      expect(basic.pair).toBe(v.pairRaw);
      expect(basic.base64).toBe(v.rawB64);
      expect(basic.headerValue).toBe(v.headerRaw);
      const decoded = Buffer.from(basic.base64, 'base64');
      expect(decoded.length).toBe(v.pairRawUtf8Len);
      if (v.pairRawUtf8Hex !== undefined) expect(decoded.toString('hex')).toBe(v.pairRawUtf8Hex);
      expect(createHash('sha256').update(basic.base64).digest('hex')).toBe(v.rawB64Sha256);
    });

    it('form: RFC 6749 §2.3.1 pair, Base64 and header', () => {
      expect(encodeCredentialPart(v.clientId, 'form')).toBe(v.formClientId);
      expect(encodeCredentialPart(v.clientSecret, 'form')).toBe(v.formClientSecret);
      const basic = encodeBasicCredentials(credentials, 'form');
      expect(basic.pair).toBe(v.pairForm);
      expect(basic.base64).toBe(v.formB64);
      expect(basic.headerValue).toBe(v.headerForm);
    });

    it('form: an Appendix B decoder reads the id and secret back', () => {
      const [id, ...secret] = v.pairForm.split(':');
      expect(secret).toHaveLength(1);
      expect(decodeAppendixB(id ?? '')).toBe(v.clientId);
      expect(decodeAppendixB(secret[0] ?? '')).toBe(v.clientSecret);
    });

    it('checkCredentials yields the flags of the vector', () => {
      const raw = codes(checkCredentials(credentials, 'raw'));
      const form = codes(checkCredentials(credentials, 'form'));
      const has = (code: string) => [...raw].some((c) => c.startsWith(`${code}/`));
      expect(!raw.has('colon-in-client-id/error') && !raw.has('control-character/error')).toBe(
        v.checks.rfc7617_raw_ok,
      );
      expect(!has('non-ascii') && !has('control-character') && !has('lone-surrogate')).toBe(
        v.checks.rfc6749_vschar_ok,
      );
      expect(has('non-ascii')).toBe(v.checks.non_ascii);
      expect(has('lone-surrogate')).toBe(v.checks.lone_surrogate);
      expect(has('edge-whitespace')).toBe(v.checks.leading_or_trailing_ws);
      expect(has('empty')).toBe(v.checks.empty_part);
      // The findings are about the characters typed; only the colon's severity depends on the encoding.
      const withoutColon = (s: Set<string>) =>
        [...s].filter((c) => !c.startsWith('colon-in-client-id/')).sort();
      expect(withoutColon(form)).toEqual(withoutColon(raw));
    });

    it('btoa(pair) is the pitfall the vector describes, utf8Base64 is right', () => {
      expect(utf8Base64(v.pairRaw)).toBe(v.rawB64);
      if (v.btoa.startsWith('ok')) {
        expect(btoa(v.pairRaw)).toBe(v.rawB64);
      } else if (v.btoa.startsWith('NO THROW but WRONG')) {
        expect(v.btoaResult).toBeDefined();
        expect(btoa(v.pairRaw)).toBe(v.btoaResult);
        expect(btoa(v.pairRaw)).not.toBe(v.rawB64);
      } else if (v.btoa.startsWith('throws InvalidCharacterError')) {
        expect(() => btoa(v.pairRaw)).toThrow(
          expect.objectContaining({ name: 'InvalidCharacterError' }),
        );
      } else {
        throw new Error(`unknown btoa expectation: ${v.btoa}`);
      }
    });
  });
});

describe('the other legal form encoding (encodeURIComponent rules) of the fixture', () => {
  const withAlternative = vectors.filter((v) => v.formAltPair !== undefined);

  it('exists in the fixture', () => {
    expect(withAlternative.length).toBeGreaterThan(0);
  });

  it.each(withAlternative)(
    '$name: an Appendix B decoder reads the same id and secret from it',
    (v) => {
      const parts = (v.formAltPair ?? '').split(':');
      expect(parts).toHaveLength(2);
      expect(v.formAltPair).not.toBe(v.pairForm);
      expect(decodeAppendixB(parts[0] ?? '')).toBe(v.clientId);
      expect(decodeAppendixB(parts[1] ?? '')).toBe(v.clientSecret);
    },
  );
});

describe('encodeBasicCredentials for all strings (property)', () => {
  it('the Base64 decodes to exactly the UTF-8 of the pair (lone surrogates → EF BF BD)', () => {
    fc.assert(
      fc.property(anyString, anyString, encodingArb, (clientId, clientSecret, encoding) => {
        const basic = encodeBasicCredentials({ clientId, clientSecret }, encoding);
        expect(basic.base64).toMatch(BASE64);
        expect(basic.base64.length % 4).toBe(0);
        expect(basic.headerValue).toBe(`Basic ${basic.base64}`);
        const decoded = Buffer.from(basic.base64, 'base64');
        expect(decoded.equals(Buffer.from(basic.pair, 'utf8'))).toBe(true);
        expect(decoded.equals(referenceUtf8(basic.pair))).toBe(true);
        // Canonical: re-encoding the decoded bytes gives the same text (no stray characters).
        expect(decoded.toString('base64')).toBe(basic.base64);
        if (encoding === 'raw') {
          expect(decoded.equals(Buffer.from(`${clientId}:${clientSecret}`, 'utf8'))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lone surrogates turn into U+FFFD, visible in the decoded pair', () => {
    fc.assert(
      fc.property(anyString, anyString, (clientId, clientSecret) => {
        const basic = encodeBasicCredentials({ clientId, clientSecret }, 'raw');
        const decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
          Buffer.from(basic.base64, 'base64'),
        );
        expect(decoded).toBe(toWellFormedReference(`${clientId}:${clientSecret}`));
      }),
    );
    expect(
      Buffer.from(
        encodeBasicCredentials({ clientId: '\uD83D', clientSecret: 'x' }, 'raw').base64,
        'base64',
      ),
    ).toEqual(Buffer.from([0xef, 0xbf, 0xbd, 0x3a, 0x78]));
  });

  it('utf8Base64 equals Node Buffer Base64 for every string', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        expect(utf8Base64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
      }),
      { numRuns: 500 },
    );
  });

  it('bytesToBase64 equals Node Buffer Base64 for every byte array (all three padding cases)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 500 },
    );
    expect(bytesToBase64(new Uint8Array([]))).toBe('');
    expect(bytesToBase64(new Uint8Array([0xff]))).toBe('/w==');
    expect(bytesToBase64(new Uint8Array([0xff, 0xfe]))).toBe('//4=');
    expect(bytesToBase64(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('+/+/');
  });

  it('the RFC 6749 pair has exactly one ":" and each side form-decodes back to the id and secret', () => {
    fc.assert(
      fc.property(wellFormedString, wellFormedString, (clientId, clientSecret) => {
        const { pair } = encodeBasicCredentials({ clientId, clientSecret }, 'form');
        const parts = pair.split(':');
        expect(parts).toHaveLength(2);
        expect(urlSearchParamsDecode(parts[0] ?? '')).toBe(clientId);
        expect(urlSearchParamsDecode(parts[1] ?? '')).toBe(clientSecret);
        expect(decodeAppendixB(parts[0] ?? '')).toBe(clientId);
        expect(decodeAppendixB(parts[1] ?? '')).toBe(clientSecret);
      }),
      { numRuns: 300 },
    );
  });

  it('the raw pair is the id and secret as typed, joined by ":"', () => {
    fc.assert(
      fc.property(anyString, anyString, (clientId, clientSecret) => {
        const { pair } = encodeBasicCredentials({ clientId, clientSecret }, 'raw');
        expect(pair.length).toBe(clientId.length + 1 + clientSecret.length);
        expect(pair.startsWith(clientId)).toBe(true);
        expect(pair.endsWith(clientSecret)).toBe(true);
        expect(pair[clientId.length]).toBe(':');
      }),
    );
  });
});

describe('formUrlEncode (RFC 6749 Appendix B)', () => {
  it('uses only A-Z a-z 0-9 * - . _ + % and matches the byte-wise reference', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const encoded = formUrlEncode(text);
        expect(encoded).toMatch(/^[A-Za-z0-9*\-._+%]*$/);
        expect(encoded).toBe(referenceFormEncode(text));
      }),
      { numRuns: 500 },
    );
  });

  it('encodes the published examples', () => {
    expect(formUrlEncode('open sesame')).toBe('open+sesame');
    expect(formUrlEncode('a+b')).toBe('a%2Bb');
    expect(formUrlEncode('~')).toBe('%7E');
    expect(formUrlEncode("*-._!'()")).toBe('*-._%21%27%28%29');
    expect(formUrlEncode('\u{1f511}')).toBe('%F0%9F%94%91');
    expect(formUrlEncode('\uDC00')).toBe('%EF%BF%BD');
  });

  it('formUrlEncodeBody joins encoded names and values with = and &', () => {
    expect(
      formUrlEncodeBody([
        ['grant_type', 'client_credentials'],
        ['scope', 'a b'],
        ['x&y', '1=2'],
      ]),
    ).toBe('grant_type=client_credentials&scope=a+b&x%26y=1%3D2');
    expect(formUrlEncodeBody([])).toBe('');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(wellFormedString, wellFormedString), { maxLength: 5 }),
        (fields) => {
          const parsed = [...new URLSearchParams(formUrlEncodeBody(fields)).entries()];
          expect(parsed).toEqual(fields.map(([name, value]) => [name, value]));
        },
      ),
    );
  });
});

describe('maskPairSecret', () => {
  it.each([
    ['id:s3cr3t', 'id:••••••'],
    ['id:', 'id:'],
    ['id:a:b', 'id:•••'],
    ['id:key🔑', 'id:••••'],
    ['a%3Ab:x', 'a%3Ab:•'],
  ])('%j → %j (one bullet per code point, the ID kept)', (pair, masked) => {
    expect(maskPairSecret(pair)).toBe(masked);
  });
});
