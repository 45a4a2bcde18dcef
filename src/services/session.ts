import { queryOptions, useQuery } from '@tanstack/react-query';
import { parseSessionBody, type SessionBody } from '../core/proxy-protocol.ts';

/** The session as the page uses it: the wire protocol's `/api/session` body. */
export type Session = SessionBody;

export class SessionUnavailableError extends Error {
  override name = 'SessionUnavailableError';
}

/**
 * The per-process proxy token and the built-in demo server, from the page's own server
 * (`GET /api/session`). The token is fetched at run time, never baked into the bundle.
 *
 * Throws `SessionUnavailableError` with a sentence for the page when the server cannot be
 * reached, answers with an error (a static host without the proxy), or sends something else.
 */
export async function fetchSession(fetchImpl: typeof fetch): Promise<Session> {
  let response: Response;
  try {
    response = await fetchImpl('/api/session', {
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
  const session = parseSessionBody(await response.json().catch(() => null));
  if (!session)
    throw new SessionUnavailableError("The playground's server sent an unexpected session answer.");
  return session;
}

/**
 * The session query. Never stale on its own: the token only changes when the server restarts,
 * which the proxy reports (`proxy_token`) and the proxy client answers by fetching it again.
 */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: () => fetchSession((input, init) => fetch(input, init)),
  staleTime: Infinity,
  retry: 1,
});

export function useSession() {
  return useQuery(sessionQuery);
}
