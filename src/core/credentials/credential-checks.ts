import {
  codePointsOf,
  describeCodePoint,
  isControlCharacter,
  isInvisible,
  isSpaceOrInvisible,
  type CodeUnitPosition,
} from '../encoding/characters.ts';
import type { ClientCredentials, CredentialEncoding } from './credentials.ts';

export type CheckSeverity = 'error' | 'warning' | 'info';
export type CredentialField = 'clientId' | 'clientSecret';
export type CredentialCheckCode =
  | 'empty'
  | 'colon-in-client-id'
  | 'colon-in-secret'
  | 'control-character'
  | 'edge-whitespace'
  | 'invisible-character'
  | 'non-ascii'
  | 'lone-surrogate'
  | 'short-hmac-key';

/** One finding about a credential, returned as data so every view decides how to show it. */
export interface CredentialCheck {
  readonly code: CredentialCheckCode;
  readonly field: CredentialField;
  readonly severity: CheckSeverity;
  /** What it means for the user, in plain words, first. */
  readonly message: string;
  /** The rule behind it (RFC sections, the servers known to act so), for a "Why" disclosure. */
  readonly why?: string;
}

const FIELD_LABEL: Record<CredentialField, string> = {
  clientId: 'Client ID',
  clientSecret: 'Client secret',
};

function listed(positions: readonly CodeUnitPosition[], limit = 4): string {
  const shown = positions
    .slice(0, limit)
    .map((p) => `${describeCodePoint(p.codePoint)} at position ${p.index + 1}`);
  const more = positions.length > limit ? ` and ${positions.length - limit} more` : '';
  return shown.join(', ') + more;
}

/**
 * Everything a careful reviewer would point out about a client ID and secret, never blocking:
 * RFC 7617 §2 (no `:` in the user-id, no control characters), RFC 6749 Appendix A (VSCHAR
 * `%x20-7E` only), lone surrogates (encoded as U+FFFD), empty parts, and leading, trailing or
 * invisible characters named by code point.
 *
 * Does NOT change the input: the UI shows the findings and encodes exactly what was typed.
 */
export function checkCredentials(
  credentials: ClientCredentials,
  encoding: CredentialEncoding,
): CredentialCheck[] {
  const checks: CredentialCheck[] = [];
  for (const field of ['clientId', 'clientSecret'] as const) {
    const value = credentials[field];
    const label = FIELD_LABEL[field];
    const add = (
      code: CredentialCheckCode,
      severity: CheckSeverity,
      message: string,
      why?: string,
    ) => checks.push({ code, field, severity, message, ...(why ? { why } : {}) });

    if (value === '') {
      add('empty', 'info', `${label} is empty.`);
      continue;
    }
    const points = codePointsOf(value);

    if (field === 'clientId' && value.includes(':')) {
      add(
        'colon-in-client-id',
        encoding === 'raw' ? 'error' : 'info',
        encoding === 'raw'
          ? 'Client ID contains ":" (U+003A): in the Basic header the server splits at the first ":" and reads a different client ID. Send it in the request body (client_secret_post), or form-encode it for a server that decodes.'
          : 'Client ID contains ":", sent as %3A. Servers that read Basic raw do not decode %3A: there the request body (client_secret_post) is what works.',
        encoding === 'raw'
          ? 'RFC 7617 §2 forbids ":" in the user-id. In the Basic header only the RFC 6749 §2.3.1 encoding (":" becomes %3A) can carry it, to servers that form-decode; servers that read Basic raw cannot read %3A either.'
          : 'The RFC 6749 §2.3.1 encoding carries ":" as %3A, which a raw Basic pair could not (RFC 7617 §2 forbids ":" in the user-id).',
      );
    }

    if (field === 'clientSecret' && value.includes(':')) {
      add(
        'colon-in-secret',
        'info',
        'Client secret contains ":": some servers cut the secret at a second ":" in the Basic header. The request body (client_secret_post) carries it whole.',
        'RFC 7617 §2 allows ":" in the password, but generic HTTP Basic readers (passport-http\'s BasicStrategy among them) split at every ":".',
      );
    }

    const controls = points.filter((p) => isControlCharacter(p.codePoint));
    if (controls.length > 0) {
      add(
        'control-character',
        'error',
        `${label} contains control characters: ${listed(controls)}. They usually come from copying (a line break at the end, a tab); remove them.`,
        'RFC 7617 §2 forbids control characters in Basic credentials.',
      );
    }

    const first = points[0];
    const last = points[points.length - 1];
    const edges = [first, last !== first ? last : undefined].filter(
      (p): p is CodeUnitPosition => p !== undefined && isSpaceOrInvisible(p.codePoint),
    );
    if (edges.length > 0) {
      add(
        'edge-whitespace',
        'warning',
        `${label} starts or ends with white space or an invisible character: ${listed(edges)}. It is encoded as typed; servers compare it exactly, so it is probably a copy-paste accident.`,
      );
    }

    const hidden = points
      .slice(1, -1)
      .filter((p) => isInvisible(p.codePoint) && !isControlCharacter(p.codePoint));
    if (hidden.length > 0) {
      add(
        'invisible-character',
        'warning',
        `${label} contains invisible characters: ${listed(hidden)}.`,
      );
    }

    const lone = points.filter((p) => p.loneSurrogate);
    if (lone.length > 0) {
      add(
        'lone-surrogate',
        'error',
        `${label} contains a broken character (${listed(lone)}): the server would see a different value.`,
        'A lone UTF-16 surrogate has no UTF-8 form: it is encoded as U+FFFD REPLACEMENT CHARACTER (EF BF BD).',
      );
    }

    const nonAscii = points.filter((p) => !p.loneSurrogate && p.codePoint > 0x7f);
    if (nonAscii.length > 0) {
      add(
        'non-ascii',
        'warning',
        `${label} has characters outside ASCII (${listed(nonAscii)}). Strict servers refuse it however it is sent: no encoding helps there, only ${field === 'clientId' ? 'the client ID without them (a registered ID has none; they usually come with a copy)' : 'a new ASCII secret from the admin console'}.`,
        'RFC 6749 Appendix A allows only visible ASCII (VSCHAR, %x20-7E) in client credentials; oidc-provider and @node-oauth/oauth2-server among others enforce it. The page encodes it as UTF-8 (RFC 7617 §2.1).',
      );
    }
  }
  return checks;
}

/** RFC 7518 §3.2: an HS256 key has at least as many bits as the hash's output, 256. */
const HS256_MIN_KEY_BYTES = 32;

/**
 * What to know about a secret that keys an HMAC (client_secret_jwt signs its assertion with HS256
 * over the secret's UTF-8 bytes): shorter than 256 bits, RFC 7518 §3.2 forbids it and strict
 * servers and libraries refuse the assertion. Empty when the secret is empty or long enough.
 */
export function checkHmacSecret(clientSecret: string): CredentialCheck[] {
  const bytes = new TextEncoder().encode(clientSecret).length;
  if (bytes === 0 || bytes >= HS256_MIN_KEY_BYTES) return [];
  return [
    {
      code: 'short-hmac-key',
      field: 'clientSecret',
      severity: 'warning',
      message: `This secret is ${bytes} bytes, too short to sign with: a strict server refuses assertions signed with it. A secret issued by the server (Okta's are 40 characters) is long enough.`,
      why: `An HS256 key must be at least ${HS256_MIN_KEY_BYTES} bytes (256 bits, RFC 7518 §3.2).`,
    },
  ];
}
