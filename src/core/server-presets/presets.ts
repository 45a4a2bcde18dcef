import { auth0 } from './auth0.ts';
import { cognito } from './cognito.ts';
import { entra } from './entra.ts';
import { generic } from './generic.ts';
import { keycloak } from './keycloak.ts';
import { okta } from './okta.ts';
import { oktaOrg } from './okta-org.ts';
import type { ServerPreset } from './preset.ts';
import type { ServerPresetId } from './server-choice.ts';

/**
 * Every server preset, by its `server=` value. A `Record` over `ServerPresetId`: a new preset
 * does not compile until it is here with everything its definition declares. Loaded when the
 * reader chooses a server other than the default (the first screen carries only `okta`).
 */
export const SERVER_PRESETS: { readonly [Id in ServerPresetId]: ServerPreset<Id> } = {
  okta,
  'okta-org': oktaOrg,
  auth0,
  entra,
  keycloak,
  cognito,
  generic,
};
