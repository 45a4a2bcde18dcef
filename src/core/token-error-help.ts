import { waysTried, type AttemptHistory } from './attempt-history.ts';
import { AUTH_WAY_LABEL, type AuthWay } from './auth-ways.ts';
import { checkCredentials } from './credential-checks.ts';
import { hasNonVscharCredentials } from './find-what-works.ts';
import type { DemoBasicCredentials, DemoServerInfo } from './proxy-protocol.ts';
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
  /** True when the request went to one of the playground's built-in demo servers: no Okta advice then. */
  readonly demoServer: boolean;
  /** How that demo server reads Basic credentials; null when the request went elsewhere. */
  readonly demoBasicCredentials: DemoBasicCredentials | null;
  /** True when the endpoint looks like Okta's (an Okta host, or Okta's `/oauth2/…/v1/token` path). */
  readonly oktaServer: boolean;
  /**
   * The ways already tried for the same endpoint, credentials and scope since the page was
   * opened, this request's own included: advice never suggests one of them again.
   */
  readonly triedWays: ReadonlySet<AuthWay>;
  readonly clientIdHasColon: boolean;
  readonly secretHasColon: boolean;
  /** A client ID or secret holds characters outside VSCHAR (RFC 6749 Appendix A). */
  readonly nonVschar: boolean;
}

const STRAY_CHARACTER_CHECKS = new Set([
  'edge-whitespace',
  'invisible-character',
  'control-character',
]);

/**
 * Whether `endpoint` belongs to a built-in demo server: same origin as its issuer, and the
 * issuer's path or below it. Compared as parsed URLs, so a trailing query or a different case of
 * the host does not matter; `localhost` and `127.0.0.1` are different names, as for the server.
 */
function isDemoServerEndpoint(endpoint: string, demo: DemoServerInfo): boolean {
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
 * Okta's hosts (`*.okta.com`, `*.oktapreview.com`, `*.okta-emea.com`, …) and, for custom
 * domains, Okta's token endpoint paths (`/oauth2/v1/token`, `/oauth2/{id}/v1/token`). Okta-only
 * advice (the app's General tab, "this Okta org") is given only there.
 */
function isOktaEndpoint(endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    return (
      /(^|\.)(okta|oktapreview|okta-emea|okta-gov|okta-mil)\.com$/i.test(url.hostname) ||
      /^\/oauth2\/([^/]+\/)?v1\/token\/?$/.test(url.pathname)
    );
  } catch {
    return false;
  }
}

/**
 * The context of the request that was sent, derived from its model; `demos` are the session's
 * demo servers, to recognise a request sent to one; `history` the attempts since the page was
 * opened (memory only), so advice never repeats a way already tried for the same inputs.
 */
export function requestContextOf(
  request: TokenRequest,
  demos: readonly DemoServerInfo[],
  history: AttemptHistory = [],
): RequestContext {
  const { input, basicByEncoding, clientAuthentication } = request;
  const demo = demos.find((server) => isDemoServerEndpoint(request.url, server));
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
    demoServer: demo !== undefined,
    demoBasicCredentials: demo ? (demo.basicCredentials ?? 'form-decoded') : null,
    oktaServer: demo === undefined && isOktaEndpoint(request.url),
    triedWays: waysTried(history, request),
    clientIdHasColon: input.clientId.includes(':'),
    secretHasColon: input.clientSecret.includes(':'),
    nonVschar: hasNonVscharCredentials(input),
  };
}

export interface Explanation {
  /** One line: what the answer means. */
  readonly meaning: string;
  /** What to check or change, most likely first, tied to the user's inputs. */
  readonly checks: readonly string[];
}

const ENCODING_LABEL: Record<CredentialEncoding, string> = {
  raw: 'Raw UTF-8',
  form: 'RFC 6749 form-encoded first',
};
const OTHER_ENCODING: Record<CredentialEncoding, CredentialEncoding> = { raw: 'form', form: 'raw' };
const BASIC_WAY: Record<CredentialEncoding, AuthWay> = { raw: 'basic-raw', form: 'basic-form' };
const POST_LABEL = 'Request body (client_secret_post)';

