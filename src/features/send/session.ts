import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';

const demoClientSchema = z.object({
  label: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  scope: z.string(),
});

const sessionSchema = z.object({
  proxyToken: z.string().min(16),
  /** `null` when the server runs without the built-in demo authorization server. */
  demo: z
    .object({
      issuer: z.string(),
      tokenEndpoint: z.string(),
      clients: z.array(demoClientSchema).min(1),
    })
    .nullable(),
});

export type Session = z.infer<typeof sessionSchema>;
export type DemoClient = z.infer<typeof demoClientSchema>;

export class SessionUnavailableError extends Error {
  override name = 'SessionUnavailableError';
}

/**
 * The per-process proxy token and the built-in demo server, from the page's own server
 * (`GET /api/session`). The token is fetched at run time, never baked into the bundle.
 */
async function fetchSession(): Promise<Session> {
  let response: Response;
  try {
    response = await fetch('/api/session', {
      headers: { accept: 'application/json' },
      cache: 'no-store',
    });
  } catch {
    throw new SessionUnavailableError("The playground's server cannot be reached.");
  }
  if (!response.ok) {
    throw new SessionUnavailableError(
      `The playground's server answered ${response.status} for /api/session: this page is probably served without its proxy (a static host). Use the curl command instead.`,
    );
  }
  const parsed = sessionSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    throw new SessionUnavailableError("The playground's server sent an unexpected session answer.");
  return parsed.data;
}

export function useSession() {
  return useQuery({ queryKey: ['session'], queryFn: fetchSession, staleTime: Infinity, retry: 1 });
}
