import { vendorOf, type Vendor } from '../server-presets/vendor-of.ts';
import type { AnswerReading } from './evidence.ts';
import { NONE_HELPS, OPEN, type Cause, type CauseId } from './causes.ts';
import { answerInWords, type Facts } from './facts.ts';

/*
 * Answers whose meaning depends on the vendor: each vendor's documented error codes and texts,
 * read with the reader's own values. Which vendor it is comes from the `Server` the reader chose,
 * else from the endpoint (server-presets/vendor-of.ts). One function per cause; a table of
 * patterns picks it (the shape of client-auth/assertion-error-help.ts).
 */

type OAuthError = Extract<AnswerReading, { kind: 'oauth-error' }>;

interface VendorRule {
  readonly vendor: Vendor;
  readonly error: string;
  /** Matched against `error_description`; an absent description is `''`. */
  readonly description: RegExp;
  readonly cause: (facts: Facts, answer: OAuthError, match: RegExpExecArray) => Cause | null;
}

/** A GUID, the shape of an Entra secret's "Secret ID" (its Value is ~40 characters with `~`). */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function said(answer: OAuthError): string {
  return `The server answered ${answerInWords(answer)}.`;
}

/** The path segment after `marker` in the request's URL (Entra's tenant, Keycloak's realm). */
function segmentAfter(facts: Facts, marker: RegExp): string | null {
  try {
    const found = marker.exec(new URL(facts.evidence.request.url).pathname)?.[1];
    return found === undefined ? null : decodeURIComponent(found);
  } catch {
    return null;
  }
}

