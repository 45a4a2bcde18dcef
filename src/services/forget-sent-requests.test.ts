import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { forgetSentRequests } from './forget-sent-requests.ts';
import { SEND_MUTATION_KEY } from './send-token-request.ts';
import { sessionQuery } from './session.ts';
import { VERIFY_QUERY_KEY } from './verify-token.ts';

const ACCESS_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwb2EtY2xpZW50In0.c2lnbmF0dXJl';
const OTHER_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwYXN0ZWQifQ.b3RoZXI';
const SECRET = 'hunter2-secret';

/** Everything the cache holds, as text: keys, data and variables of every query and send. */
function cacheText(client: QueryClient): string {
  return JSON.stringify([
    client
      .getQueryCache()
      .getAll()
      .map((query) => [query.queryKey, query.state.data]),
    client
      .getMutationCache()
      .getAll()
      .map((mutation) => [mutation.state.variables, mutation.state.data]),
  ]);
}

/** A cache after one successful send, its token verified, with the session fetched. */
async function cacheAfterASend(): Promise<QueryClient> {
  const client = new QueryClient();
  client.setQueryData(sessionQuery.queryKey, {
    proxyToken: 'proxy-token',
    proxyTokenExpiresIn: 600,
    demo: null,
  });
  const send = client.getMutationCache().build(client, {
    mutationKey: SEND_MUTATION_KEY,
    mutationFn: (_request: { body: string }) =>
      Promise.resolve({
        kind: 'answer',
        answer: {
          status: 200,
          body: JSON.stringify({ access_token: ACCESS_TOKEN, token_type: 'Bearer' }),
          parsed: {
            kind: 'token',
            token: { access_token: ACCESS_TOKEN, token_type: 'Bearer' },
            json: {},
            remarks: [],
          },
        },
      }),
  });
  await send.execute({ body: `client_secret=${SECRET}` });
  client.setQueryData([...VERIFY_QUERY_KEY, ACCESS_TOKEN, 'http://127.0.0.1/demo'], {
    verified: true,
  });
  client.setQueryData([...VERIFY_QUERY_KEY, OTHER_TOKEN, 'http://127.0.0.1/demo'], {
    verified: true,
  });
  return client;
}

describe('forgetSentRequests (what Reset leaves in the shared cache)', () => {
  it('the cache held the token and the secret before', async () => {
    const text = cacheText(await cacheAfterASend());
    expect(text).toContain(ACCESS_TOKEN);
    expect(text).toContain(SECRET);
  });

  it('leaves no query or send holding the access token or the secret, and keeps the session', async () => {
    const client = await cacheAfterASend();
    forgetSentRequests(client);
    const text = cacheText(client);
    expect(text).not.toContain(ACCESS_TOKEN);
    expect(text).not.toContain(SECRET);
    expect(client.getMutationCache().getAll()).toEqual([]);
    expect(client.getQueryData(sessionQuery.queryKey)).toMatchObject({ proxyToken: 'proxy-token' });
  });

  it("keeps the verification of a token the sender never received (the Inspect tool's)", async () => {
    const client = await cacheAfterASend();
    forgetSentRequests(client);
    expect(cacheText(client)).toContain(OTHER_TOKEN);
  });
});
