import { QueryClient } from '@tanstack/react-query';

/**
 * The query cache of the lazily loaded discovery and inspector (imported only by lazy chunks, so
 * TanStack Query stays out of the first screen). One cache for both: the inspector reuses the
 * metadata discovery found for an issuer. The sender keeps its own client, which Reset discards.
 */
export const lazyQueryClient = new QueryClient({ defaultOptions: { queries: { retry: 0 } } });
