import type { AssertionContext } from './assertion-error-help.ts';
import { isOktaOrgAuthorizationServer } from '../endpoint/token-endpoint.ts';
import type { TokenRequest } from '../request/token-request.ts';

/**
 * What `explainAssertionError` needs about a request that carried a client assertion: its endpoint,
 * client, the assertion's header and claims (never the JWT itself), when it was sent by the
 * page's clock, and the server's clock from the answer's `Date` header (RFC 9110 §6.6.1), when
 * there is a readable one. `null` for the secret methods, or a request that carried no assertion.
 */
export function assertionContextOf(
  request: TokenRequest,
  demoServer: boolean,
  sentAtMs: number,
  answerHeaders: Headers,
): AssertionContext | null {
  const { clientAuthentication } = request;
  if (!('assertion' in clientAuthentication) || !clientAuthentication.assertion) return null;
  const { claims, header } = clientAuthentication.assertion;
  const date = Date.parse(answerHeaders.get('date') ?? '');
  return {
    method: clientAuthentication.method,
    tokenEndpoint: request.url,
    clientId: request.input.clientId,
    claims,
    header,
    sentAt: Math.floor(sentAtMs / 1000),
    ...(Number.isNaN(date) ? {} : { serverDate: Math.floor(date / 1000) }),
    demoServer,
    oktaOrgServer: isOktaOrgAuthorizationServer(request.url),
  };
}
