import type { ChoiceWords } from './choice-labels.ts';
import type { SignedAssertion } from './client-assertion.ts';
import { clientSecretBasic } from './client-secret-basic.ts';
import { clientSecretJwt } from './client-secret-jwt.ts';
import { clientSecretPost } from './client-secret-post.ts';
import type {
  ClientAuthDefinition,
  ClientAuthentication,
  ClientAuthMethod,
  CredentialsInput,
} from './method.ts';
import { privateKeyJwt } from './private-key-jwt.ts';

/**
 * Every client authentication method the page offers, in the order the `Client authentication`
 * choice lists them. A `Record` over `ClientAuthMethod`: a new method does not compile until it is
 * here, with everything its definition declares.
 */
export const CLIENT_AUTH: { readonly [M in ClientAuthMethod]: ClientAuthDefinition<M> } = {
  client_secret_basic: clientSecretBasic,
  client_secret_post: clientSecretPost,
  client_secret_jwt: clientSecretJwt,
  private_key_jwt: privateKeyJwt,
};

export const CLIENT_AUTH_METHODS = Object.keys(CLIENT_AUTH) as readonly ClientAuthMethod[];

export function isClientAuthMethod(value: unknown): value is ClientAuthMethod {
  return typeof value === 'string' && Object.hasOwn(CLIENT_AUTH, value);
}

/** The options of the `Client authentication` choice, each with its value. */
export const AUTH_METHOD_OPTIONS: ReadonlyArray<
  ChoiceWords & { readonly value: ClientAuthMethod }
> = CLIENT_AUTH_METHODS.map((value) => ({ value, ...CLIENT_AUTH[value].words }));

/** The client assertion a request carries, for the methods that sign one (else null). */
export function assertionOf(authentication: ClientAuthentication): SignedAssertion | null {
  return 'assertion' in authentication ? authentication.assertion : null;
}

/**
 * What the user still has to do before the request outputs mean anything, in words ("Enter a
 * client ID and secret"), or `null` when nothing is missing: the chosen method's own check.
 * Absent method: the guide's Basic header.
 */
export function missingCredentials(
  input: CredentialsInput & { readonly authMethod?: ClientAuthMethod },
): string | null {
  return CLIENT_AUTH[input.authMethod ?? 'client_secret_basic'].missing(input);
}
