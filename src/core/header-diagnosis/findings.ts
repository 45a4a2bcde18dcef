import type { CredentialCheck } from '../credentials/credential-checks.ts';
import type { CredentialEncoding } from '../credentials/credentials.ts';

/**
 * How much a finding matters to the bytes a server receives: `error`, they are wrong (the header
 * will not work); `warning`, some servers read them differently; `note`, something around a correct
 * value that a person copied along (a header name, a curl option, shell quotes), which no server
 * receives; `fine` says what is right, so a person sees the header was read and which parts passed.
 */
export type HeaderFindingSeverity = 'error' | 'warning' | 'note' | 'fine';

/** A line break, as echo and editors leave it. */
export type LineBreak = 'LF' | 'CRLF' | 'CR';

/** A half-open range `[start, end)`, 0-based. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * One credential as a reading of the header gives it, safe to show: the client ID in full (it is
 * not a secret), the secret only as its length and a mask. The mask is one `•` per code point,
 * except where two readings differ: a `+` (raw) versus `␣` (form-decoded, a space), and the `%`
 * of each `%XX` escape, so a person sees why the readings disagree without seeing the secret.
 */
export interface PairReading {
  readonly clientId: string;
  /** Code points the server receives, a trailing line break included. */
  readonly secretLength: number;
  readonly secretMask: string;
  /** The secret as received ends with these line-break characters (`echo` without `-n`). */
  readonly trailingLineBreak?: { readonly kind: LineBreak; readonly length: number };
}

/** Where a finding is: `input` in UTF-16 code units of the pasted text, `bytes` in the decoded bytes. */
interface Located {
  readonly input?: readonly Span[];
  readonly bytes?: readonly Span[];
}

/**
 * What the header doctor found, as data: a stable `code`, a `severity`, positions, and only the
 * details a view needs to explain it in words. NEVER the secret, the decoded secret text, or the
 * Base64 token (which is the secret, encoded): only lengths, masks and positions.
 */
export type HeaderFinding = Located &
  (
    | { readonly code: 'empty'; readonly severity: 'error' }
    | {
        readonly code: 'byte-order-mark';
        readonly severity: 'error';
        readonly where: 'text' | 'decoded';
      }
    | { readonly code: 'certutil-wrapper'; readonly severity: 'error' }
    | {
        readonly code: 'surrounding-quotes';
        /** `note` for shell quotes around a whole header argument, which the shell removes. */
        readonly severity: 'error' | 'note';
        readonly quote: string;
        readonly around: 'line' | 'value';
      }
    | {
        readonly code: 'header-name-included';
        readonly severity: 'note' | 'error';
        readonly repeated: boolean;
      }
    | { readonly code: 'command-flag-included'; readonly severity: 'note' }
    | { readonly code: 'scheme-missing'; readonly severity: 'error' }
    | { readonly code: 'scheme-doubled'; readonly severity: 'error' }
    | { readonly code: 'scheme-wrong'; readonly severity: 'error'; readonly scheme: string }
    | { readonly code: 'scheme-basic'; readonly severity: 'fine'; readonly asWritten: string }
    | { readonly code: 'extra-spaces'; readonly severity: 'warning' }
    | { readonly code: 'stray-carriage-return'; readonly severity: 'error' }
    | {
        readonly code: 'line-break-in-token';
        readonly severity: 'error';
        /** Length of each line but the last: 76 is GNU `base64`, 64 is `certutil -encode`. */
        readonly lineLengths: readonly number[];
      }
    | { readonly code: 'space-in-token'; readonly severity: 'error' }
    | { readonly code: 'invalid-base64-character'; readonly severity: 'error' }
    | { readonly code: 'base64url-alphabet'; readonly severity: 'error' }
    | { readonly code: 'missing-padding'; readonly severity: 'error'; readonly missing: number }
    | { readonly code: 'bad-padding'; readonly severity: 'error' }
    | { readonly code: 'impossible-length'; readonly severity: 'error'; readonly length: number }
    | { readonly code: 'base64-ok'; readonly severity: 'fine'; readonly byteLength: number }
    | {
        readonly code: 'not-utf8';
        readonly severity: 'error';
        readonly inClientId: boolean;
        readonly inSecret: boolean;
        readonly latin1ClientId?: string;
      }
    | { readonly code: 'literal-dash-n'; readonly severity: 'error' }
    | {
        readonly code: 'trailing-newline';
        readonly severity: 'error';
        readonly newline: LineBreak;
      }
    | {
        readonly code: 'no-colon';
        readonly severity: 'error';
        readonly decodedLength: number;
        readonly equalsExpected?: 'clientId' | 'clientSecret';
      }
    | { readonly code: 'percent-encoded-separator'; readonly severity: 'error' }
    | { readonly code: 'pair-read'; readonly severity: 'fine'; readonly reading: PairReading }
    | {
        readonly code: 'encoding-readings-differ';
        readonly severity: 'warning';
        /** What a server that reads Basic credentials raw (the Okta guide) gets. */
        readonly raw: PairReading;
        /** What an RFC 6749 §2.3.1 server (form-decodes each part) gets; undefined when it refuses the `%`. */
        readonly form: PairReading | undefined;
        /** Which encoding the pair looks like it was made with. */
        readonly likely: CredentialEncoding;
      }
    | {
        readonly code: 'credential-check';
        readonly severity: 'error' | 'warning';
        readonly check: CredentialCheck;
      }
    | {
        readonly code: 'matches-expected';
        readonly severity: 'fine';
        readonly encodings: readonly CredentialEncoding[];
        /** True when the header can be sent as it is: the Base64 is exactly the expected one and nothing else is wrong. */
        readonly exact: boolean;
        /** What was compared: only what the person entered (a secret alone, say). */
        readonly compared: ExpectedParts;
      }
    | {
        readonly code: 'client-id-differs';
        readonly severity: 'error';
        /** Undefined when the header's client ID is the expected secret (swapped): never shown. */
        readonly headerClientId: string | undefined;
        readonly expectedClientId: string;
        readonly secretMatches: boolean;
      }
    | {
        readonly code: 'secret-differs';
        readonly severity: 'error';
        readonly headerSecretLength: number;
        readonly expectedSecretLength: number;
        /** 0-based code point index of the first difference (the shorter length if one is a prefix). */
        readonly firstDifference: number;
        readonly encoding: CredentialEncoding;
        /** False when no client ID was given to compare with. */
        readonly clientIdCompared: boolean;
        /** Set when the received secret is the expected one followed by this line break. */
        readonly trailingLineBreak?: LineBreak;
      }
  );

/** Which expected credentials a comparison had. */
export type ExpectedParts = 'pair' | 'client-id' | 'secret';

export type HeaderFindingCode = HeaderFinding['code'];