const matches = (text: string | undefined, pattern: RegExp) => pattern.test(text ?? '');

/** Advice that only holds for Okta: given only when the endpoint is Okta's (issue 10, defect 9). */
const oktaOnly = (context: RequestContext, ...checks: string[]) =>
  context.oktaServer ? checks : [];

/**
 * "Switch the encoding" when the other Basic encoding sends different bytes, has not been tried
 * for these inputs, and can help: at a demo server the page knows which one it reads.
 */
function encodingSwitch(context: RequestContext): string | undefined {
  if (context.authMethod !== 'client_secret_basic' || !context.basicEncodingsDiffer)
    return undefined;
  const other = OTHER_ENCODING[context.encoding];
  if (context.triedWays.has(BASIC_WAY[other])) return undefined;
  const demoReads = context.demoBasicCredentials;
  if (demoReads === 'form-decoded' && other === 'raw') return undefined;
  if (demoReads === 'raw' && other === 'form') return undefined;
  const why =
    demoReads === 'form-decoded'
      ? 'this demo server form-decodes Basic credentials (RFC 6749 §2.3.1)'
      : demoReads === 'raw'
        ? 'this demo server takes the raw bytes of Basic credentials'
        : 'this server may expect the other one';
  return `Your credentials read differently in the two encodings, and ${why}. Switch Credential encoding to "${ENCODING_LABEL[other]}" and send again.`;
}

/** "Try client_secret_post" (or back to Basic) unless that was already tried for these inputs. */
function methodSwitch(context: RequestContext): string | undefined {
  if (context.authMethod === 'client_secret_basic') {
    if (context.triedWays.has('post')) return undefined;
    return `Try the other client authentication method, "${POST_LABEL}": a server registers each client for one method, and a body is read without the Basic header's pitfalls.`;
  }
  if (context.triedWays.has('basic-raw') && context.triedWays.has('basic-form')) return undefined;
  return 'Try the other client authentication method, "Basic header (client_secret_basic)": a server registers each client for one method.';
}

/** True when every way of sending these credentials has been tried and refused. */
const everyWayTried = (context: RequestContext) =>
  (['basic-raw', 'basic-form', 'post'] as const).every((way) => context.triedWays.has(way));

