import type { AuthWay } from '../client-auth/auth-ways.ts';
import type { ProxyFailureCode } from '../proxy/proxy-error-help.ts';

/*
 * What a diagnosis returns: causes, each with its evidence, one action, and what it means for
 * sending the same credentials another way (the search of "Find what this server accepts" plans
 * from that).
 */

/**
 * Every cause the page can name. The scenario corpus (scenarios/*.ts) names the true one of each
 * scenario by this id, so a rule that starts naming another cause first fails a test.
 */
export type CauseId =
  | `proxy:${ProxyFailureCode}`
  | 'not-a-token-endpoint'
  | 'token-issued'
  | 'browser-origin'
  | 'okta-org-server'
  | 'assertion-refused'
  | 'scope-missing'
  | 'scope-not-allowed'
  | 'grant-not-allowed'
  | 'grant-unsupported'
  | 'grant-refused'
  | 'resource-refused'
  | 'policy-denied'
  | 'way-not-read'
  | 'wrong-demo-secret'
  | 'unknown-demo-client'
  | 'client-id-characters'
  | 'secret-characters'
  | 'pasted-line-break'
  | 'raw-not-form-decodable'
  | 'colon-in-client-id'
  | 'secret-cut-at-colon'
  | 'basic-encoding'
  | 'generic-basic-reader'
  | 'edge-spaces'
  | 'wrong-secret'
  | 'unknown-client'
  | 'other-method'
  | 'wrong-credentials'
  | 'credentials-missing'
  | 'two-methods'
  | 'malformed-request'
  | 'dpop-required'
  | 'dpop-nonce-required'
  | 'dpop-htm-mismatch'
  | 'dpop-htu-mismatch'
  | 'dpop-iat-window'
  | 'dpop-jti-reused'
  | 'dpop-proof-signature'
  | 'dpop-proof-invalid'
  | 'dpop-bound-as-bearer'
  | 'dpop-proof-missing'
  | 'dpop-ath-mismatch'
  | 'dpop-key-mismatch'
  | 'dpop-token-not-bound'
  | 'api-no-token'
  | 'api-invalid-token'
  | 'api-insufficient-scope'
  | 'api-invalid-request'
  | 'api-other'
  | 'server-unavailable'
  | 'unknown-error'
  | 'unrecognized-answer'
  // A vendor's own codes and texts (vendor-causes.ts).
  | 'entra-secret-id'
  | 'entra-app-not-found'
  | 'entra-scope-default'
  | 'entra-origin'
  | 'auth0-audience-missing'
  | 'auth0-audience-unknown'
  | 'auth0-client-not-authorized'
  | 'keycloak-service-account-off'
  | 'keycloak-invalid-client'
  | 'cognito-invalid-client'
  | 'cognito-scope'
  | 'cognito-grant-off';

/**
 * What a cause means for sending the same credentials another way: try that way, no way can
 * help (the cause is elsewhere), or nothing either way. The finder's order comes from this.
 */
export type WayAdvice =
  | { readonly kind: 'try'; readonly way: AuthWay }
  | { readonly kind: 'none-helps' }
  | { readonly kind: 'open' };

export interface Cause {
  readonly id: CauseId;
  /** One sentence: what is wrong. */
  readonly summary: string;
  /** What the page saw that supports it (the answer, earlier attempts, the inputs, the server). */
  readonly evidence: readonly string[];
  /** The one thing to do next. */
  readonly action: string;
  readonly ways: WayAdvice;
}

export interface Diagnosis {
  /** The causes the evidence supports, most likely first; never empty. */
  readonly causes: readonly [Cause, ...Cause[]];
  /** The first way (in the order tried) that the server authenticated, when one did. */
  readonly authenticatedWay: AuthWay | null;
}

export const TRY = (way: AuthWay): WayAdvice => ({ kind: 'try', way });
export const NONE_HELPS: WayAdvice = { kind: 'none-helps' };

/** A cause that no other way of sending the credentials changes (DPoP, an API's refusal). */
export const causeNoWayChanges = (
  id: CauseId,
  summary: string,
  evidence: readonly string[],
  action: string,
): Cause => ({ id, summary, evidence, action, ways: NONE_HELPS });
export const OPEN: WayAdvice = { kind: 'open' };
