import { encodeBasicCredentials } from '../credentials/credentials.ts';
import { CLIENT_AUTH } from '../client-auth/methods.ts';
import { formUrlEncodeBody } from '../encoding/form-urlencode.ts';
import type { HeaderList, TokenRequestInput } from '../request/token-request.ts';

/** An introspection (RFC 7662 §2.1) or revocation (RFC 7009 §2.1) request, ready for the proxy. */
export interface TokenLifeRequest {
  readonly method: 'POST';
  readonly url: string;
  readonly headers: HeaderList;
  /** `application/x-www-form-urlencoded`: `token`, `token_type_hint`, then the method's fields. */
  readonly body: string;
}

/**
 * Builds a request about `token` to `endpoint`, authenticated exactly as the token request was
 * (`input`: the same client, method and encoding; RFC 7662 §2.1 and RFC 7009 §2.1 both require
 * client authentication as at the token endpoint). For the methods that sign an assertion, `input`
 * must carry one signed for THIS endpoint (its `aud`), single use like every assertion.
 *
 * Does NOT check the endpoint or the token, and does NOT send anything.
 */
export function buildTokenLifeRequest(
  endpoint: string,
  token: string,
  input: TokenRequestInput,
): TokenLifeRequest {
  const basic = encodeBasicCredentials(input, input.encoding);
  const wire = CLIENT_AUTH[input.authMethod].onTheWire({ ...input, basic });
  const headers: Array<[string, string]> = [['accept', 'application/json']];
  if (wire.authorization !== undefined) headers.push(['authorization', wire.authorization]);
  headers.push(['content-type', 'application/x-www-form-urlencoded']);
  return {
    method: 'POST',
    url: endpoint.trim(),
    headers,
    body: formUrlEncodeBody([
      ['token', token],
      // The token endpoint issued an access token: say so, the server looks there first.
      ['token_type_hint', 'access_token'],
      ...wire.fieldsBeforeScope,
      ...wire.fieldsAfterScope,
    ]),
  };
}