/** The org authorization server's one accepted method, as the page offers it (issue 14). */
const PRIVATE_KEY_JWT_WAY_FORWARD =
  'Or keep this server and authenticate with a key: choose Client authentication "Private key JWT (private_key_jwt)", make or paste a key pair, and add its public key to the app (General tab › Client Credentials › Public key / Private key).';

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
        PRIVATE_KEY_JWT_WAY_FORWARD,
      ],
    };
  }

  switch (error.error) {
    case 'invalid_client': {
      const checks: string[] = [];
      if (context.oktaServer && isOktaOrgAuthorizationServer(context.tokenEndpoint)) {
        checks.push(
          `This is Okta's org authorization server, which refuses client secrets in this flow: use a custom authorization server such as "default" (${customServerEndpoint(context.tokenEndpoint)}).`,
          PRIVATE_KEY_JWT_WAY_FORWARD,
        );
      }
      if (everyWayTried(context)) {
        checks.push(
          `All three ways of sending these credentials were tried (${Object.values(AUTH_WAY_LABEL).join(', ')}) and refused: the way of sending is not the problem. The client ID or secret is wrong, or the client may not authenticate this way.`,
        );
      }
      const encoding = encodingSwitch(context);
      if (encoding) checks.push(encoding);
      if (
        context.clientIdHasColon &&
        context.authMethod === 'client_secret_basic' &&
        !context.triedWays.has('post')
      ) {
        checks.push(
          `Your client ID contains ":", which a raw Basic header cannot carry (RFC 7617 §2); servers that read Basic raw cannot read the form-encoded "%3A" either. Use "${POST_LABEL}".`,
        );
      } else if (
        context.secretHasColon &&
        context.authMethod === 'client_secret_basic' &&
        !context.triedWays.has('post')
      ) {
        checks.push(
          `Your secret contains ":": RFC 7617 allows it, but some servers (passport-http's BasicStrategy) cut the secret at a second ":". "${POST_LABEL}" carries it whole.`,
        );
      }
      if (context.credentialsHaveStrayCharacters) {
        checks.push(
          'A credential starts or ends with white space or holds invisible characters (see the warnings above): remove them.',
        );
      }
      checks.push(
        context.demoServer
          ? 'The demo server knows only its own demo clients: choose one under Demo client and press Use demo server, which fills in its exact ID, secret and scope.'
          : context.oktaServer
            ? "Copy the client ID and secret again from the app's General tab (a rotated or regenerated secret invalidates the old one)."
            : 'Copy the client ID and secret again from where the client was registered (a rotated or regenerated secret invalidates the old one).',
      );
      const method = methodSwitch(context);
      if (method) checks.push(method);
      checks.push(
        ...oktaOnly(
          context,
          'Make sure the client belongs to this Okta org and this authorization server.',
        ),
      );
      return {
        meaning:
          'Client authentication failed: the server does not know this client ID, the secret is wrong, or the client may not authenticate this way.',
        checks: [...new Set(checks)],
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
    case 'invalid_request': {
      if (matches(description, /not properly encoded/i) && !context.nonVschar) {
        // oidc-provider: the raw credentials hold a "%" not followed by two hex digits.
        const formTried = context.triedWays.has('basic-form');
        return {
          meaning:
            'The server form-decodes the credentials in the Basic header (RFC 6749 §2.3.1) and could not decode yours: sent raw, a "%" not followed by two hex digits is not valid form-encoding.',
          checks: [
            formTried
              ? `Use "${POST_LABEL}".`
              : `Switch Credential encoding to "${ENCODING_LABEL.form}" and send again: this server expects it.`,
          ],
        };
      }
      // @node-oauth/oauth2-server's refusal, and oidc-provider's, which finds non-VSCHAR
      // characters only after decoding and calls them "not properly encoded".
      if (
        matches(description, /invalid parameter: `?client_(secret|id)`?|not properly encoded/i) &&
        context.nonVschar
      ) {
        return {
          meaning:
            'The server refuses characters outside visible ASCII in a client ID or secret (VSCHAR, RFC 6749 Appendix A), however they are sent: no encoding or method can carry these credentials to it.',
          checks: [
            'Regenerate the secret in the admin console until it is plain ASCII (an Okta-style secret is), or use a server that accepts these characters.',
          ],
        };
      }
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
    }
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

/**
 * An answer that is not an OAuth response but still says something (issue 10, defect 2): a 401
 * in plain text with `WWW-Authenticate: Basic` comes from a generic HTTP Basic reader (e.g.
 * passport-http's BasicStrategy), which takes the raw bytes and cuts the secret at a second ":".
 * Undefined when there is nothing to add to "not a token response".
 */
export function explainUnrecognizedAnswer(
  status: number,
  headers: Headers,
  context: RequestContext,
): Explanation | undefined {
  const challenge = headers.get('www-authenticate') ?? '';
  if (status !== 401 || !/^\s*basic\b/i.test(challenge)) return undefined;
  const checks: string[] = [];
  if (context.authMethod === 'client_secret_basic' && !context.triedWays.has('post'))
    checks.push(
      `Try "${POST_LABEL}": such servers often read the body's client_id and client_secret with another reader, without the Basic header's pitfalls.`,
    );
  if (context.secretHasColon)
    checks.push(
      'Your secret contains ":": a generic Basic reader may keep only the part before the second ":".',
    );
  if (context.clientIdHasColon)
    checks.push(
      'Your client ID contains ":", which a raw Basic header cannot carry (RFC 7617 §2).',
    );
  checks.push('Check the client ID and secret.');
  return {
    meaning: `The server refused the credentials with a plain HTTP Basic challenge (${challenge.trim()}), not an OAuth error: a generic Basic reader, which takes the raw bytes and does not form-decode them.`,
    checks,
  };
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
