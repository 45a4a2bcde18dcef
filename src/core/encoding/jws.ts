import { base64UrlJson } from './base64url.ts';

/** The decoded header and claims of a compact JWT, as plain JSON objects (nothing verified). */
export interface JwtReading {
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The header and claims of a JWS compact serialization (RFC 7515 §7.1), or undefined. */
export function readJwt(jwt: string): JwtReading | undefined {
  const parts = jwt.trim().split('.');
  if (parts.length !== 3) return undefined;
  const header = base64UrlJson(parts[0] ?? '');
  const claims = base64UrlJson(parts[1] ?? '');
  return isRecord(header) && isRecord(claims) ? { header, claims } : undefined;
}
