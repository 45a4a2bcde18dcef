import type { AuthWay } from '../client-auth/auth-ways.ts';
import type { CredentialField } from '../credentials/credential-checks.ts';
import type { PasteRemovals, PastedLineBreaks } from '../credentials/paste-cleanup.ts';
import type { ProxyFailureCode } from '../proxy/proxy-error-help.ts';
import type { DemoServerInfo } from '../proxy/proxy-protocol.ts';
import type { TokenRequest } from '../request/token-request.ts';
import type { ParsedTokenResponse } from '../token/token-response.ts';
import type { ServerPresetId } from '../server-presets/server-choice.ts';
import { refusesTheClientItself } from './vendor-causes.ts';

/**
 * What one answer says, read once so every rule reads it the same way. The order of the checks
 * in `readAnswer` matters: a 404 carrying an OAuth error body (oidc-provider's "unrecognized
 * route") is a wrong URL, not a malformed request.
 */
export type AnswerReading =
  | { readonly kind: 'token'; readonly status: number }
  | {
      readonly kind: 'oauth-error';
      readonly status: number;
      /** RFC 6749 §5.2 `error`. */
      readonly error: string;
      /** `error_description`, `''` when absent. */
      readonly description: string;
      /** The `WWW-Authenticate` header, `''` when absent. */
      readonly challenge: string;
    }
  | {
      /** 404, 405, a redirect, an HTML page, or Okta's management-API error shape. */
      readonly kind: 'not-a-token-endpoint';
      readonly status: number;
      /** What showed it, in words ("it answered 404 Not Found"). */
      readonly shown: string;
    }
  | {
      /** A plain-text 401 with `WWW-Authenticate: Basic`: a generic HTTP Basic reader (passport-http). */
      readonly kind: 'basic-challenge';
      readonly status: number;
      readonly challenge: string;
    }
  | { readonly kind: 'proxy-failure'; readonly code: ProxyFailureCode; readonly message: string }
  | { readonly kind: 'other'; readonly status: number; readonly shown: string };

/** An answer as the page holds it: status, real header names, body, and its RFC 6749 reading. */
export interface ReadableAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly parsed: ParsedTokenResponse;
}

/**
 * The errors a server gives only after it authenticated the client (RFC 6749 §5.2: they concern
 * the grant, the scope or the resource, which the server checks for a known client). Measured on
 * both demo servers: with a wrong secret the same requests answer `invalid_client` instead.
 */
const AFTER_AUTHENTICATION = new Set([
  'invalid_scope',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_grant',
  'invalid_target',
  'access_denied',
]);

const STATUS_TEXT: Readonly<Record<number, string>> = {
  404: 'Not Found',
  405: 'Method Not Allowed',
};

/** Reads an answer: what kind of answer it is, before any rule looks at the details. */
export function readAnswer({ status, headers, parsed }: ReadableAnswer): AnswerReading {
  const challenge = headers.get('www-authenticate') ?? '';
  if (status === 404 || status === 405) {
    const said =
      parsed.kind === 'oauth-error' && parsed.error.error_description
        ? ` ("${parsed.error.error_description}")`
        : '';
    return {
      kind: 'not-a-token-endpoint',
      status,
      shown: `it answered ${status} ${STATUS_TEXT[status]}${said}`,
    };
  }
  if (status >= 300 && status < 400) {
    const location = headers.get('location');
    return {
      kind: 'not-a-token-endpoint',
      status,
      shown: `it answered with a redirect (${status})${location ? ` to ${location}` : ''}`,
    };
  }
  switch (parsed.kind) {
    case 'token':
      return { kind: 'token', status };
    case 'oauth-error':
      return {
        kind: 'oauth-error',
        status,
        error: parsed.error.error,
        description: parsed.error.error_description ?? '',
        challenge,
      };
    case 'okta-error':
      return {
        kind: 'not-a-token-endpoint',
        status,
        shown: `it answered with an Okta API error (${parsed.error.errorCode}: ${parsed.error.errorSummary}), not an OAuth one`,
      };
    case 'unrecognized':
      // A 5xx page comes from the server or a gateway in front of it failing, not from a wrong URL.
      if (
        status < 500 &&
        (/html/i.test(headers.get('content-type') ?? '') || /HTML page/.test(parsed.reason))
      )
        return {
          kind: 'not-a-token-endpoint',
          status,
          shown: `it answered ${status} with an HTML page`,
        };
      if (status === 401 && /^\s*basic\b/i.test(challenge))
        return { kind: 'basic-challenge', status, challenge: challenge.trim() };
      // The parser's words for a 5xx page would call it "not a token endpoint": say what it is.
      if (status >= 500)
        return {
          kind: 'other',
          status,
          shown: `The server answered ${status} with ${/HTML page/.test(parsed.reason) || /html/i.test(headers.get('content-type') ?? '') ? 'an error page' : 'no OAuth error'}.`,
        };
      return { kind: 'other', status, shown: parsed.reason };
  }
}

