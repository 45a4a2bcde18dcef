import type { FormChange, FormState } from '../request/request-form.ts';
import type { PresetFieldKey } from './preset.ts';
import { SERVER_PRESETS } from './presets.ts';
import type { ServerPresetId } from './server-choice.ts';

// The fresh form's values (initialFormState), written again on purpose: a lazily loaded chunk that
// imports the form model makes the bundler split the first screen into shared chunks (+4 KB).
const PRESET_FIELD_DEFAULTS: Readonly<Record<PresetFieldKey, string>> = {
  domain: '',
  authServerId: 'default',
  tenant: '',
  baseUrl: '',
  realm: '',
  userPoolId: '',
};

/**
 * What choosing another server changes in the form, so that what is shown works there:
 * - its fields start empty, except one the new server names the same way (Okta's domain for both
 *   Okta servers): an Okta domain is not an Auth0 tenant;
 * - the token endpoint follows the new fields again; for `Any OAuth 2.0 server` the endpoint
 *   shown so far stays, as typed (unless it still holds a `{placeholder}`);
 * - the scope becomes the new server's default while it is the old one's (never what was typed);
 * - the client authentication method becomes the new server's default while it is the old one's,
 *   or when the new server does not document it; so does an encoding it does not decode.
 * Audience, resources and extra parameters stay: they are what the reader asked for.
 */
export function switchServer(
  form: FormState,
  to: ServerPresetId,
  shownEndpoint: string,
): FormChange {
  const from = SERVER_PRESETS[form.server];
  const preset = SERVER_PRESETS[to];
  const fields = Object.fromEntries(
    (Object.keys(PRESET_FIELD_DEFAULTS) as PresetFieldKey[]).map((key) => {
      const label = (fields: typeof from.fields) => fields.find((f) => f.key === key)?.label;
      const kept = label(from.fields) !== undefined && label(from.fields) === label(preset.fields);
      return [key, kept ? form[key] : PRESET_FIELD_DEFAULTS[key]];
    }),
  );
  const endpoint = shownEndpoint.trim();
  return {
    ...fields,
    server: to,
    tokenEndpointOverride:
      to === 'generic' && endpoint !== '' && !endpoint.includes('{')
        ? { url: endpoint, source: 'typed' }
        : null,
    scope: form.scope === from.defaultScope ? preset.defaultScope : form.scope,
    authMethod:
      form.authMethod !== from.authMethods[0] && preset.authMethods.includes(form.authMethod)
        ? form.authMethod
        : preset.authMethods[0],
    encoding: preset.encodings.includes(form.encoding)
      ? form.encoding
      : (preset.encodings[0] ?? form.encoding),
  };
}
