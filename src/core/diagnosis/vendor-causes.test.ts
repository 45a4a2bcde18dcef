import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { evidenceOf } from './diagnose.test.ts';
import { VENDOR_ANSWER_SCENARIOS } from './scenarios/vendor-answers.ts';
import { entraDefaultScope } from './vendor-causes.ts';

const first = (name: string) => {
  const found = VENDOR_ANSWER_SCENARIOS.find((scenario) => scenario.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  const [cause] = diagnose(evidenceOf(found)).causes;
  return cause;
};

describe("each vendor's errors, in the reader's values", () => {
  it('Entra: the .default scope of the resource the reader named', () => {
    expect(entraDefaultScope('api://reports-api/Reports.Read')).toBe('api://reports-api/.default');
    expect(entraDefaultScope('https://graph.microsoft.com/User.Read')).toBe(
      'https://graph.microsoft.com/.default',
    );
    expect(entraDefaultScope('api://reports-api')).toBe('api://reports-api/.default');
    expect(entraDefaultScope('User.Read openid')).toBe('https://graph.microsoft.com/.default');
    const cause = first('Entra: a scope without /.default (AADSTS1002012)');
    expect(cause.action).toBe('Set Scope to "api://reports-api/.default" and send again.');
  });

  it('Entra: the app and the tenant that do not match are named', () => {
    const cause = first('Entra: application not found in the tenant (AADSTS700016)');
    expect(cause.summary).toContain('"6731de76-14a6-49ae-97bc-6eba6914391e"');
    expect(cause.summary).toContain('tenant "contoso.onmicrosoft.com"');
  });

  it('Auth0: the audience sent and the API without a grant are named', () => {
    expect(first('Auth0: an audience that is no API of the tenant').summary).toContain(
      '"https://api.acme.example/v1"',
    );
    expect(
      first('Auth0: the application is not authorized for the API (no client grant)').summary,
    ).toContain('"https://dev-abc123.us.auth0.com/api/v2/"');
  });

  it('Keycloak: the realm from the URL and the client are named', () => {
    const cause = first('Keycloak: service accounts not enabled for the client');
    expect(cause.action).toContain('realm "acme" → Clients → orders-job');
  });

  it('a wrong secret at a vendor that documents the method sent: the credentials, not the method', () => {
    const cause = first('Entra: a wrong secret that is not a secret ID (AADSTS7000215)');
    expect(cause.id).toBe('wrong-credentials');
  });
});
