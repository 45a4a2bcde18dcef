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
  readonly message: string;
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
    const add = (code: CredentialCheckCode, severity: CheckSeverity, message: string) =>
      checks.push({ code, field, severity, message });

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
          ? 'Client ID contains ":" (U+003A). RFC 7617 §2 forbids it in the user-id: the server splits at the first ":" and reads a different client ID. In the Basic header only the RFC 6749 §2.3.1 encoding (":" becomes %3A) can carry it, to servers that form-decode; servers that read Basic raw cannot read %3A either, and there the request body (client_secret_post) is what works.'
          : 'Client ID contains ":"; the RFC 6749 §2.3.1 encoding carries it as %3A, which a raw Basic pair could not (RFC 7617 §2). Servers that read Basic raw do not decode %3A: there the request body (client_secret_post) is what works.',
      );
    }

    if (field === 'clientSecret' && value.includes(':')) {
      add(
        'colon-in-secret',
        'info',
        'Client secret contains ":". RFC 7617 §2 allows it in the password, but some servers (passport-http\'s BasicStrategy) cut the secret at a second ":" in the Basic header; the request body (client_secret_post) carries it whole.',
      );
    }

    const controls = points.filter((p) => isControlCharacter(p.codePoint));
    if (controls.length > 0) {
      add(
        'control-character',
        'error',
        `${label} contains control characters, which RFC 7617 §2 forbids: ${listed(controls)}. They usually come from copying (a line break at the end, a tab).`,
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
        `${label} contains a lone UTF-16 surrogate (${listed(lone)}), which has no UTF-8 form: it is encoded as U+FFFD REPLACEMENT CHARACTER (EF BF BD), so the server sees a different value.`,
      );
    }

    const nonAscii = points.filter((p) => !p.loneSurrogate && p.codePoint > 0x7f);
    if (nonAscii.length > 0) {
      add(
        'non-ascii',
        'warning',
        `${label} has characters outside ASCII (${listed(nonAscii)}). RFC 6749 Appendix A allows only visible ASCII (VSCHAR, %x20-7E) in client credentials, so strict servers (oidc-provider and @node-oauth/oauth2-server among them) refuse it however it is sent: no encoding helps there, only ${field === 'clientId' ? 'the client ID without them (a registered ID has none; they usually come with a copy)' : 'a new ASCII secret from the admin console'}. It is encoded as UTF-8 (RFC 7617 §2.1).`,
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
      message: `This secret is ${bytes} bytes; an HS256 key must be at least ${HS256_MIN_KEY_BYTES} (256 bits, RFC 7518 §3.2), so a strict server refuses assertions signed with it. A secret issued by the server (Okta's are 40 characters) is long enough.`,
    },
  ];
}
