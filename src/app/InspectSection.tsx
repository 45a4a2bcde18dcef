import { QueryClientProvider } from '@tanstack/react-query';
import { InspectTool } from '../features/inspect/InspectTool.tsx';
import { lazyQueryClient } from './lazy-query-client.ts';

/** Loaded lazily: jose, TanStack Query and zod are needed only once a token is inspected. */
export default function InspectSection({ suggestedIssuer }: { suggestedIssuer: string }) {
  return (
    <QueryClientProvider client={lazyQueryClient}>
      <InspectTool suggestedIssuer={suggestedIssuer} />
    </QueryClientProvider>
  );
}
