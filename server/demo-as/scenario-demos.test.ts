import { describe, expect, it } from 'vitest';
import { SCENARIO_DEMOS } from '../../src/core/diagnosis/scenarios/token-answers.ts';
import { demoDpopClient, demoSecretClients } from './clients.ts';

describe('the scenario corpus knows the demo servers as the session hands them over', () => {
  it('lists the secret clients both demo servers register, with their secrets and scopes', () => {
    for (const demo of SCENARIO_DEMOS)
      expect(demo.clients.filter((client) => !client.dpopBound)).toEqual(demoSecretClients);
  });

  it('lists the DPoP client and the demo API under /demo only', () => {
    const [demo, raw] = SCENARIO_DEMOS;
    expect(demo?.clients.filter((client) => client.dpopBound)).toEqual([demoDpopClient]);
    expect(demo?.apiUrl).toBe('http://127.0.0.1:4173/demo-api/reports');
    expect(raw?.clients.some((client) => client.dpopBound)).toBe(false);
    expect(raw?.apiUrl).toBeUndefined();
  });
});
