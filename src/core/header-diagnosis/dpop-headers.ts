import { DPOP_PROOF_ACCEPTED_SECONDS } from '../dpop/proof.ts';
import { dpopHtu } from '../dpop/htu.ts';
import { base64UrlJson } from '../encoding/base64url.ts';
import { enclosingQuote } from '../encoding/enclosing-quote.ts';
import { readPastedToken, type NotATokenReason } from '../token/read-pasted-token.ts';
import type { HeaderFindingSeverity } from './findings.ts';

/**
 * What a paste holds of a DPoP call (RFC 9449 §7.1): the `Authorization: DPoP …` line's token, the
 * `DPoP:` proof, and a request line naming the method and URL they were sent to. Lines it does not
 * know (Host, Accept, …) are left alone.
 */
export interface DpopPaste {
  readonly authorization?: {
    /** As written: a bound token sent as Bearer is a finding of its own. */
    readonly scheme: 'DPoP' | 'Bearer';
    /** The reading of what follows the scheme, as the token inspector reads a pasted token. */
    readonly token: { readonly kind: 'token'; readonly token: string } | NotATokenReason;
  };
  readonly proof?: { readonly jwt: string };
  /** `host`: a pasted `Host:` line, which completes a path-only (origin-form) target. */
  readonly request?: { readonly method: string; readonly target: string; readonly host?: string };
}

