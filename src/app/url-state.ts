import type { CredentialEncoding } from '../core/credentials/credentials.ts';
import type { ClientAuthMethod } from '../core/client-auth/method.ts';
import { CLIENT_AUTH, CLIENT_AUTH_METHODS } from '../core/client-auth/methods.ts';
import { initialFormState, type FormState } from '../core/request/request-form.ts';
import { SERVER_CHOICE, type ServerPresetId } from '../core/server-presets/server-choice.ts';

/** URL parameters that must never carry a secret: read only to say they were ignored. */
const SECRET_PARAMS = ['secret', 'client_secret', 'clientSecret'] as const;

/** The method each `auth=` value names (README, Contracts), from the methods' definitions. */
const AUTH_PARAM: Record<string, ClientAuthMethod> = Object.fromEntries(
  CLIENT_AUTH_METHODS.map((method) => [CLIENT_AUTH[method].urlValue, method]),
);
const ENCODING_PARAM: Record<string, CredentialEncoding> = { raw: 'raw', form: 'form' };
/** `server=`: the preset ids are the values (README, Contracts). */
const SERVER_PARAM: Record<string, ServerPresetId> = Object.fromEntries(
  Object.keys(SERVER_CHOICE).map((id) => [id, id as ServerPresetId]),
);
/** The presets' own non-secret fields and `audience`, each under a URL parameter of its name. */
const PRESET_FIELD_PARAMS = ['tenant', 'baseUrl', 'realm', 'userPoolId', 'audience'] as const;

/** `theme=`: `auto` follows the reader's system setting, like no parameter at all. */
export type Theme = 'light' | 'dark' | 'auto';
const THEME_PARAM: Record<string, Theme> = { light: 'light', dark: 'dark', auto: 'auto' };

/**
 * How the page is shown, beside the form: an embed's colours, the guided walkthrough, and whether
 * to pre-select the built-in demo server (`demo=1`, for a tutorial that needs no account).
 */
export interface ViewState {
  readonly theme: Theme;
  readonly guided: boolean;
  readonly demo: boolean;
}

export const defaultViewState: ViewState = { theme: 'auto', guided: false, demo: false };

export interface UrlState {
  readonly form: FormState;
  readonly embed: boolean;
  readonly view: ViewState;
  /**
   * The `tool` parameter as written, or `null` without one. Checked against the tool registry by
   * the shell, so that adding a tool never touches this file.
   */
  readonly tool: string | null;
  /** Names of secret-bearing parameters that were present and ignored. */
  readonly ignoredSecretParams: readonly string[];
  /** Parameters with a value this page does not understand, to say so instead of guessing. */
  readonly invalidParams: readonly string[];
  /**
   * Fields a link to another server left out: they take that server's defaults once its preset has
   * loaded (a link to a server other than Okta's always writes them, so only a hand-made one lacks them).
   */
  readonly presetDefaults: ReadonlyArray<'scope' | 'authMethod'>;
}

/**
 * Reads the shareable state the README's Contracts list (`clientId`, `server` and its fields, `domain`, `authServer`,
 * `tokenUrl`, `scope`, `audience`, `resource` (repeated, one per indicator), `auth`, `encoding`, `dpop`, `embed`,
 * `tool`, `theme`, `demo`, and `guided`) from a query string. Never reads a secret; extra parameters
 * (which may hold one) are never in a link.
 */
export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const invalidParams: string[] = [];
  const pick = <T>(name: string, table: Record<string, T>, fallback: T): T => {
    const value = params.get(name);
    if (value === null) return fallback;
    const known = Object.hasOwn(table, value) ? table[value] : undefined;
    if (known === undefined) invalidParams.push(name);
    return known ?? fallback;
  };
  const tokenUrl = params.get('tokenUrl');
  const presetFields = Object.fromEntries(
    PRESET_FIELD_PARAMS.map((field) => [field, params.get(field) ?? initialFormState[field]]),
  );
  const form: FormState = {
    ...initialFormState,
    ...presetFields,
    server: pick('server', SERVER_PARAM, initialFormState.server),
    resources: params.getAll('resource').join('\n'),
    clientId: params.get('clientId') ?? initialFormState.clientId,
    domain: params.get('domain') ?? initialFormState.domain,
    authServerId: params.get('authServer') ?? initialFormState.authServerId,
    tokenEndpointOverride: tokenUrl === null ? null : { url: tokenUrl, source: 'link' },
    scope: params.get('scope') ?? initialFormState.scope,
    authMethod: pick('auth', AUTH_PARAM, initialFormState.authMethod),
    encoding: pick('encoding', ENCODING_PARAM, initialFormState.encoding),
    dpop: params.get('dpop') === '1',
  };
  return {
    form,
    embed: params.get('embed') === '1',
    view: {
      theme: pick('theme', THEME_PARAM, defaultViewState.theme),
      guided: params.get('guided') === '1',
      demo: params.get('demo') === '1',
    },
    tool: params.get('tool'),
    ignoredSecretParams: SECRET_PARAMS.filter((name) => params.has(name)),
    invalidParams,
    presetDefaults:
      form.server === 'okta'
        ? []
        : (
            [
              ['scope', 'scope'],
              ['authMethod', 'auth'],
            ] as const
          ).flatMap(([field, name]) => (params.has(name) ? [] : [field])),
  };
}

/**
 * The query string for a form state: every field but the secret and the private key, and only what differs from the
 * defaults, so shared links stay short and readable. `tool` is `null` for the default tool.
 */
export function writeUrlState(
  form: FormState,
  embed: boolean,
  tool: string | null = null,
  view: ViewState = defaultViewState,
): string {
  const params = new URLSearchParams();
  if (form.clientId) params.set('clientId', form.clientId);
  if (form.server !== initialFormState.server) params.set('server', form.server);
  if (form.domain) params.set('domain', form.domain);
  for (const field of PRESET_FIELD_PARAMS) if (form[field]) params.set(field, form[field]);
  for (const resource of form.resources.split('\n'))
    if (resource) params.append('resource', resource);
  if (form.authServerId !== initialFormState.authServerId)
    params.set('authServer', form.authServerId);
  if (form.tokenEndpointOverride !== null) params.set('tokenUrl', form.tokenEndpointOverride.url);
  // Another server's defaults differ from Okta's: its link names both, whatever they are.
  const otherServer = form.server !== initialFormState.server;
  if (otherServer || form.scope !== initialFormState.scope) params.set('scope', form.scope);
  if (otherServer || form.authMethod !== initialFormState.authMethod)
    params.set('auth', CLIENT_AUTH[form.authMethod].urlValue);
  if (form.encoding !== initialFormState.encoding) params.set('encoding', form.encoding);
  if (form.dpop) params.set('dpop', '1');
  if (tool !== null) params.set('tool', tool);
  if (embed) params.set('embed', '1');
  if (view.theme !== defaultViewState.theme) params.set('theme', view.theme);
  if (view.guided) params.set('guided', '1');
  if (view.demo) params.set('demo', '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}
