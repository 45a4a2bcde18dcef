import { checkCredentials } from './credential-checks.ts';
import type { DemoServerInfo } from './proxy-protocol.ts';
import { isOktaOrgAuthorizationServer } from './token-endpoint.ts';
import type { ClientAuthMethod, TokenRequest } from './token-request.ts';
import type { CredentialEncoding } from './credentials.ts';
import type { OktaApiError, TokenError } from './token-response.ts';

/** What the user asked for, so an explanation can point at the field to change. */
export interface RequestContext {
  readonly authMethod: ClientAuthMethod;
  readonly encoding: CredentialEncoding;
  /**
   * True when the credentials went in the Basic header AND their raw and RFC 6749 §2.3.1
   * encodings differ: only then does the Credential encoding choice change what is sent (in
   * client_secret_post the body is always form-encoded).
   */
  readonly basicEncodingsDiffer: boolean;
  readonly scope: string;
  readonly tokenEndpoint: string;
  /** True when a credential starts or ends with white space or holds invisible characters. */
  readonly credentialsHaveStrayCharacters: boolean;
  /** True when the request went to the playground's built-in demo server: no Okta advice then. */
  readonly demoServer: boolean;
}

const STRAY_CHARACTER_CHECKS = new Set([
  'edge-whitespace',
  'invisible-character',
  'control-character',
]);

/**
 * Whether `endpoint` belongs to the built-in demo server: same origin as its issuer, and the
 * issuer's path or below it. Compared as parsed URLs, so a trailing query or a different case of
 * the host does not matter; `localhost` and `127.0.0.1` are different names, as for the server.
 */
function isDemoServerEndpoint(endpoint: string, demo: DemoServerInfo | null): boolean {
  if (!demo) return false;
  try {
    const url = new URL(endpoint);
    const issuer = new URL(demo.issuer);
    const base = issuer.pathname.replace(/\/$/, '');
    return (
      url.origin === issuer.origin && (url.pathname === base || url.pathname.startsWith(`${base}/`))
    );
  } catch {
    return false;
  }
}

/**
 * The context of the request that was sent, derived from its model; `demo` is the session's
 * demo server (null when there is none), to recognise a request sent to it.
 */
export function requestContextOf(
  request: TokenRequest,
  demo: DemoServerInfo | null,
): RequestContext {
  const { input, basicByEncoding, clientAuthentication } = request;
  return {
    authMethod: clientAuthentication.method,
    encoding: input.encoding,
    basicEncodingsDiffer:
      clientAuthentication.method === 'client_secret_basic' &&
      basicByEncoding.raw.pair !== basicByEncoding.form.pair,
    scope: input.scope,
    tokenEndpoint: request.url,
    credentialsHaveStrayCharacters: checkCredentials(input, input.encoding).some((check) =>
      STRAY_CHARACTER_CHECKS.has(check.code),
    ),
    demoServer: isDemoServerEndpoint(request.url, demo),
  };
}

export interface Explanation {
  /** One line: what the answer means. */
  readonly meaning: string;
  /** What to check or change, most likely first, tied to the user's inputs. */
  readonly checks: readonly string[];
}

const OTHER_ENCODING: Record<CredentialEncoding, string> = {
  raw: 'RFC 6749 form-encoded first',
  form: 'Raw UTF-8',
};
const OTHER_METHOD: Record<ClientAuthMethod, string> = {
  client_secret_basic: 'Request body (client_secret_post)',
  client_secret_post: 'Basic header (client_secret_basic)',
};

const matches = (text: string | undefined, pattern: RegExp) => pattern.test(text ?? '');

/** Advice that only holds for Okta: left out when the request went to the demo server. */
const oktaOnly = (context: RequestContext, ...checks: string[]) =>
  context.demoServer ? [] : checks;

/**
 * Where a custom authorization server's token endpoint would be, for someone at Okta's org
 * authorization server: the user's own origin with `default`, the server every org has. Not the
 * Authorization server ID field: the endpoint may have been typed, and the field may already
 * say "default".
 */
