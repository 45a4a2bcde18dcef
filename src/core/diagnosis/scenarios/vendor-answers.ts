import type { ServerPresetId } from '../../server-presets/server-choice.ts';
import type { ScenarioAnswer, TokenAnswerScenario } from './token-answers.ts';

/**
 * Each vendor's own answers to client credentials requests, whose true cause is known, in the
 * shape and words the vendor sends (`source` says where each comes from: the vendor's error
 * reference, or a real answer quoted in a public issue). `diagnose.test.ts` runs every entry.
 */
export interface VendorAnswerScenario extends TokenAnswerScenario {
  /** Where the answer's shape and text come from. */
  readonly source: string;
  /** The `Server` chosen, when the endpoint alone does not say (a custom domain). */
  readonly preset?: ServerPresetId;
  /** The `audience` the request sent. */
  readonly audience?: string;
}

const ENTRA = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';
const ENTRA_APP = '6731de76-14a6-49ae-97bc-6eba6914391e';
const AUTH0 = 'https://dev-abc123.us.auth0.com/oauth/token';
const KEYCLOAK = 'https://sso.example.com/realms/acme/protocol/openid-connect/token';
const COGNITO = 'https://acme.auth.eu-west-1.amazoncognito.com/oauth2/token';
const COGNITO_CLIENT = '1example23456789abcdefghij';

