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
};

export type FormChange = Partial<FormState>;

export function formReducer(state: FormState, change: FormChange): FormState {
  return { ...state, ...change };
}
