import type { QueryClient } from '@tanstack/react-query';
import { SEND_MUTATION_KEY, type SendOutcome } from './send-token-request.ts';
import { VERIFY_QUERY_KEY } from './verify-token.ts';

/**
 * Drops from the shared cache what the sender leaves behind: its sends (each holds the request,
 * with its credentials, and the answer, with its access token), the API calls made with a token and the verification queries keyed
 * by a token one of them received. The session and discovery stay: they hold no secret.
 */
export function forgetSentRequests(queryClient: QueryClient): void {
  const mutations = queryClient.getMutationCache();
  const tokens = new Set<string>();
  for (const mutation of mutations.findAll({ mutationKey: SEND_MUTATION_KEY })) {
    // The cache does not keep types. The key (a prefix) finds the token requests
    // (`useSendTokenRequest`) and the API calls with their tokens (`useCallApi`): both go; the
    // token requests' outcomes name the tokens whose verifications go too.
    // An API call's outcome has no `kind`.
    const outcome = mutation.state.data as SendOutcome | undefined;
    if (outcome?.kind === 'answer' && outcome.answer.parsed.kind === 'token')
      tokens.add(outcome.answer.parsed.token.access_token);
    mutations.remove(mutation);
  }
  queryClient.removeQueries({
    queryKey: VERIFY_QUERY_KEY,
    predicate: (query) => tokens.has(String(query.queryKey[VERIFY_QUERY_KEY.length])),
  });
}