/** Entra's JSON error: the code's text, then the trace lines, and the code again as a number. */
function entraError(status: number, error: string, code: number, text: string): ScenarioAnswer {
  const trace =
    '\r\nTrace ID: 0c7f2993-b612-434d-9cee-244e88f51600\r\nCorrelation ID: 45d80262-c77f-487b-a95b-4566c736e1bc\r\nTimestamp: 2026-12-04 10:00:00Z';
  return {
    status,
    json: {
      error,
      error_description: `AADSTS${code}: ${text}${trace}`,
      error_codes: [code],
      timestamp: '2026-12-04 10:00:00Z',
      trace_id: '0c7f2993-b612-434d-9cee-244e88f51600',
      correlation_id: '45d80262-c77f-487b-a95b-4566c736e1bc',
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

const oauthError = (status: number, error: string, description?: string): ScenarioAnswer => ({
  status,
  json: description === undefined ? { error } : { error, error_description: description },
});

export const VENDOR_ANSWER_SCENARIOS: readonly VendorAnswerScenario[] = [
  // ——— Microsoft Entra ID ———
  {
    name: "Entra: the secret's ID pasted instead of its value (AADSTS7000215)",
    source:
      'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes; answer as quoted in https://github.com/OfficeDev/microsoft-365-agents-toolkit/issues/8621',
    request: {
      endpoint: ENTRA,
      clientId: ENTRA_APP,
      clientSecret: '3f2b9c1e-8a4d-4e6f-9b7a-1c2d3e4f5a6b',
      scope: 'https://graph.microsoft.com/.default',
      way: 'post',
    },
    answer: entraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${ENTRA_APP}'.`,
    ),
    cause: 'entra-secret-id',
  },
  {
    name: 'Entra: a wrong secret that is not a secret ID (AADSTS7000215)',
    source: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
    request: {
      endpoint: ENTRA,
      clientId: ENTRA_APP,
      clientSecret: 'Xy8Q~wrongValue.abcdefghijklmnopqrstuvw',
      scope: 'https://graph.microsoft.com/.default',
      way: 'post',
    },
    answer: entraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${ENTRA_APP}'.`,
    ),
    cause: 'wrong-credentials',
  },
  {
    name: 'Entra: application not found in the tenant (AADSTS700016)',
    source: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
    request: {
      endpoint: ENTRA,
      clientId: ENTRA_APP,
      clientSecret: 'Xy8Q~someValue.abcdefghijklmnopqrstuvwxy',
      scope: 'https://graph.microsoft.com/.default',
      way: 'post',
    },
    answer: entraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${ENTRA_APP}' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
    cause: 'entra-app-not-found',
  },
  {
    name: 'Entra: a scope without /.default (AADSTS1002012)',
    source:
      'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow; text as quoted in https://learn.microsoft.com/en-us/answers/a/751559',
    request: {
      endpoint: ENTRA,
      clientId: ENTRA_APP,
      clientSecret: 'Xy8Q~someValue.abcdefghijklmnopqrstuvwxy',
      scope: 'api://reports-api/Reports.Read',
      way: 'post',
    },
    answer: entraError(
      400,
      'invalid_scope',
      1002012,
      'The provided value for scope api://reports-api/Reports.Read is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
    ),
    cause: 'entra-scope-default',
  },
  {
    name: 'Entra: a browser Origin on the token request (AADSTS9002326)',
    source: 'answer as quoted in https://github.com/umijs/umi-request/issues/299',
    request: {
      endpoint: ENTRA,
      clientId: ENTRA_APP,
      clientSecret: 'Xy8Q~someValue.abcdefghijklmnopqrstuvwxy',
      scope: 'https://graph.microsoft.com/.default',
      way: 'post',
    },
    answer: entraError(
      400,
      'invalid_request',
      9002326,
      "Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: 'http://localhost:3000'.",
    ),
    cause: 'entra-origin',
  },
  // ——— Auth0 ———
  {
    name: 'Auth0: no audience',
    source:
      'https://auth0.com/docs/get-started/authentication-and-authorization-flow/client-credentials-flow/call-your-api-using-the-client-credentials-flow',
    request: {
      endpoint: AUTH0,
      clientId: 'aBcD1234eFgH5678',
      clientSecret: 'auth0-secret-value-0123456789abcdef',
      scope: '',
      way: 'post',
    },
    answer: oauthError(
      403,
      'access_denied',
      'No audience parameter was provided, and no default audience has been configured',
    ),
    cause: 'auth0-audience-missing',
  },
  {
    name: 'Auth0 on a custom domain (the Server says so): no audience',
    source:
      'https://auth0.com/docs/get-started/authentication-and-authorization-flow/client-credentials-flow/call-your-api-using-the-client-credentials-flow',
    preset: 'auth0',
    request: {
      endpoint: 'https://login.acme.example/oauth/token',
      clientId: 'aBcD1234eFgH5678',
      clientSecret: 'auth0-secret-value-0123456789abcdef',
      scope: '',
      way: 'post',
    },
    answer: oauthError(
      403,
      'access_denied',
      'No audience parameter was provided, and no default audience has been configured',
    ),
    cause: 'auth0-audience-missing',
  },
  {
    name: 'Auth0: an audience that is no API of the tenant',
    source: 'answer as quoted in https://github.com/nuxt-community/auth-module/pull/222',
    audience: 'https://api.acme.example/v1',
    request: {
      endpoint: AUTH0,
      clientId: 'aBcD1234eFgH5678',
      clientSecret: 'auth0-secret-value-0123456789abcdef',
      scope: '',
      way: 'post',
    },
    answer: oauthError(403, 'access_denied', 'Service not found: https://api.acme.example/v1'),
    cause: 'auth0-audience-unknown',
  },
  {
    name: 'Auth0: the application is not authorized for the API (no client grant)',
    source: 'answer as quoted in https://github.com/auth0/ruby-auth0/issues/610',
    audience: 'https://dev-abc123.us.auth0.com/api/v2/',
    request: {
      endpoint: AUTH0,
      clientId: 'aBcD1234eFgH5678',
      clientSecret: 'auth0-secret-value-0123456789abcdef',
      scope: '',
      way: 'post',
    },
    answer: oauthError(
      403,
      'access_denied',
      'Client is not authorized to access "https://dev-abc123.us.auth0.com/api/v2/". You need to create a "client-grant" associated to this API. See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants',
    ),
    cause: 'auth0-client-not-authorized',
  },
  {
    name: 'Auth0: a wrong client secret (401 access_denied "Unauthorized")',
    source: 'answer as quoted in https://github.com/auth0/node-auth0/issues/682',
    audience: 'https://api.acme.example/v1',
    request: {
      endpoint: AUTH0,
      clientId: 'aBcD1234eFgH5678',
      clientSecret: 'not-the-auth0-secret-0123456789',
      scope: '',
      way: 'post',
    },
    answer: oauthError(401, 'access_denied', 'Unauthorized'),
    cause: 'wrong-credentials',
  },
  // ——— Keycloak ———
  {
    name: 'Keycloak: service accounts not enabled for the client',
    source:
      'https://www.keycloak.org/docs/latest/server_admin/#_service_accounts; answer as quoted in https://github.com/louislam/uptime-kuma/issues/4202',
    request: {
      endpoint: KEYCLOAK,
      clientId: 'orders-job',
      clientSecret: 'q8Zr2kL0vNwX4yB6cD1eF3gH5jK7mP9s',
      scope: '',
      way: 'basic-raw',
    },
    answer: oauthError(
      400,
      'unauthorized_client',
      'Client not enabled to retrieve service account',
    ),
    cause: 'keycloak-service-account-off',
  },
  {
    name: 'Keycloak: invalid client or invalid client credentials',
    source: 'https://www.keycloak.org/docs/latest/server_admin/#_client-credentials',
    request: {
      endpoint: KEYCLOAK,
      clientId: 'orders-job',
      clientSecret: 'wrongSecretValue0123456789abcdefgh',
      scope: '',
      way: 'basic-raw',
    },
    answer: {
      status: 401,
      json: {
        error: 'invalid_client',
        error_description: 'Invalid client or Invalid client credentials',
      },
    },
    cause: 'keycloak-invalid-client',
  },
  // ——— Amazon Cognito ———
  {
    name: 'Cognito: invalid_client (wrong secret, or an app client without one)',
    source: 'https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html',
    request: {
      endpoint: COGNITO,
      clientId: COGNITO_CLIENT,
      clientSecret: 'wrongsecret0123456789abcdefghijklmnopqrstuvwxyz0123',
      scope: 'reports/read',
      way: 'basic-raw',
    },
    answer: oauthError(400, 'invalid_client'),
    cause: 'cognito-invalid-client',
  },
  {
    name: 'Cognito: invalid_scope for a user scope in client credentials',
    source:
      'https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html; answer as quoted in https://repost.aws/questions/QUnhrxb08MRJaH7hIRtUnCKA',
    request: {
      endpoint: COGNITO,
      clientId: COGNITO_CLIENT,
      clientSecret: 'rightsecret0123456789abcdefghijklmnopqrstuvwxyz0123',
      scope: 'openid',
      way: 'basic-raw',
    },
    answer: oauthError(400, 'invalid_scope'),
    cause: 'cognito-scope',
  },
  {
    name: 'Cognito: unauthorized_client (client credentials not allowed for the app client)',
    source: 'https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html',
    request: {
      endpoint: COGNITO,
      clientId: COGNITO_CLIENT,
      clientSecret: 'rightsecret0123456789abcdefghijklmnopqrstuvwxyz0123',
      scope: 'reports/read',
      way: 'basic-raw',
    },
    answer: oauthError(400, 'unauthorized_client'),
    cause: 'cognito-grant-off',
  },
];
