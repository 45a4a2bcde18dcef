import { describe, expect, it } from 'vitest';
import { fetchSession, sessionRenewalDelayMs, SessionUnavailableError } from './session.ts';

const TOKEN = 'x'.repeat(43);
const demo = {
  issuer: 'http://127.0.0.1:4173/demo',
  tokenEndpoint: 'http://127.0.0.1:4173/demo/token',
  discoveryUrl: 'http://127.0.0.1:4173/demo/.well-known/openid-configuration',
  jwksUri: 'http://127.0.0.1:4173/demo/jwks',
  clients: [
    {
      label: 'L',
      clientId: 'id',
      clientSecret: 's',
      scope: 'customScope',
      authMethod: 'client_secret_basic',
    },
  ],
} as const;

const answering =
  (response: () => Response): typeof fetch =>
  async () =>
    response();

describe('fetchSession (GET /api/session)', () => {
  it('reads the token and the demo server', async () => {
    const seen: string[] = [];
    const session = await fetchSession(async (input) => {
      seen.push(String(input));
      return Response.json({ proxyToken: TOKEN, proxyTokenExpiresIn: 600, demo, extra: 1 });
    });
    expect(seen).toEqual(['/api/session']);
    expect(session).toEqual({
      proxyToken: TOKEN,
      proxyTokenExpiresIn: 600,
      demo: { ...demo, basicCredentials: 'form-decoded' },
      demoRaw: null,
    });
  });

  it('a server without a demo server', async () => {
    expect(
      await fetchSession(
        answering(() => Response.json({ proxyToken: TOKEN, proxyTokenExpiresIn: 600, demo: null })),
      ),
    ).toEqual({ proxyToken: TOKEN, proxyTokenExpiresIn: 600, demo: null, demoRaw: null });
  });

  it.each([
    ['unreachable', () => Promise.reject(new TypeError('Failed to fetch')), /cannot be reached/],
    ['a static host', () => Promise.resolve(new Response('nope', { status: 404 })), /answered 404/],
    ['not JSON', () => Promise.resolve(new Response('<html>')), /unexpected session answer/],
    [
      'another shape',
      () => Promise.resolve(Response.json({ proxyToken: 'short', demo: null })),
      /unexpected session answer/,
    ],
  ])('%s: a SessionUnavailableError with a sentence', async (_, fetchImpl, message) => {
    const failure = fetchSession(fetchImpl).catch((error: unknown) => error);
    const error = await failure;
    expect(error).toBeInstanceOf(SessionUnavailableError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('sessionRenewalDelayMs', () => {
  const session = (proxyTokenExpiresIn: number) => ({
    proxyToken: TOKEN,
    proxyTokenExpiresIn,
    demo,
  });
  it('renews a minute before expiry, or at half the lifetime when that is later', () => {
    expect(sessionRenewalDelayMs(session(600))).toBe(540_000);
    expect(sessionRenewalDelayMs(session(120))).toBe(60_000);
    expect(sessionRenewalDelayMs(session(40))).toBe(20_000);
  });
});
