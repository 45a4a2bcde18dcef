import type { ClientAuthMethod } from '../../core/client-auth/method.ts';
import { CLIENT_AUTH } from '../../core/client-auth/methods.ts';
import type { DemoClient } from '../../core/proxy/proxy-protocol.ts';
import type { FormChange } from '../../core/request/request-form.ts';

/**
 * What choosing a demo client fills in: the demo server's token endpoint, the client's ID and
 * scope, and what it authenticates with. `current` is the method chosen before: it stays when
 * the client's registration accepts it (a client_secret_basic client takes client_secret_post
 * too); otherwise the client's own method is chosen.
 */
export function demoSelection(
  tokenEndpoint: string,
  client: DemoClient,
  current: ClientAuthMethod,
): FormChange {
  const authMethod =
    (CLIENT_AUTH[current].demoClientMethod ?? current) === client.authMethod
      ? current
      : client.authMethod;
  return {
    tokenEndpointOverride: { url: tokenEndpoint, source: 'demo' },
    clientId: client.clientId,
    scope: client.scope,
    authMethod,
    clientSecret: client.clientSecret,
    // The key client signs with its published key (public on purpose, like the demo secrets).
    ...(client.privateKeyJwk ? { privateKey: JSON.stringify(client.privateKeyJwk, null, 2) } : {}),
  };
}
