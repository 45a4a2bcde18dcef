import { describe, expect, it } from 'vitest';
import { entraDefaultScope } from './vendor-causes.ts';

describe('entraDefaultScope: the .default scope of the resource the reader named', () => {
  it.each([
    ['api://reports-api/Reports.Read', 'api://reports-api/.default'],
    ['https://graph.microsoft.com/User.Read', 'https://graph.microsoft.com/.default'],
    ['api://reports-api', 'api://reports-api/.default'],
    ['User.Read openid', 'https://graph.microsoft.com/.default'],
  ])('%s: %s', (scope, expected) => {
    expect(entraDefaultScope(scope)).toBe(expected);
  });
});
