import type { CredentialEncoding } from '../core/credentials.ts';
import type { ClientAuthMethod } from '../core/token-request.ts';

/** Everything the user typed or chose: the one place state lives. Everything else is derived. */
export interface FormState {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly domain: string;
  readonly authServerId: string;
  /** `null` while the token endpoint follows the domain and authorization server ID. */
  readonly tokenEndpointOverride: string | null;
  readonly scope: string;
  readonly authMethod: ClientAuthMethod;
  readonly encoding: CredentialEncoding;
}

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

/** True when every field holds its default (after Reset, or before anything was typed). */
export function isInitialFormState(form: FormState): boolean {
  return (Object.keys(initialFormState) as Array<keyof FormState>).every(
    (field) => form[field] === initialFormState[field],
  );
}