const tenantOf = (facts: Facts) => segmentAfter(facts, /^\/([^/]+)\/oauth2\//);
const realmOf = (facts: Facts) => segmentAfter(facts, /\/realms\/([^/]+)\//);

/** The audience the request sent, if any. */
function sentAudience(facts: Facts): string | null {
  return (
    facts.evidence.request.input.extraFields?.find(([name]) => name === 'audience')?.[1] ?? null
  );
}

function cause(
  id: CauseId,
  summary: string,
  evidence: readonly string[],
  action: string,
  ways = NONE_HELPS,
): Cause {
  return { id, summary, evidence, action, ways };
}

/**
 * The scope that works for the resource the reader named: its application ID URI followed by
 * `/.default` (the first scope that looks like a URI, without its last path segment), else
 * Microsoft Graph's.
 */
export function entraDefaultScope(scope: string): string {
  const uri = scope.split(' ').find((token) => /^[a-z][a-z0-9+.-]*:\/\//i.test(token));
  if (uri === undefined) return 'https://graph.microsoft.com/.default';
  const resource = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/.+$/i.test(uri)
    ? uri.replace(/\/[^/]*$/, '')
    : uri;
  return `${resource.replace(/\/+$/, '')}/.default`;
}

// Microsoft Entra ID: "Microsoft Entra authentication and authorization error codes"
// (https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes), its answers
// `{"error", "error_description": "AADSTS…: …\r\nTrace ID: …", "error_codes": […], …}`.
const ENTRA: readonly VendorRule[] = [
  {
    vendor: 'entra',
    error: 'invalid_client',
    description: /AADSTS7000215\b/,
    // Only a secret shaped like a Secret ID is that mistake; any other wrong secret is the general case.
    cause: (facts, answer) =>
      GUID.test(facts.secret.trim())
        ? cause(
            'entra-secret-id',
            "The client secret is the secret's ID, not its value: Entra refused it (AADSTS7000215).",
            [
              said(answer),
              'The Client secret field holds a GUID (8-4-4-4-12 hexadecimal digits): the shape of the Secret ID column under Certificates & secrets. The secret itself (the Value column) is about 40 characters.',
            ],
            "In the app registration, Certificates & secrets: copy the secret's Value (shown only right after it is created; if it is hidden now, add a new client secret and copy its Value), paste it into Client secret and send again.",
          )
        : null,
  },
  {
    vendor: 'entra',
    error: 'unauthorized_client',
    description: /AADSTS700016\b/,
    cause: (facts, answer) =>
      cause(
        'entra-app-not-found',
        `Entra has no application with the client ID "${facts.clientId}" in the tenant "${tenantOf(facts) ?? '(none)'}" (AADSTS700016).`,
        [
          said(answer),
          'AADSTS700016 is given before any secret is checked: it says nothing about the secret.',
        ],
        "Copy the Application (client) ID from the app registration's Overview, and put its Directory (tenant) ID in the token endpoint: https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token. An app registered in another tenant must first be consented to by an administrator of this one.",
      ),
  },
  {
    vendor: 'entra',
    error: 'invalid_scope',
    description: /AADSTS1002012\b|must have a scope value with \/\.default/,
    cause: (facts, answer) => {
      const suggested = entraDefaultScope(facts.scope);
      return cause(
        'entra-scope-default',
        `Entra refuses the scope "${facts.scope}": in the client credentials flow the scope is one resource's application ID URI followed by /.default (AADSTS1002012).`,
        [
          said(answer),
          'The permissions come from the app registration (API permissions, application type, with admin consent), not from the request: /.default asks for all of them at once.',
        ],
        `Set Scope to "${suggested}" and send again.`,
      );
    },
  },
  {
    vendor: 'entra',
    error: 'invalid_request',
    description: /AADSTS9002326\b|Cross-origin token redemption/,
    cause: (_facts, answer) =>
      cause(
        'entra-origin',
        'Entra refused the request because it carried a browser Origin header: it redeems tokens across origins only for single-page applications, never with a client secret (AADSTS9002326).',
        [
          said(answer),
          "A request from a page's JavaScript always carries Origin; this page's proxy removes it before forwarding.",
        ],
        'Send it from a server or a terminal (the curl command above), or with Send token request on this page, whose proxy never forwards Origin.',
      ),
  },
];

// Auth0: "Authentication API, Get Token: Client Credentials Flow"
// (https://auth0.com/docs/api/authentication#client-credentials-flow), errors answered as
// `{"error":"access_denied","error_description":"…"}` with 403 (401 "Unauthorized" for a wrong
// client ID or secret).
const AUTH0: readonly VendorRule[] = [
  {
    vendor: 'auth0',
    error: 'access_denied',
    description: /No audience parameter was provided/i,
    cause: (_facts, answer) =>
      cause(
        'auth0-audience-missing',
        'Auth0 issues a client credentials token only for an API, and the request named none: the audience parameter is missing.',
        [said(answer), 'The request body has no audience parameter.'],
        "Enter the API's Identifier (Applications → APIs → your API → Settings) in Audience and send again.",
      ),
  },
  {
    vendor: 'auth0',
    error: 'access_denied',
    description: /Service not found:?\s*(.*)$/i,
    cause: (facts, answer, match) => {
      const audience = sentAudience(facts) ?? match[1]?.trim() ?? '';
      return cause(
        'auth0-audience-unknown',
        `Auth0 has no API with the identifier "${audience}": the audience must be an API's Identifier exactly as registered (scheme, host and any trailing slash included).`,
        [said(answer)],
        'Copy the Identifier from Applications → APIs → your API → Settings into Audience and send again.',
      );
    },
  },
  {
    vendor: 'auth0',
    error: 'access_denied',
    description: /Client is not authorized to access "([^"]*)"/i,
    cause: (facts, answer, match) =>
      cause(
        'auth0-client-not-authorized',
        `The application "${facts.clientId}" is not authorized for the API "${match[1] ?? ''}": Auth0 issues its tokens only to applications with a client grant for it.`,
        [said(answer), 'Auth0 checks the grant after the client ID and secret: they are right.'],
        'In Applications → APIs → that API → Machine to Machine Applications, authorize this application, choose its permissions, save, and send again.',
      ),
  },
];

// Keycloak: its token endpoint's answers (services/…/ClientCredentialsGrantType, AuthorizeClientUtil),
// as Keycloak 2x sends them; "Service accounts", Server Administration Guide
// (https://www.keycloak.org/docs/latest/server_admin/#_service_accounts).
const KEYCLOAK: readonly VendorRule[] = [
  {
    vendor: 'keycloak',
    error: 'unauthorized_client',
    description: /Client not enabled to retrieve service account/i,
    cause: (facts, answer) =>
      cause(
        'keycloak-service-account-off',
        `Keycloak authenticated the client "${facts.clientId}", but it may not use the client credentials flow: its service account is off.`,
        [said(answer)],
        `In the admin console, realm "${realmOf(facts) ?? '(see the URL)'}" → Clients → ${facts.clientId} → Settings → Capability config: turn on Client authentication and Service accounts roles, save, and send again.`,
      ),
  },
  {
    vendor: 'keycloak',
    error: 'invalid_client',
    description:
      /Invalid client or Invalid client credentials|Invalid client secret|Invalid client credentials/i,
    cause: (facts, answer) =>
      cause(
        'keycloak-invalid-client',
        `Keycloak refused the client: it gives this same answer when the secret is not the client's (most often) and when realm "${realmOf(facts) ?? '(see the URL)'}" has no client "${facts.clientId}", so the answer cannot tell which.`,
        [said(answer), 'Client IDs are case-sensitive, and each realm has its own clients.'],
        `Check that realm "${realmOf(facts) ?? '(see the URL)'}" lists the client ID exactly, then copy the secret again from that client's Credentials tab and send again.`,
        OPEN,
      ),
  },
];

// Amazon Cognito: "The token issuer endpoint", Error responses
// (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html): 400 with
// `{"error":"…"}` and no description.
const COGNITO: readonly VendorRule[] = [
  {
    vendor: 'cognito',
    error: 'invalid_client',
    description: /^/,
    cause: (facts, answer) =>
      cause(
        'cognito-invalid-client',
        `Cognito refused the client "${facts.clientId}": the secret is not this app client's, or the app client has no client secret at all (the client credentials flow needs one), or the user pool has no app client with this ID. Cognito's answer does not say which.`,
        [said(answer)],
        `In the user pool, App clients → ${facts.clientId}: check that it shows a Client secret (if none, create an app client with a client secret), copy it into Client secret and send again.`,
        OPEN,
      ),
  },
  {
    vendor: 'cognito',
    error: 'invalid_scope',
    description: /^/,
    cause: (facts, answer) =>
      cause(
        'cognito-scope',
        `Cognito refuses the scope "${facts.scope}": in the client credentials flow it grants only custom scopes of a resource server (resource-server-identifier/scope-name) that the app client "${facts.clientId}" is allowed; openid, email, phone and profile are for users.`,
        [said(answer), 'Cognito checks the scope after the client ID and secret: they are right.'],
        'Allow the custom scope on the app client (Login pages → Custom scopes), set Scope to its full name, and send again; an empty scope asks for all of its custom scopes.',
      ),
  },
  {
    vendor: 'cognito',
    error: 'unauthorized_client',
    description: /^/,
    cause: (facts, answer) =>
      cause(
        'cognito-grant-off',
        `The app client "${facts.clientId}" may not use the client credentials flow: Cognito allows it only for an app client with a secret whose OAuth grant types include Client credentials.`,
        [said(answer)],
        "In the app client's Login pages settings, choose the OAuth 2.0 grant type Client credentials with at least one custom scope, save, and send again.",
      ),
  },
];

const RULES: readonly VendorRule[] = [...ENTRA, ...AUTH0, ...KEYCLOAK, ...COGNITO];

/**
 * The vendor's own explanation of an OAuth error, with the reader's values, or null when the
 * vendor is unknown or its documentation says nothing more specific than RFC 6749 §5.2.
 */
export function vendorCause(facts: Facts, answer: OAuthError): Cause | null {
  const vendor = vendorOf(facts.evidence.request.url, facts.evidence.server.preset);
  if (vendor === null) return null;
  for (const rule of RULES) {
    if (rule.vendor !== vendor || rule.error !== answer.error) continue;
    const match = rule.description.exec(answer.description);
    if (match) return rule.cause(facts, answer, match);
  }
  return null;
}

/**
 * Vendor answers that use an error code RFC 6749 places after client authentication for a refusal
 * of the client itself: Entra's AADSTS700016 (`unauthorized_client`: no such application), and
 * Auth0's 401 `access_denied` "Unauthorized" (a wrong client ID or secret).
 */
export function refusesTheClientItself(answer: OAuthError): boolean {
  return (
    /^AADSTS700016\b/.test(answer.description) ||
    (answer.error === 'access_denied' && answer.status === 401)
  );
}
