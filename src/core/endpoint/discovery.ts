import { z } from '../zod.ts';
import type { CheckSeverity } from '../credentials/credential-checks.ts';
import type { ClientAuthMethod } from '../client-auth/method.ts';

/** One place authorization server metadata may be published for an issuer. */
export interface DiscoveryCandidate {
  readonly url: string;
  /** How this URL was built, for the page to say which form answered. */
  readonly form: 'rfc8414' | 'okta' | 'openid';
}

export class IssuerError extends Error {
  override name = 'IssuerError';
}

/**
 * Where an issuer's metadata may be, in the order worth trying:
 * 1. RFC 8414 §3.1: the well-known segment inserted between the host and the issuer's path
 *    (`https://h/.well-known/oauth-authorization-server/oauth2/default`);
 * 2. Okta's form (and RFC 8414 §5's compatibility note): appended after the issuer's path
 *    (`https://h/oauth2/default/.well-known/oauth-authorization-server`);
 * 3. OpenID Connect Discovery 1.0 §4: `/.well-known/openid-configuration` appended.
 * For an issuer without a path, forms 1 and 2 are the same URL and it is listed once.
 *
 * `documented`, the form a server's documentation names (its preset's), moves that form first.
 *
 * Throws `IssuerError` when the issuer is not an absolute http(s) URL without query or fragment
 * (RFC 8414 §2: "a URL that uses the https scheme and has no query or fragment components";
 * http is accepted for local servers such as the demo). Does NOT fetch anything.
 */
export function discoveryCandidates(
  issuer: string,
  documented?: DiscoveryCandidate['form'],
): DiscoveryCandidate[] {
  let url: URL;
  try {
    url = new URL(issuer.trim());
  } catch {
    throw new IssuerError('The issuer is not a URL: enter it as https://…');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new IssuerError('The issuer must be an https:// URL (RFC 8414 §2).');
  }
  if (url.search !== '' || url.hash !== '' || issuer.includes('?') || issuer.includes('#')) {
    throw new IssuerError('An issuer has no query or fragment (RFC 8414 §2): remove ?… and #….');
  }
  if (url.username !== '' || url.password !== '') {
    throw new IssuerError('Remove the user name and password from the issuer URL.');
  }
  // A trailing slash is not part of the path for these constructions (RFC 8414 §3.1 example).
  const path = url.pathname.replace(/\/+$/, '');
  const candidates: DiscoveryCandidate[] = [
    { url: `${url.origin}/.well-known/oauth-authorization-server${path}`, form: 'rfc8414' },
  ];
  if (path !== '') {
    candidates.push({
      url: `${url.origin}${path}/.well-known/oauth-authorization-server`,
      form: 'okta',
    });
  }
  candidates.push({ url: `${url.origin}${path}/.well-known/openid-configuration`, form: 'openid' });
  return [
    ...candidates.filter((candidate) => candidate.form === documented),
    ...candidates.filter((candidate) => candidate.form !== documented),
  ];
}

const urlString = z.url({ protocol: /^https?$/ });

/** The members of RFC 8414 §2 this playground uses; others are kept by zod's loose object. */
const metadataSchema = z.looseObject({
  issuer: z.string().min(1),
  token_endpoint: urlString.optional(),
  jwks_uri: urlString.optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  grant_types_supported: z.array(z.string()).optional(),
  scopes_supported: z.array(z.string()).optional(),
});

export type AuthorizationServerMetadata = z.infer<typeof metadataSchema>;

/** `scopes_supported` of the metadata that named `tokenEndpoint` (RFC 8414 §2). */
export interface ScopesSupported {
  readonly tokenEndpoint: string;
  readonly scopes: readonly string[];
}

/** A remark about the metadata, shown under the discovery field. */
export interface MetadataNotice {
  readonly severity: CheckSeverity;
  readonly message: string;
}

export type MetadataResult =
  | { readonly ok: true; readonly metadata: AuthorizationServerMetadata }
  | { readonly ok: false; readonly reason: string };

/** The same issuer in the sense of RFC 8414 §3.3: identical strings, but a lone trailing `/` tolerated. */
function sameIssuer(a: string, b: string): boolean {
  return a.replace(/\/$/, '') === b.replace(/\/$/, '');
}

/**
 * Reads a discovery document as RFC 8414 §3.2 metadata for `expectedIssuer`. RFC 8414 §3.3: the
 * `issuer` in the document MUST be identical to the issuer the URL was built from, or the
 * document must not be used (it could send the token request somewhere else).
 *
 * Does NOT fetch, and does NOT require `token_endpoint` (RFC 8414 §2 makes it optional when only
 * the implicit grant is supported; the page says so when it is missing).
 */
export function parseAuthorizationServerMetadata(
  json: unknown,
  expectedIssuer: string,
): MetadataResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'The answer is not a JSON object, so it is not server metadata.' };
  }
  const parsed = metadataSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const member = issue?.path.join('.') ?? '';
    return {
      ok: false,
      reason:
        member === 'issuer'
          ? 'The metadata has no issuer (RFC 8414 §2 requires it).'
          : `The metadata member "${member}" is malformed (RFC 8414 §2): ${issue?.message ?? 'invalid'}.`,
    };
  }
  if (!sameIssuer(parsed.data.issuer, expectedIssuer.trim())) {
    return {
      ok: false,
      reason: `The metadata names the issuer "${parsed.data.issuer}", not "${expectedIssuer.trim()}": RFC 8414 §3.3 forbids using it.`,
    };
  }
  return { ok: true, metadata: parsed.data };
}

/**
 * What the metadata says about the request being built: whether the server lists the client
 * credentials grant and the chosen authentication method, and a missing token endpoint.
 * RFC 8414 §2 defaults: grant types `authorization_code` and `implicit`; auth method
 * `client_secret_basic`.
 */
export function checkMetadataSupport(
  metadata: AuthorizationServerMetadata,
  authMethod: ClientAuthMethod,
): MetadataNotice[] {
  const notices: MetadataNotice[] = [];
  if (metadata.token_endpoint === undefined) {
    notices.push({
      severity: 'warning',
      message: 'The metadata lists no token_endpoint: this server may not issue tokens this way.',
    });
  }
  const grants = metadata.grant_types_supported ?? ['authorization_code', 'implicit'];
  if (!grants.includes('client_credentials')) {
    notices.push({
      severity: 'warning',
      message:
        metadata.grant_types_supported === undefined
          ? 'The metadata does not list grant_types_supported, and the default (RFC 8414 §2) excludes client_credentials: the server may refuse it.'
          : 'The server does not list client_credentials among its grant types: expect unsupported_grant_type or unauthorized_client.',
    });
  }
  const methods = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  if (!methods.includes(authMethod)) {
    notices.push({
      severity: 'warning',
      message: `The server does not list ${authMethod} among its client authentication methods (${methods.join(', ')}): choose one it lists.`,
    });
  }
  return notices;
}
