import type { AuthWay } from '../client-auth/auth-ways.ts';
import type { AnswerReading } from './evidence.ts';
import { NONE_HELPS, type Cause } from './causes.ts';
import { type Facts, answerInWords, quoteWay } from './facts.ts';

/*
 * The causes behind an error a server gives only after it authenticated the client (RFC 6749
 * §5.2: the scope, the grant, the resource, a policy): the credentials and the way they were sent
 * are then proven right, and the cause names what remains, with the scopes the page knows.
 */

/** The scopes the page knows this client or server allows, in words, or undefined. */
function knownScopes(facts: Facts): { readonly words: string; readonly list: string } | undefined {
  if (facts.demoClient)
    return {
      words: `the demo client "${facts.demoClient.label}" may request only "${facts.demoClient.scope}"`,
      list: facts.demoClient.scope,
    };
  const supported = facts.evidence.server.scopesSupported;
  if (supported && supported.length > 0)
    return {
      words: `the server's metadata lists only "${supported.join(' ')}" (scopes_supported)`,
      list: supported.join(' '),
    };
  return undefined;
}

export function afterAuthenticationCause(
  facts: Facts,
  answer: Extract<AnswerReading, { kind: 'oauth-error' }>,
  way: AuthWay | null,
): Cause | undefined {
  const authenticatedBy = `The server answered ${answerInWords(answer)}${way ? ` to ${quoteWay(way)}` : ''}, which it gives only after it authenticated the client: ${way ? 'the client ID, the secret and the way they were sent are right' : 'the client and its credentials are right'}.`;
  const said = (pattern: RegExp) => pattern.test(answer.description);
  switch (answer.error) {
    case 'invalid_scope': {
      const scopes = knownScopes(facts);
      if (facts.scope === '' || said(/scope' must be provided|default scopes/i))
        return {
          id: 'scope-missing',
          summary:
            'No scope was requested, and the server has no default scope for this client: it needs one.',
          evidence: [authenticatedBy, ...(scopes ? [`Known: ${scopes.words}.`] : [])],
          action: scopes
            ? `Set Scope to "${scopes.list}" (or one of those scopes) and send again.`
            : facts.okta
              ? 'Enter a custom scope of this authorization server in Scope (Okta: Security › API › Authorization Servers › your server › Scopes), or mark one as a default scope.'
              : 'Enter a scope the server defines for this client in Scope and send again.',
          ways: NONE_HELPS,
        };
      const requested = facts.scope.split(/\s+/);
      const allowed = scopes?.list.split(' ');
      const refused = allowed ? requested.filter((scope) => !allowed.includes(scope)) : [];
      const notConfigured = said(/not configured for the authorization server/i);
      return {
        id: 'scope-not-allowed',
        summary: `The server refuses the scope "${refused.length > 0 ? refused.join(' ') : facts.scope}": ${notConfigured ? 'it does not exist on this authorization server' : refused.length > 0 && scopes ? scopes.words : 'this client may not request it, or it does not exist'}.`,
        evidence: [
          authenticatedBy,
          ...(scopes ? [`Known: ${scopes.words}.`] : []),
          ...(/^(openid|profile|email|address|phone|offline_access)$/.test(
            refused[0] ?? facts.scope,
          )
            ? [
                'OpenID scopes (openid, profile, …) name a user; the client credentials flow has none.',
              ]
            : []),
        ],
        action: scopes
          ? `Set Scope to "${allowed?.filter((scope) => requested.includes(scope)).join(' ') || scopes.list}" and send again.`
          : facts.okta
            ? 'Request a custom scope of this authorization server (Scopes tab), allowed for this client by an access policy rule.'
            : 'Request a scope the server registered for this client (check spelling and case, RFC 6749 §3.3).',
        ways: NONE_HELPS,
      };
    }
    case 'unauthorized_client': {
      const configured = answer.description
        .match(/Configured grant types?:?\s*\[?([^\]]*)\]?/i)?.[1]
        ?.trim();
      return {
        id: 'grant-not-allowed',
        summary: `This client may not use the client credentials grant${configured ? ` (its configured grant types: ${configured})` : ''}.`,
        evidence: [authenticatedBy],
        action: facts.okta
          ? "Use an API Services (machine-to-machine) app integration, or enable the Client Credentials grant type on the app's General tab."
          : 'Register the client for the client_credentials grant at the server.',
        ways: NONE_HELPS,
      };
    }
    case 'unsupported_grant_type':
      return {
        id: 'grant-unsupported',
        summary:
          'The server does not support the client credentials grant at this endpoint, or did not read grant_type.',
        evidence: [authenticatedBy],
        action:
          'Check that this server supports client credentials (its metadata lists grant_types_supported); the page sends grant_type=client_credentials in a form body (RFC 6749 §4.4.2).',
        ways: NONE_HELPS,
      };
    case 'invalid_grant':
      return {
        id: 'grant-refused',
        summary:
          'The server refused the grant itself (RFC 6749 §5.2; for a JWT bearer grant, RFC 7523 §3.1: the assertion).',
        evidence: [authenticatedBy],
        action:
          'Check at the server that the client is enabled and its policy allows the client credentials grant.',
        ways: NONE_HELPS,
      };
    case 'invalid_target':
      return {
        id: 'resource-refused',
        summary: 'The server refuses the resource (audience) requested (RFC 8707 §2).',
        evidence: [authenticatedBy],
        action: 'Request a resource this server issues tokens for, or none (its default).',
        ways: NONE_HELPS,
      };
    case 'access_denied':
      return {
        id: 'policy-denied',
        summary: `An access policy refused this request${said(/policy evaluation failed/i) ? ' (Okta: "Policy evaluation failed")' : ''}.`,
        evidence: [authenticatedBy],
        action: facts.okta
          ? 'Assign an access policy to this client on the authorization server, with an active rule allowing the Client Credentials grant and these scopes.'
          : "Check the server's access policy for this client and scope.",
        ways: NONE_HELPS,
      };
    default:
      return undefined;
  }
}
