import { CLIENT_AUTH } from '../core/client-auth/methods.ts';
import type { FormState } from '../core/request/request-form.ts';

/** The Okta guide's steps, in its order and nearly its words. */
export const WALKTHROUGH_STEPS = [
  'Find the client ID and secret',
  'Join them',
  'Encode them in Base64',
  'Build the request',
  'Send it',
  'Read the answer',
] as const;

const CREDENTIALS_STEP = WALKTHROUGH_STEPS.indexOf('Find the client ID and secret');
const REQUEST_STEP = WALKTHROUGH_STEPS.indexOf('Build the request');

/** Something a step needs before the next one means anything: where to enter it, and what to do. */
export interface StepProblem {
  /** The step (0-based) whose field it is. */
  readonly step: number;
  /** The `id` of the field to enter it in. */
  readonly fieldId: string;
  /** What to do, in the words of an error summary ("Enter a client ID"). */
  readonly message: string;
}

/** What the credentials step lacks for the chosen method (a key client signs; its key is the tool's). */
function credentialProblems(form: FormState): StepProblem[] {
  const problems: StepProblem[] = [];
  if (form.clientId === '')
    problems.push({ step: CREDENTIALS_STEP, fieldId: 'client-id', message: 'Enter a client ID' });
  if (CLIENT_AUTH[form.authMethod].credential === 'secret' && form.clientSecret === '')
    problems.push({
      step: CREDENTIALS_STEP,
      fieldId: 'client-secret',
      message: 'Enter a client secret',
    });
  return problems;
}

/**
 * What the request step lacks: a server to send to. Before a domain is typed the derived endpoint
 * is the guide's `https://{yourOktaDomain}/…` placeholder, which no request can reach.
 */
function requestProblems(form: FormState, tokenEndpoint: string): StepProblem[] {
  const override = form.tokenEndpointOverride;
  // Another server's fields make the endpoint: until they are filled it holds a {placeholder}.
  if (override === null && form.server !== 'okta')
    return tokenEndpoint === '' || tokenEndpoint.includes('{')
      ? [
          {
            step: REQUEST_STEP,
            fieldId: form.server === 'generic' ? 'token-endpoint' : 'server',
            message:
              form.server === 'generic'
                ? 'Enter a token endpoint'
                : "Fill in the server's fields (or use the demo server in step 5)",
          },
        ]
      : [];
  if (override === null && form.domain.trim() === '')
    return [
      {
        step: REQUEST_STEP,
        fieldId: 'okta-domain',
        message: 'Enter your Okta domain (or a token endpoint, or use the demo server in step 5)',
      },
    ];
  if (override !== null && override.url.trim() === '')
    return [{ step: REQUEST_STEP, fieldId: 'token-endpoint', message: 'Enter a token endpoint' }];
  return [];
}

/**
 * Everything the steps up to and including `step` still lack, in step order: `Next` from that step
 * names these instead of moving on. Steps without a field of their own (joining, encoding,
 * sending) lack what the steps before them lack. `tokenEndpoint` is the request's (another
 * server's fields derive it). Does NOT check the values themselves (the
 * fields' own notes do that); only that there is something to work with.
 */
export function problemsUpTo(step: number, form: FormState, tokenEndpoint = ''): StepProblem[] {
  return [
    ...(step >= CREDENTIALS_STEP ? credentialProblems(form) : []),
    ...(step >= REQUEST_STEP ? requestProblems(form, tokenEndpoint) : []),
  ];
}
