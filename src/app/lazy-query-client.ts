import { QueryClient } from '@tanstack/react-query';

/**
 * The page's one query cache (imported only by lazy chunks, so TanStack Query stays out of the
 * first screen). Discovery, the key section, the inspector and the sender share it: the session
 * and its proxy token are fetched and renewed once, and the inspector reuses the metadata
 * discovery found for an issuer. What the sender leaves in it (its answers, and verifications keyed
 * by the tokens they hold) goes when the sender unmounts: Reset remounts it.
 */
export const lazyQueryClient = new QueryClient({
  defaultOptions: { queries: { retry: 0 }, mutations: { retry: 0 } },
});
