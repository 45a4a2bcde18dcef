import type { FormChange, FormState } from '../core/request/request-form.ts';
import type { TokenRequest } from '../core/request/token-request.ts';

/**
 * What the credentials and endpoint sections show, read from the one form state and request
 * model: the tool and guided mode draw the same sections from the same values.
 */
export function credentialsSectionProps(
  form: FormState,
  request: TokenRequest,
  onChange: (change: FormChange) => void,
) {
  return {
    authMethod: form.authMethod,
    clientId: form.clientId,
    clientSecret: form.clientSecret,
    encoding: form.encoding,
    basicByEncoding: request.basicByEncoding,
    fromDemo: form.tokenEndpointOverride?.source === 'demo',
    onChange,
  };
}

export function endpointSectionProps(
  form: FormState,
  request: TokenRequest,
  onChange: (change: FormChange) => void,
) {
  return {
    domain: form.domain,
    authServerId: form.authServerId,
    tokenEndpoint: request.input.tokenEndpoint,
    tokenEndpointSource: form.tokenEndpointOverride?.source ?? null,
    scope: form.scope,
    authMethod: form.authMethod,
    onChange,
  };
}
