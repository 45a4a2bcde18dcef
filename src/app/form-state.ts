import { DEFAULT_ASSERTION_LIFETIME_SECONDS } from '../core/client-assertion.ts';
import type { FormState } from '../core/request-form.ts';

export const initialFormState: FormState = {
  clientId: '',
  clientSecret: '',
  domain: '',
  authServerId: 'default',
  tokenEndpointOverride: null,
  scope: 'customScope',
  authMethod: 'client_secret_basic',
  encoding: 'raw',
  privateKey: '',
  keyAlgorithm: 'RS256',
  assertionLifetime: DEFAULT_ASSERTION_LIFETIME_SECONDS,
};

export type FormChange = Partial<FormState>;

export function formReducer(state: FormState, change: FormChange): FormState {
  return { ...state, ...change };
}

/** True when every field holds its default (after Reset, or before anything was typed). */
export function isInitialFormState(form: FormState): boolean {
  return (Object.keys(initialFormState) as Array<keyof FormState>).every(
    (field) => form[field] === initialFormState[field],
  );
}
