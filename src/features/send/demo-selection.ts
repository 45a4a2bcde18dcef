import type { ClientAuthMethod } from '../../core/client-auth/method.ts';
import { CLIENT_AUTH } from '../../core/client-auth/methods.ts';
import type { DemoClient } from '../../core/proxy/proxy-protocol.ts';
import type { FormChange } from '../../core/request/request-form.ts';

/** The private key field as choosing a demo key client writes it: the client's published key. */
const publishedKeyText = (client: DemoClient): string | undefined =>
  client.privateKeyJwk ? JSON.stringify(client.privateKeyJwk, null, 2) : undefined;

/**
 * Whether choosing `client` would replace a private key the reader generated or pasted (one that
 * is not this client's published key): then the key stays, and the page says how to use it.
 */
export function keepsOwnKey(client: DemoClient, currentKey: string | undefined): boolean {
  const published = publishedKeyText(client);
  return published !== undefined && (currentKey ?? '').trim() !== '' && currentKey !== published;
}

/**
 * The demo client `Use demo server` picks until the reader picks one: the first that accepts the
 * chosen method, among those that require DPoP when it is on (and those that do not when it is
 * off, so the Okta-style client stays the default); the first client when none accepts it.
 */
export function defaultDemoClientIndex(
  clients: readonly DemoClient[],
  method: ClientAuthMethod,
  dpop: boolean,
): number {
  const accepting = CLIENT_AUTH[method].demoClientMethod ?? method;
  const matches = (client: DemoClient) => client.authMethod === accepting;
  const best = clients.findIndex(
    (client) => matches(client) && (client.dpopBound === true) === dpop,
  );
  return best >= 0 ? best : Math.max(0, clients.findIndex(matches));
}

/**
 * What choosing a demo client fills in: the demo server's token endpoint, the client's ID and
 * scope, and what it authenticates with. `current` is the method chosen before: it stays when
 * the client's registration accepts it (a client_secret_basic client takes client_secret_post
 * too); otherwise the client's own method is chosen. A key client's published key fills the key
 * field unless the reader's own key is there (`keepsOwnKey`).
 */
export function demoSelection(
  tokenEndpoint: string,
  client: DemoClient,
  current: ClientAuthMethod,
  currentKey?: string,
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
    // A client registered with dpop_bound_access_tokens is refused without a proof (RFC 9449 §5.2).
    ...(client.dpopBound ? { dpop: true } : {}),
    // The key client signs with its published key (public on purpose, like the demo secrets).
    ...(client.privateKeyJwk && !keepsOwnKey(client, currentKey)
      ? { privateKey: publishedKeyText(client) }
      : {}),
  };
}