/** True when the answer shows that the server authenticated the client: a token, or an error it gives only after. */
export function authenticated(answer: AnswerReading): boolean {
  return (
    answer.kind === 'token' ||
    (answer.kind === 'oauth-error' &&
      AFTER_AUTHENTICATION.has(answer.error) &&
      !refusesTheClientItself(answer))
  );
}

/** True when the answer refuses the client's authentication itself. */
export function refusedAuthentication(answer: AnswerReading): boolean {
  return (
    answer.kind === 'basic-challenge' ||
    (answer.kind === 'oauth-error' &&
      (answer.error === 'invalid_client' || refusesTheClientItself(answer)))
  );
}

/** One earlier request for the same endpoint, credentials and scope, and what came back. */
export interface WayOutcome {
  /** `null` for private_key_jwt, which is none of the secret ways. */
  readonly way: AuthWay | null;
  readonly answer: AnswerReading;
}

/** What the page knows of servers beyond this answer. */
export interface ServerKnowledge {
  /** The playground's built-in demo servers, with their clients (public on purpose). */
  readonly demos: readonly DemoServerInfo[];
  /** `scopes_supported` from the issuer's metadata (RFC 8414 §2), when it was fetched. */
  readonly scopesSupported?: readonly string[];
  /** The `Server` the reader chose, which names the vendor even on a custom domain. */
  readonly preset?: ServerPresetId;
}

/** Everything a diagnosis may use: it says nothing the evidence does not support. */
export interface Evidence {
  /** The request as it was sent (the model), not the form as it is now. */
  readonly request: TokenRequest;
  readonly answer: AnswerReading;
  /** The answer's headers: a client assertion's explanation compares the server's Date with the page's clock. */
  readonly answerHeaders?: Headers;
  /** When the page sent it, by its own clock (epoch ms): clock skew is judged by it. */
  readonly sentAt?: number;
  /** Earlier requests for the same endpoint, credentials and scope, oldest first; this one excluded. */
  readonly attempts: readonly WayOutcome[];
  readonly server: ServerKnowledge;
  readonly pasted: PasteRemovals;
}

/**
 * The pasted-text note for one field, when the request still sends the value that paste left:
 * the pasted line breaks then say something about what was sent.
 */
export function pastedInto(
  evidence: Evidence,
  field: CredentialField,
): PastedLineBreaks | undefined {
  const note = evidence.pasted[field];
  const sent =
    field === 'clientId' ? evidence.request.input.clientId : evidence.request.input.clientSecret;
  return note && note.count > 0 && note.leftValue === sent ? note : undefined;
}

/**
 * The demo server a request went to, if any: same origin as its issuer, and the issuer's path or
 * below. Compared as parsed URLs, so a query or the case of the host does not matter.
 */
export function demoServerOf(
  endpoint: string,
  demos: readonly DemoServerInfo[],
): DemoServerInfo | undefined {
  return demos.find((demo) => {
    try {
      const url = new URL(endpoint);
      const issuer = new URL(demo.issuer);
      const base = issuer.pathname.replace(/\/$/, '');
      return (
        url.origin === issuer.origin &&
        (url.pathname === base || url.pathname.startsWith(`${base}/`))
      );
    } catch {
      return false;
    }
  });
}

/**
 * Okta's hosts (`*.okta.com`, `*.oktapreview.com`, `*.okta-emea.com`, …) and, for custom domains,
 * Okta's token endpoint paths (`/oauth2/v1/token`, `/oauth2/{id}/v1/token`).
 */
export function isOktaEndpoint(endpoint: string): boolean {
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
