import type { FormChange, FormState } from '../core/request/request-form.ts';
import type { TokenRequest } from '../core/request/token-request.ts';
import type { ServerPreset } from '../core/server-presets/preset.ts';
import type { ServerPresetId } from '../core/server-presets/server-choice.ts';

// What choosing another server changes loads with the presets, when a server is chosen.
const loadSwitchServer = () => import('../core/server-presets/switch-server.ts');

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

/**
 * The `Server` whose own error texts explain an answer: the chosen one while the endpoint follows
 * its fields or its discovery; a typed, linked or demo endpoint may be any server's.
 */
export function serverOfEndpoint(form: FormState): ServerPresetId | undefined {
  const source = form.tokenEndpointOverride?.source;
  return source === undefined || source === 'discovery' ? form.server : undefined;
}

export function endpointSectionProps(
  form: FormState,
  request: TokenRequest,
  onChange: (change: FormChange) => void,
  preset: ServerPreset | null,
) {
  return {
    server: form.server,
    preset,
    onServerChange: (server: ServerPresetId) => {
      void loadSwitchServer().then(({ switchServer }) =>
        onChange(switchServer(form, server, request.url)),
      );
    },
    domain: form.domain,
    authServerId: form.authServerId,
    tenant: form.tenant,
    baseUrl: form.baseUrl,
    realm: form.realm,
    userPoolId: form.userPoolId,
    audience: form.audience,
    resources: form.resources,
    extraParameters: form.extraParameters,
    tokenEndpoint: request.input.tokenEndpoint,
    tokenEndpointSource: form.tokenEndpointOverride?.source ?? null,
    scope: form.scope,
    authMethod: form.authMethod,
    onChange,
  };
}