/** One pasted line, without curl's `-H`/`--header` and shell quotes around it. */
function headerLine(line: string): string {
  let text = line.trim().replace(/^(?:-H|--header)(?:[ \t]+|(?=['"]))/, '');
  const quote = enclosingQuote(text);
  if (quote !== undefined) text = text.slice(1, -1).trim();
  return text;
}

const DPOP_HEADER = /^dpop[ \t]*:[ \t]*(.*)$/i;
/** RFC 9110 §7.2: `Host: uri-host [ ":" port ]`. */
const HOST_HEADER = /^host[ \t]*:[ \t]*(\S+)[ \t]*$/i;
/** An Authorization line (or value) with a token scheme: DPoP, or Bearer beside a proof. */
const TOKEN_AUTHORIZATION = /^(?:authorization[ \t]*:[ \t]*)?(dpop|bearer)[ \t]+\S/i;
/** RFC 9112 §3: `method SP request-target SP HTTP-version`; the version is often left off. */
const REQUEST_LINE = /^([A-Za-z]+)[ \t]+(\S+)(?:[ \t]+HTTP\/\d(?:\.\d)?)?$/;

/**
 * Finds the DPoP parts of a paste, one per line. `null` when it holds neither an
 * `Authorization: DPoP …` line nor a `DPoP:` header: the paste is for the Basic doctor.
 */
export function readDpopPaste(pasted: string): DpopPaste | null {
  let authorization: DpopPaste['authorization'];
  let proof: DpopPaste['proof'];
  let request: DpopPaste['request'];
  let host: string | undefined;
  for (const raw of pasted.split(/\r\n|\r|\n/)) {
    const line = headerLine(raw);
    if (line === '') continue;
    const proofMatch = DPOP_HEADER.exec(line);
    if (proofMatch) {
      proof ??= { jwt: (proofMatch[1] ?? '').trim() };
      continue;
    }
    const hostMatch = HOST_HEADER.exec(line);
    if (hostMatch) {
      host ??= hostMatch[1]!;
      continue;
    }
    const schemeMatch = TOKEN_AUTHORIZATION.exec(line);
    if (schemeMatch) {
      const reading = readPastedToken(line);
      authorization ??= {
        scheme: schemeMatch[1]!.toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer',
        token:
          reading.kind === 'token'
            ? { kind: 'token', token: reading.token }
            : reading.kind === 'empty'
              ? { kind: 'nothing-after-wrappers' }
              : reading.reason,
      };
      continue;
    }
    const requestMatch = REQUEST_LINE.exec(line);
    if (requestMatch && request === undefined) {
      request = { method: requestMatch[1]!, target: requestMatch[2]! };
    }
  }
  if (proof === undefined && authorization?.scheme !== 'DPoP') return null;
  // Only a path-only (origin-form) target needs the Host line to name its URI (RFC 9112 §3.2.1).
  if (request?.target.startsWith('/') && host !== undefined) request = { ...request, host };
  return {
    ...(authorization ? { authorization } : {}),
    ...(proof ? { proof } : {}),
    ...(request ? { request } : {}),
  };
}

/** Private JWK members (RFC 7518 §6.2.2, §6.3.2, §6.4.1): a proof's key must carry none. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
const REQUIRED_CLAIMS = ['jti', 'htm', 'htu', 'iat'] as const;
/** How far ahead of this page's clock an `iat` may be before the difference is worth a word. */
const FUTURE_TOLERANCE_SECONDS = 60;

/**
 * What the DPoP check found, as data. Never the token or the proof itself: the view says where and
 * what, with the values a proof shows anyway (claims, thumbprints, hashes).
 */
export type DpopFinding =
  | { readonly code: 'dpop-scheme'; readonly severity: 'fine' }
  /** `bound`: the token names its key (cnf.jkt); otherwise it is not a JWT and may be bound. */
  | { readonly code: 'bearer-with-proof'; readonly severity: 'error'; readonly bound: boolean }
  | { readonly code: 'token-jwt-unbound-bearer'; readonly severity: 'note' }
  | {
      readonly code: 'token-not-b64token';
      readonly severity: 'error';
      readonly reason: NotATokenReason;
    }
  | { readonly code: 'token-jwt-bound'; readonly severity: 'fine'; readonly jkt: string }
  | { readonly code: 'token-jwt-unbound'; readonly severity: 'warning' }
  | { readonly code: 'token-opaque'; readonly severity: 'fine' }
  | { readonly code: 'proof-not-pasted'; readonly severity: 'note' }
  | { readonly code: 'proof-empty'; readonly severity: 'error' }
  | { readonly code: 'proof-not-jwt'; readonly severity: 'error' }
  | { readonly code: 'proof-typ-wrong'; readonly severity: 'error'; readonly typ: string | null }
  | { readonly code: 'proof-typ-ok'; readonly severity: 'fine' }
  | { readonly code: 'proof-alg-none'; readonly severity: 'error' }
  | { readonly code: 'proof-alg-symmetric'; readonly severity: 'error'; readonly alg: string }
  | { readonly code: 'proof-alg-missing'; readonly severity: 'error' }
  | { readonly code: 'proof-alg-ok'; readonly severity: 'fine'; readonly alg: string }
  | { readonly code: 'proof-jwk-missing'; readonly severity: 'error' }
  | {
      readonly code: 'proof-jwk-private';
      readonly severity: 'error';
      readonly members: readonly string[];
    }
  | { readonly code: 'proof-jwk-public'; readonly severity: 'fine'; readonly kty: string }
  | {
      readonly code: 'proof-claims-missing';
      readonly severity: 'error';
      readonly missing: readonly string[];
    }
  | {
      readonly code: 'proof-claims-present';
      readonly severity: 'fine';
      readonly htm: string;
      readonly htu: string;
      readonly nonce: string | null;
    }
  | { readonly code: 'proof-iat-future'; readonly severity: 'warning'; readonly seconds: number }
  | {
      readonly code: 'proof-iat-old';
      readonly severity: 'note';
      readonly seconds: number;
      readonly acceptedSeconds: number;
    }
  | { readonly code: 'proof-iat-recent'; readonly severity: 'fine'; readonly seconds: number }
  | { readonly code: 'proof-ath-without-token'; readonly severity: 'note' }
  | { readonly code: 'proof-without-ath'; readonly severity: 'fine' }
  | { readonly code: 'ath-missing'; readonly severity: 'error' }
  | {
      readonly code: 'ath-differs';
      readonly severity: 'error';
      readonly ath: string;
      readonly tokenHash: string;
    }
  | { readonly code: 'ath-matches'; readonly severity: 'fine' }
  | {
      readonly code: 'key-differs';
      readonly severity: 'error';
      readonly jkt: string;
      readonly proofThumbprint: string;
    }
  | { readonly code: 'key-matches'; readonly severity: 'fine'; readonly jkt: string }
  | {
      readonly code: 'htm-differs';
      readonly severity: 'error';
      readonly htm: string;
      readonly method: string;
    }
  | {
      readonly code: 'htu-differs';
      readonly severity: 'error';
      readonly htu: string;
      readonly requestHtu: string;
    }
  | { readonly code: 'request-matches'; readonly severity: 'fine' }
  /** A path-only request line completed with the Host line; the scheme is the proof's own. */
  | {
      readonly code: 'request-from-host';
      readonly severity: 'fine';
      readonly requestHtu: string;
      readonly scheme: string;
    }
  | {
      readonly code: 'request-target-relative';
      readonly severity: 'note';
      readonly target: string;
    };

export type DpopFindingCode = DpopFinding['code'];

/** What the feature computes with Web Crypto before the pure check (both hashes are SHA-256). */
export interface DpopPasteContext {
  /** Seconds since the epoch on this page's clock. */
  readonly nowSeconds: number;
  /** `accessTokenHash` of the pasted token, when one was pasted and is a b64token. */
  readonly tokenHash?: string;
  /** RFC 7638 thumbprint of the proof's `jwk`, when it is a public key the page can hash. */
  readonly proofThumbprint?: string;
}

export interface DpopHeaderDiagnosis {
  readonly findings: readonly DpopFinding[];
  /** The worst severity found, as for a Basic header. */
  readonly verdict: HeaderFindingSeverity;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A compact JWS's header and payload as JSON objects, unverified; null when it is not one. */
function jwsParts(
  jwt: string,
): { header: Record<string, unknown>; payload: Record<string, unknown> } | null {
  const parts = jwt.split('.');
  if (parts.length !== 3) return null;
  const header = base64UrlJson(parts[0]!);
  const payload = base64UrlJson(parts[1]!);
  return isRecord(header) && isRecord(payload) ? { header, payload } : null;
}

/** The pasted token's `cnf.jkt` (RFC 9449 §6.1), null when it is not a JWT or names none. */
export function pastedTokenJkt(paste: DpopPaste): string | null {
  const token = paste.authorization?.token;
  if (token?.kind !== 'token') return null;
  const cnf = jwsParts(token.token)?.payload['cnf'];
  return isRecord(cnf) && typeof cnf['jkt'] === 'string' && cnf['jkt'] !== '' ? cnf['jkt'] : null;
}

/**
 * The proof's `jwk` as a record of strings, for the thumbprint (RFC 7638 §3.2 members only), when
 * it is an EC or RSA public key. A key with private members is still hashed: its public half is
 * what a server compares.
 */
export function proofPublicMembers(paste: DpopPaste): Record<string, string> | null {
  const jwt = paste.proof?.jwt;
  const jwk = jwt === undefined ? undefined : jwsParts(jwt)?.header['jwk'];
  if (!isRecord(jwk)) return null;
  const text = (name: string) => (typeof jwk[name] === 'string' ? jwk[name] : null);
  if (jwk['kty'] === 'EC') {
    const [crv, x, y] = [text('crv'), text('x'), text('y')];
    return crv && x && y ? { crv, kty: 'EC', x, y } : null;
  }
  if (jwk['kty'] === 'RSA') {
    const [n, e] = [text('n'), text('e')];
    return n && e ? { e, kty: 'RSA', n } : null;
  }
  return null;
}

/** The token to hash for `ath`, when the paste has one that reads as a b64token. */
export function pastedAccessToken(paste: DpopPaste): string | null {
  const token = paste.authorization?.token;
  return token?.kind === 'token' ? token.token : null;
}

function checkToken(paste: DpopPaste, findings: DpopFinding[]): void {
  const authorization = paste.authorization;
  if (authorization === undefined) return;
  const { token, scheme } = authorization;
  const jkt = pastedTokenJkt(paste);
  const unboundJwt = token.kind === 'token' && jkt === null && jwsParts(token.token) !== null;
  if (scheme === 'DPoP') {
    findings.push({ code: 'dpop-scheme', severity: 'fine' });
  } else if (!unboundJwt) {
    // RFC 9449 §7.1: a bound token goes with the DPoP scheme; an unreadable one may be bound.
    findings.push({ code: 'bearer-with-proof', severity: 'error', bound: jkt !== null });
  }
  if (token.kind !== 'token') {
    findings.push({ code: 'token-not-b64token', severity: 'error', reason: token });
    return;
  }
  if (jkt !== null) {
    findings.push({ code: 'token-jwt-bound', severity: 'fine', jkt });
  } else if (unboundJwt) {
    findings.push(
      scheme === 'DPoP'
        ? { code: 'token-jwt-unbound', severity: 'warning' }
        : { code: 'token-jwt-unbound-bearer', severity: 'note' },
    );
  } else {
    findings.push({ code: 'token-opaque', severity: 'fine' });
  }
}

/** RFC 9449 §4.2/§4.3 checks a server makes of the proof on its own; returns its claims if readable. */
function checkProof(
  jwt: string,
  context: DpopPasteContext,
  findings: DpopFinding[],
): Record<string, unknown> | null {
  if (jwt === '') {
    findings.push({ code: 'proof-empty', severity: 'error' });
    return null;
  }
  const parts = jwsParts(jwt);
  if (parts === null) {
    findings.push({ code: 'proof-not-jwt', severity: 'error' });
    return null;
  }
  const { header, payload } = parts;
  const typ = header['typ'];
  findings.push(
    typ === 'dpop+jwt'
      ? { code: 'proof-typ-ok', severity: 'fine' }
      : { code: 'proof-typ-wrong', severity: 'error', typ: typeof typ === 'string' ? typ : null },
  );
  const alg = header['alg'];
  if (typeof alg !== 'string' || alg === '') {
    findings.push({ code: 'proof-alg-missing', severity: 'error' });
  } else if (alg.toLowerCase() === 'none') {
    findings.push({ code: 'proof-alg-none', severity: 'error' });
  } else if (/^HS/i.test(alg)) {
    findings.push({ code: 'proof-alg-symmetric', severity: 'error', alg });
  } else {
    findings.push({ code: 'proof-alg-ok', severity: 'fine', alg });
  }
  const jwk = header['jwk'];
  if (!isRecord(jwk)) {
    findings.push({ code: 'proof-jwk-missing', severity: 'error' });
  } else {
    const members = PRIVATE_MEMBERS.filter((name) => name in jwk);
    findings.push(
      members.length > 0
        ? { code: 'proof-jwk-private', severity: 'error', members }
        : { code: 'proof-jwk-public', severity: 'fine', kty: String(jwk['kty'] ?? '') },
    );
  }
  const missing = REQUIRED_CLAIMS.filter((name) =>
    name === 'iat' ? typeof payload[name] !== 'number' : typeof payload[name] !== 'string',
  );
  if (missing.length > 0) {
    findings.push({ code: 'proof-claims-missing', severity: 'error', missing });
  } else {
    findings.push({
      code: 'proof-claims-present',
      severity: 'fine',
      htm: payload['htm'] as string,
      htu: payload['htu'] as string,
      nonce: typeof payload['nonce'] === 'string' ? payload['nonce'] : null,
    });
  }
  if (typeof payload['iat'] === 'number') {
    const age = Math.round(context.nowSeconds - payload['iat']);
    if (-age > FUTURE_TOLERANCE_SECONDS) {
      findings.push({ code: 'proof-iat-future', severity: 'warning', seconds: -age });
    } else if (age > DPOP_PROOF_ACCEPTED_SECONDS) {
      findings.push({
        code: 'proof-iat-old',
        severity: 'note',
        seconds: age,
        acceptedSeconds: DPOP_PROOF_ACCEPTED_SECONDS,
      });
    } else {
      findings.push({ code: 'proof-iat-recent', severity: 'fine', seconds: Math.max(0, age) });
    }
  }
  return payload;
}

/**
 * RFC 9112 §3.2.3 / §3.3: an origin-form target (`/path`) with a Host line makes the target URI,
 * but the scheme comes from the connection, which a paste does not show. The proof's own scheme is
 * taken (and said so): host, port and path are still compared.
 */
function originFormHtu(
  request: NonNullable<DpopPaste['request']>,
  htu: string,
  findings: DpopFinding[],
): string | null {
  if (request.host === undefined) return null;
  const scheme = /^(https?):/i.exec(htu)?.[1]?.toLowerCase();
  if (scheme === undefined) return null;
  const requestHtu = dpopHtu(`${scheme}://${request.host}${request.target}`);
  if (requestHtu !== null) {
    findings.push({ code: 'request-from-host', severity: 'fine', requestHtu, scheme });
  }
  return requestHtu;
}

function checkRequest(
  request: NonNullable<DpopPaste['request']>,
  claims: Record<string, unknown>,
  findings: DpopFinding[],
): void {
  const htm = claims['htm'];
  const htu = claims['htu'];
  if (typeof htm !== 'string' || typeof htu !== 'string') return;
  let differs = false;
  // RFC 9449 §4.3: htm matches the method exactly (methods are case-sensitive, RFC 9110 §9.1).
  if (htm !== request.method) {
    findings.push({ code: 'htm-differs', severity: 'error', htm, method: request.method });
    differs = true;
  }
  const requestHtu = dpopHtu(request.target) ?? originFormHtu(request, htu, findings);
  if (requestHtu === null) {
    findings.push({ code: 'request-target-relative', severity: 'note', target: request.target });
    return;
  }
  // §4.3: compared without query and fragment, after RFC 3986 §6.2.2-6.2.3 normalisation.
  if ((dpopHtu(htu) ?? htu) !== requestHtu) {
    findings.push({ code: 'htu-differs', severity: 'error', htu, requestHtu });
    differs = true;
  }
  if (!differs) findings.push({ code: 'request-matches', severity: 'fine' });
}

const SEVERITY_ORDER: readonly HeaderFindingSeverity[] = ['error', 'warning', 'note'];

/**
 * The header doctor for a DPoP call (RFC 9449 §7.1): the access token sent with the DPoP scheme,
 * the proof beside it (§4.2/§4.3: typ, alg, jwk public only, claims, iat against this page's clock),
 * and, when both are pasted, `ath` against the token's hash and the proof's key against the token's
 * `cnf.jkt`; with a request line, `htm` and `htu` against it. Hashes come in `context` (the feature
 * computes them with Web Crypto). Does NOT verify the proof's signature: only a server can say the
 * key signed it. Does NOT throw.
 */
export function diagnoseDpopPaste(
  paste: DpopPaste,
  context: DpopPasteContext,
): DpopHeaderDiagnosis {
  const findings: DpopFinding[] = [];
  checkToken(paste, findings);
  const claims = paste.proof === undefined ? null : checkProof(paste.proof.jwt, context, findings);
  if (paste.proof === undefined) findings.push({ code: 'proof-not-pasted', severity: 'note' });

  if (claims !== null) {
    const ath = claims['ath'];
    const token = paste.authorization?.token;
    if (token === undefined) {
      findings.push(
        typeof ath === 'string'
          ? { code: 'proof-ath-without-token', severity: 'note' }
          : { code: 'proof-without-ath', severity: 'fine' },
      );
    } else if (typeof ath !== 'string') {
      findings.push({ code: 'ath-missing', severity: 'error' });
    } else if (context.tokenHash !== undefined) {
      findings.push(
        ath === context.tokenHash
          ? { code: 'ath-matches', severity: 'fine' }
          : { code: 'ath-differs', severity: 'error', ath, tokenHash: context.tokenHash },
      );
    }
    const jkt = pastedTokenJkt(paste);
    if (jkt !== null && context.proofThumbprint !== undefined) {
      findings.push(
        jkt === context.proofThumbprint
          ? { code: 'key-matches', severity: 'fine', jkt }
          : {
              code: 'key-differs',
              severity: 'error',
              jkt,
              proofThumbprint: context.proofThumbprint,
            },
      );
    }
    if (paste.request) checkRequest(paste.request, claims, findings);
  }
  const verdict = SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s)) ?? 'fine';
  return { findings, verdict };
}
