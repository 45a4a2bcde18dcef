import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { TokenRequest } from '../core/token-request.ts';
import { SendPanel, type FormChangeFromSend } from '../features/send/SendPanel.tsx';

interface SendSectionProps {
  readonly request: TokenRequest;
  readonly onFormChange: (change: FormChangeFromSend) => void;
}

/**
 * Loaded lazily: everything here (TanStack Query, zod, the response view) is needed only once
 * the user sends something, so the first screen stays small.
 */
export default function SendSection({ request, onFormChange }: SendSectionProps) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { mutations: { retry: 0 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SendPanel request={request} onFormChange={onFormChange} />
    </QueryClientProvider>
  );
}
