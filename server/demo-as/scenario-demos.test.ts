import { describe, expect, it } from 'vitest';
import { SCENARIO_DEMOS } from '../../src/core/diagnosis/scenarios/token-answers.ts';
import { demoSecretClients } from './clients.ts';

describe('the scenario corpus knows the demo servers as the session hands them over', () => {
  it('lists the secret clients both demo servers register, with their secrets and scopes', () => {
    for (const demo of SCENARIO_DEMOS) expect(demo.clients).toEqual(demoSecretClients);
  });
});
