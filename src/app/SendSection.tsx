import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ComponentProps } from 'react';
import { SendPanel } from '../features/send/SendPanel.tsx';

type SendSectionProps = ComponentProps<typeof SendPanel>;

/**
 * Loaded lazily: everything here (TanStack Query, zod, the response view) is needed only once
 * the user sends something, so the first screen stays small.
 */
export default function SendSection(props: SendSectionProps) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { mutations: { retry: 0 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SendPanel {...props} />
    </QueryClientProvider>
  );
}
