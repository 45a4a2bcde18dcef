import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import type { TokenRequest } from '../core/token-request.ts';
import { SendPanel, type FormChangeFromSend } from '../features/send/SendPanel.tsx';

// jose is needed only once a token arrives.
const TokenInspector = lazy(() =>
  import('../features/inspect/TokenInspector.tsx').then((module) => ({
    default: module.TokenInspector,
  })),
);

interface SendSectionProps {
  readonly request: TokenRequest;
  /** The issuer the form points at, expected in the token's `iss`. */
  readonly suggestedIssuer: string;
  readonly onFormChange: (change: FormChangeFromSend) => void;
}

/**
 * Loaded lazily: everything here (TanStack Query, zod, the response view) is needed only once
 * the user sends something, so the first screen stays small.
 */
export default function SendSection({ request, suggestedIssuer, onFormChange }: SendSectionProps) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { mutations: { retry: 0 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SendPanel
        request={request}
        onFormChange={onFormChange}
        renderToken={(token) => (
          <Suspense fallback={<p>Loading the token inspector…</p>}>
            <TokenInspector token={token} label="Access token" suggestedIssuer={suggestedIssuer} />
          </Suspense>
        )}
      />
    </QueryClientProvider>
  );
}