function customServerEndpoint(tokenEndpoint: string): string {
  try {
    return `${new URL(tokenEndpoint).origin}/oauth2/default/v1/token`;
  } catch {
    return 'https://{yourOktaDomain}/oauth2/default/v1/token';
  }
}

/**
 * Explains an RFC 6749 §5.2 error (and Okta's well-known messages for this flow) in one line,
 * with what to check, using the user's own choices: e.g. `invalid_client` while the two
 * credential encodings differ suggests the other encoding.
 *
 * Does NOT know the server's configuration: the checks are the likely causes, most likely first.
 */
export function explainTokenError(error: TokenError, context: RequestContext): Explanation {
  const description = error.error_description;

  if (matches(description, /Proof Key for Code Exchange|browser requests to the token endpoint/i)) {
    return {
      meaning:
        'Okta refused the request because it came from a browser (it carried an Origin header).',
      checks: [
        "Send it from a server or a terminal (the curl command above), or through this page's proxy, which never forwards Origin.",
        'Browser apps should use the authorization code flow with PKCE instead of a client secret.',
      ],
    };
  }
  if (matches(description, /private_key_jwt/i)) {
    return {
      meaning:
        "This is Okta's org authorization server: it accepts only private_key_jwt client authentication for client credentials, never a client secret.",
      checks: [
        `Use a custom authorization server instead, e.g. the "default" one every org has: ${customServerEndpoint(context.tokenEndpoint)}.`,
        'Or switch the app to Public key / Private key authentication (private_key_jwt).',
      ],
    };
  }

  switch (error.error) {
    case 'invalid_client': {
      const checks: string[] = [];
      if (!context.demoServer && isOktaOrgAuthorizationServer(context.tokenEndpoint)) {
        checks.push(
          `This is Okta's org authorization server, which refuses client secrets in this flow: use a custom authorization server such as "default" (${customServerEndpoint(context.tokenEndpoint)}).`,
        );
      }
      if (context.authMethod === 'client_secret_basic' && context.basicEncodingsDiffer) {
        checks.push(
          context.demoServer
            ? `Your credentials read differently in the two encodings, and the demo server form-decodes Basic credentials (RFC 6749 §2.3.1). Switch Credential encoding to "${OTHER_ENCODING[context.encoding]}" and send again.`
            : `Your credentials read differently in the two encodings: this server may expect the other one. Switch Credential encoding to "${OTHER_ENCODING[context.encoding]}" and send again.`,
        );
      }
      if (context.credentialsHaveStrayCharacters) {
        checks.push(
          'A credential starts or ends with white space or holds invisible characters (see the warnings above): remove them.',
        );
      }
      checks.push(
        ...(context.demoServer
          ? [
              'The demo server knows only its own demo clients: choose one under Demo client and press Use demo server, which fills in its exact ID, secret and scope.',
            ]
          : [
              "Copy the client ID and secret again from the app's General tab (a rotated or regenerated secret invalidates the old one).",
            ]),
        `Try the other client authentication method, "${OTHER_METHOD[context.authMethod]}": a server registers each client for one method.`,
        ...oktaOnly(
          context,
          'Make sure the client belongs to this Okta org and this authorization server.',
        ),
      );
      return {
        meaning:
          'Client authentication failed: the server does not know this client ID, the secret is wrong, or the client may not authenticate this way.',
        checks,
      };
    }
    case 'invalid_scope': {
      if (matches(description, /scope' must be provided|default scopes/i) || context.scope === '') {
        return {
          meaning: 'No scope was requested and the authorization server has no default scope.',
          checks: context.demoServer
            ? ['Enter a scope of the demo client: Use demo server fills it in.']
            : [
                'Enter at least one custom scope in Scope (Okta: Security › API › Authorization Servers › your server › Scopes).',
                'Or mark a scope as a default scope on the authorization server.',
              ],
        };
      }
      return {
        meaning: `The server refused the scope "${context.scope}": it is unknown, not allowed for this client, or malformed.`,
        checks: [
          'Check the spelling and case of every scope (space-separated, RFC 6749 §3.3).',
          ...(context.demoServer
            ? [
                'Each demo client may request only its own scopes: Use demo server fills them in for the chosen client.',
              ]
            : [
                'Okta: the scope must exist on this authorization server (Scopes tab), and an access policy rule must grant it to this client.',
                "Okta's built-in OpenID scopes (openid, profile, …) are not allowed in the client credentials flow: use a custom scope.",
              ]),
        ],
      };
    }
    case 'unauthorized_client': {
      const configured = description
        ?.match(/Configured grant types?:?\s*\[?([^\]]*)\]?/i)?.[1]
        ?.trim();
      return {
        meaning: `This client may not use the client credentials grant${configured ? ` (its configured grant types: ${configured})` : ''}.`,
        checks: [
          ...oktaOnly(
            context,
            "Okta: use an API Services (machine-to-machine) app integration, or enable the Client Credentials grant type on the app's General tab.",
          ),
          "Check that the client is registered for the client_credentials grant, and that the server's access policy allows it for this client.",
        ],
      };
    }
    case 'unsupported_grant_type':
      return {
        meaning:
          'The server does not support the client_credentials grant type at this endpoint (or did not read grant_type).',
        checks: [
          'Send grant_type=client_credentials in an application/x-www-form-urlencoded body (RFC 6749 §4.4.2), not JSON or query parameters.',
          'Check that the URL is the token endpoint of a server that supports client credentials.',
        ],
      };
    case 'invalid_grant':
      return {
        meaning: 'The server refused the grant itself.',
        checks: [
          'In the client credentials flow this usually means the client is disabled or its access policy forbids this grant.',
        ],
      };
    case 'access_denied':
      return {
        meaning: 'An access policy refused this request (Okta: "Policy evaluation failed").',
        checks: [
          ...oktaOnly(
            context,
            'Okta: the authorization server needs an access policy assigned to this client with a rule allowing the Client Credentials grant and these scopes.',
          ),
          'Check that the policy and its rule are active.',
        ],
      };
    case 'invalid_request':
      return {
        meaning:
          'The request is malformed: a parameter is missing, repeated, or badly formatted, or the client authenticated in two ways at once.',
        checks: [
          description
            ? `The server said: "${description}".`
            : 'Read the error description, if any.',
          'Use exactly one client authentication method (RFC 6749 §2.3): the Basic header or the body, never both.',
          'The Authorization header must be "Basic " followed by one line of standard Base64 (RFC 7617).',
        ],
      };
    case 'invalid_dpop_proof':
    case 'use_dpop_nonce':
      return {
        meaning:
          'This app requires DPoP-bound tokens (RFC 9449); a plain client credentials request is refused.',
        checks: [
          'Turn off "Require Demonstrating Proof of Possession (DPoP) header in token requests" on the app, or send a DPoP proof.',
        ],
      };
    case 'server_error':
    case 'temporarily_unavailable':
      return {
        meaning:
          'The server failed or is overloaded; nothing in your request is necessarily wrong.',
        checks: ['Try again in a moment.'],
      };
    default:
      return {
        meaning: `The server answered with the error "${error.error}", which is not one of RFC 6749 §5.2's codes.`,
        checks: description ? [`The server said: "${description}".`] : [],
      };
  }
}

/** Okta's non-OAuth error shape (e.g. E0000022 for a wrong method or path). */
export function explainOktaApiError(error: OktaApiError): Explanation {
  return {
    meaning: `Okta answered with an API error (${error.errorCode}): ${error.errorSummary}`,
    checks: [
      'This usually means the URL is not a token endpoint: check the Okta domain and the authorization server ID.',
    ],
  };
}
