import type { FormChange, FormState } from '../core/request/request-form.ts';
import { isClientAuthMethod } from '../core/client-auth/methods.ts';

/** The Build tool's text fields, by the element ids their labels point at. */
const TEXT_FIELDS = {
  'client-id': 'clientId',
  'client-secret': 'clientSecret',
  'okta-domain': 'domain',
  'auth-server-id': 'authServerId',
  scope: 'scope',
} as const satisfies Record<string, keyof FormState>;

function changedRadio(document: Document, name: string): string | undefined {
  const checked = document.querySelector(`input[type="radio"][name="${name}"]:checked`);
  return checked instanceof HTMLInputElement && !checked.defaultChecked ? checked.value : undefined;
}

/**
 * What a reader typed into the prerendered form before the app hydrated it: each field whose
 * value differs from the one in the HTML. React keeps such values on screen but not in its state,
 * so the next keystroke would replace them and the outputs would not show them; the app adopts
 * them right after hydration instead (docs/decisions/124).
 */
export function readEarlyInput(document: Document): FormChange {
  const change: { -readonly [Field in keyof FormState]?: FormState[Field] } = {};
  for (const [id, field] of Object.entries(TEXT_FIELDS)) {
    const input = document.getElementById(id);
    if (input instanceof HTMLInputElement && input.value !== input.defaultValue) {
      change[field] = input.value;
    }
  }
  const endpoint = document.getElementById('token-endpoint');
  if (endpoint instanceof HTMLInputElement && endpoint.value !== endpoint.defaultValue) {
    change.tokenEndpointOverride = { url: endpoint.value, source: 'typed' };
  }
  const encoding = changedRadio(document, 'encoding');
  if (encoding === 'raw' || encoding === 'form') change.encoding = encoding;
  const authMethod = changedRadio(document, 'auth-method');
  if (isClientAuthMethod(authMethod)) change.authMethod = authMethod;
  return change;
}
