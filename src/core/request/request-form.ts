import { missingAssertionClaims } from '../client-auth/missing-credentials.ts';
import {
  assertionMatches,
  DEFAULT_ASSERTION_LIFETIME_SECONDS,
  type AssertionAlgorithm,
  type SignedAssertion,
} from '../client-auth/client-assertion.ts';
import type { CredentialEncoding } from '../credentials/credentials.ts';
import { deriveOktaTokenEndpoint } from '../endpoint/token-endpoint.ts';
import type { DpopAlgorithm } from '../dpop/proof.ts';
import { proofFitsRequest, type ShownDpopProof } from '../dpop/shown-proof.ts';
import { buildTokenRequest, type TokenRequest } from './token-request.ts';
import { extraBodyFields } from './extra-parameters.ts';
import type { ServerPreset } from '../server-presets/preset.ts';
import { DEFAULT_SERVER, type ServerPresetId } from '../server-presets/server-choice.ts';
import type { ClientAuthMethod } from '../client-auth/method.ts';

/**
 * A token endpoint that does not follow the Okta domain and authorization server ID, and where it
 * came from, so the page can describe it truthfully: typed into the field, set by "Use demo
 * server", read from a shared link, or read from the issuer's metadata (discovery).
 */
export interface TokenEndpointOverride {
  readonly url: string;
  readonly source: 'typed' | 'demo' | 'link' | 'discovery';
}

/** Everything the user typed or chose: the one place state lives. Everything else is derived. */
export interface FormState {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The kind of authorization server (the `Server` choice): which fields below name it. */
  readonly server: ServerPresetId;
  /** The server's host: Okta's, Auth0's or Cognito's domain (server-presets/). */
  readonly domain: string;
  readonly authServerId: string;
  /** Microsoft Entra ID's tenant (ID or domain). */
  readonly tenant: string;
  /** Keycloak's base URL and realm. */
  readonly baseUrl: string;
  readonly realm: string;
  /** Amazon Cognito's user pool ID (for its issuer; the endpoint follows `domain`). */
  readonly userPoolId: string;
  /** `null` while the token endpoint follows the domain and authorization server ID. */
  readonly tokenEndpointOverride: TokenEndpointOverride | null;
  readonly scope: string;
  /** Token request parameters beyond RFC 6749 §4.4.2 (extra-parameters.ts). */
  readonly audience: string;
  readonly resources: string;
  readonly extraParameters: string;
  readonly authMethod: ClientAuthMethod;
  readonly encoding: CredentialEncoding;
  /**
   * The private key of a method that signs with one, as pasted or generated (PKCS#8 PEM or private
   * JWK text). A secret like the client secret: in memory only, never in the URL, storage or a log.
   */
  readonly privateKey: string;
  /** The algorithm of the next generated key pair (a pasted key brings its own). */
  readonly keyAlgorithm: AssertionAlgorithm;
  /** Seconds from `iat` to `exp` of the client assertions the page signs. */
  readonly assertionLifetime: number;
  /**
   * Proof of possession (RFC 9449): every token request carries a `DPoP` proof signed with a key
   * pair the page holds in memory, whatever the client authentication.
   */
  readonly dpop: boolean;
  /** The algorithm of the DPoP key pair the page makes (RFC 9449 §4.2: any asymmetric JWS alg). */
  readonly dpopAlgorithm: DpopAlgorithm;
}

/**
 * The form before anything is typed, and after Reset: the guide's defaults (the "default" custom
 * authorization server, its `customScope`, the Basic header with the raw bytes the guide sends).
 */
export const initialFormState: FormState = {
  clientId: '',
  clientSecret: '',
  server: DEFAULT_SERVER,
  domain: '',
  authServerId: 'default',
  tenant: '',
  baseUrl: '',
  realm: '',
  userPoolId: '',
  tokenEndpointOverride: null,
  scope: 'customScope',
  audience: '',
  resources: '',
  extraParameters: '',
  authMethod: 'client_secret_basic',
  encoding: 'raw',
  privateKey: '',
  keyAlgorithm: 'RS256',
  assertionLifetime: DEFAULT_ASSERTION_LIFETIME_SECONDS,
  dpop: false,
  dpopAlgorithm: 'ES256',
};

/** What one edit changes: the fields it sets, the rest stay. */
export type FormChange = Partial<FormState>;

export function formReducer(state: FormState, change: FormChange): FormState {
  return { ...state, ...change };
}

/** True when every field holds its default (after Reset, or before anything was typed). */
export function isInitialFormState(form: FormState): boolean {
  return (Object.keys(initialFormState) as Array<keyof FormState>).every(
    (field) => form[field] === initialFormState[field],
  );
}

/** The part of a server preset the request needs: how its fields make the token endpoint. */
export type EndpointDerivation = Pick<ServerPreset, 'id' | 'tokenEndpoint'>;

/**
 * The token endpoint as the form shows it: the override as typed (untrimmed: it is the field's
 * value), else the endpoint the chosen server's fields derive. Okta's custom authorization server
 * (the default) derives without its preset; another server's preset is loaded when it is chosen,
 * and until `preset` is that one the endpoint is empty.
 */
export function tokenEndpointOf(form: FormState, preset: EndpointDerivation | null = null): string {
  if (form.tokenEndpointOverride !== null) return form.tokenEndpointOverride.url;
  if (preset?.id === form.server) return preset.tokenEndpoint(form);
  return form.server === 'okta' ? deriveOktaTokenEndpoint(form.domain, form.authServerId) : '';
}

/**
 * The request model for a form state: the one derivation every view renders from (docs/architecture.md: form
 * state → a pure core function → every view). Pure and cheap, so callers derive it on every
 * render instead of storing it. `assertion` is the last client assertion the page signed for
 * private_key_jwt: used only while it still names this form's client ID, token endpoint and
 * lifetime (signing is asynchronous, so just after an edit it may not yet). `preset` is the chosen
 * server's definition once loaded (see `tokenEndpointOf`). `dpopProof` likewise is the last DPoP
 * proof the page signed, carried only while DPoP is on and it names this request's method and URL.
 *
 * Does NOT validate (see `checkCredentials`, `checkTokenEndpoint`, `checkScope`): the model of an
 * incomplete form is still shown, so the user sees what is missing.
 */
export function deriveTokenRequest(
  form: FormState,
  assertion: SignedAssertion | null = null,
  preset: EndpointDerivation | null = null,
  dpopProof: ShownDpopProof | null = null,
): TokenRequest {
  const tokenEndpoint = tokenEndpointOf(form, preset);
  const claims = { clientId: form.clientId, tokenEndpoint: tokenEndpoint.trim() };
  // An assertion whose iss or aud is empty (or a placeholder) is never carried, even one signed
  // for those values: no server accepts it, and a request showing it would look usable.
  const current =
    assertion !== null &&
    missingAssertionClaims(claims).length === 0 &&
    assertionMatches(assertion, { ...claims, lifetimeSeconds: form.assertionLifetime });
  return buildTokenRequest({
    tokenEndpoint,
    clientId: form.clientId,
    clientSecret: form.clientSecret,
    scope: form.scope,
    authMethod: form.authMethod,
    encoding: form.encoding,
    clientAssertion: current ? assertion : null,
    privateKey: form.privateKey,
    assertionLifetime: form.assertionLifetime,
    dpopProof:
      form.dpop && dpopProof !== null && proofFitsRequest(dpopProof, 'POST', tokenEndpoint)
        ? dpopProof.proof
        : null,
    extraFields: extraBodyFields(form),
  });
}
