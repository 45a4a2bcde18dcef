import { queryOptions, useQuery } from '@tanstack/react-query';
import { parseSessionBody, type SessionBody } from '../core/proxy/proxy-protocol.ts';

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
 * How long after receiving a session the page fetches a new one: a minute before its token
 * expires, or at half its lifetime when that is shorter. Counted on the page's clock from the
 * moment the answer arrived (the lifetime is relative), so a wrong page clock does not matter.
 */
export function sessionRenewalDelayMs(session: Session): number {
  const lifetime = session.proxyTokenExpiresIn;
  return Math.max(lifetime - 60, lifetime / 2) * 1000;
}

/**
 * The session query. Stale, and renewed in the background while the page is open, before its
 * token expires; the proxy client also asks for a fresh one before a call once it is stale. A
 * server restart (new secret) is still caught by the proxy's `proxy_token` answer, which the proxy
 * client answers by fetching the session again.
 */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: () => fetchSession((input, init) => fetch(input, init)),
  staleTime: (query) => (query.state.data ? sessionRenewalDelayMs(query.state.data) : 0),
  refetchInterval: (query) => (query.state.data ? sessionRenewalDelayMs(query.state.data) : false),
  retry: 1,
});

export function useSession() {
  return useQuery(sessionQuery);
}
