import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type AuthorizationServerMetadata,
  discoveryCandidates,
  type DiscoveryCandidate,
  IssuerError,
  parseAuthorizationServerMetadata,
} from '../core/endpoint/discovery.ts';
import { explainProxyFailure } from '../core/proxy/proxy-error-help.ts';
import { callProxy, type ProxyClientDeps } from './proxy-client.ts';
import { useProxyClientDeps } from './send-token-request.ts';

/** One URL tried, and what came of it, so the page can say where it looked. */
export interface DiscoveryAttempt {
  readonly url: string;
  readonly outcome: string;
}

export type DiscoveryResult =
  | {
      readonly kind: 'found';
      readonly metadata: AuthorizationServerMetadata;
      readonly candidate: DiscoveryCandidate;
      readonly attempts: readonly DiscoveryAttempt[];
    }
  | {
      readonly kind: 'failed';
      readonly reason: string;
      readonly attempts: readonly DiscoveryAttempt[];
    };

const JSON_ACCEPT = [['accept', 'application/json']] as const;

/**
 * GETs a JSON document through the playground's proxy (discovery servers and JWKS endpoints send
 * no CORS headers). A failure is a sentence saying what came back.
 */
export async function getJsonThroughProxy(
  url: string,
  deps: ProxyClientDeps,
): Promise<{ ok: true; json: unknown } | { ok: false; outcome: string }> {
  const result = await callProxy({ method: 'GET', target: url, headers: JSON_ACCEPT }, deps);
  if (result.kind === 'proxy-error') {
    const { title } = explainProxyFailure(result.code, result.message);
    // The token endpoint's words fit a discovery or JWKS request too: name what was fetched.
    return { ok: false, outcome: title.replace('the token endpoint', 'this URL') };
  }
  const { answer } = result;
  if (answer.status !== 200) {
    return { ok: false, outcome: `HTTP ${answer.status}` };
  }
  try {
    return { ok: true, json: JSON.parse(answer.body) };
  } catch {
    return { ok: false, outcome: 'HTTP 200, but the body is not JSON' };
  }
}

/**
 * Finds an issuer's authorization server metadata (RFC 8414), trying the RFC 8414 §3.1 form, then
 * Okta's appended form, then OpenID Connect Discovery, through the proxy. The first document that
 * is valid metadata for exactly this issuer (RFC 8414 §3.3) wins.
 *
 * Never throws: a bad issuer or nothing found is a `failed` result with the URLs tried.
 */
export async function discoverIssuer(
  issuer: string,
  deps: ProxyClientDeps,
  documented?: DiscoveryCandidate['form'],
): Promise<DiscoveryResult> {
  let candidates: DiscoveryCandidate[];
  try {
    candidates = discoveryCandidates(issuer, documented);
  } catch (error) {
    if (error instanceof IssuerError)
      return { kind: 'failed', reason: error.message, attempts: [] };
    throw error;
  }
  const attempts: DiscoveryAttempt[] = [];
  for (const candidate of candidates) {
    const fetched = await getJsonThroughProxy(candidate.url, deps);
    if (!fetched.ok) {
      // Every form is tried: a proxy policy or a 404 for one path says nothing about the others.
      attempts.push({ url: candidate.url, outcome: fetched.outcome });
      continue;
    }
    const parsed = parseAuthorizationServerMetadata(fetched.json, issuer);
    if (parsed.ok) {
      attempts.push({ url: candidate.url, outcome: 'metadata for this issuer' });
      return { kind: 'found', metadata: parsed.metadata, candidate, attempts };
    }
    attempts.push({ url: candidate.url, outcome: parsed.reason });
  }
  return {
    kind: 'failed',
    reason:
      'No metadata for this issuer was found: check the issuer URL (Okta: https://{domain}/oauth2/{authorization server ID}).',
    attempts,
  };
}

/** Cached per issuer: metadata changes rarely, and the inspector asks again for the JWKS location. */
export function discoveryQuery(
  issuer: string,
  deps: ProxyClientDeps,
  documented?: DiscoveryCandidate['form'],
) {
  return queryOptions({
    queryKey: ['discovery', issuer.trim(), documented ?? null],
    queryFn: () => discoverIssuer(issuer.trim(), deps, documented),
    staleTime: 5 * 60_000,
    retry: 0,
  });
}

/**
 * The metadata of `issuer`, fetched once asked for (`null`: nothing asked yet), trying the
 * server's `documented` metadata location first when its preset names one.
 */
export function useDiscovery(issuer: string | null, documented?: DiscoveryCandidate['form']) {
  const deps = useProxyClientDeps();
  return useQuery({
    ...discoveryQuery(issuer ?? '', deps, documented),
    enabled: issuer !== null && issuer.trim() !== '',
  });
}
