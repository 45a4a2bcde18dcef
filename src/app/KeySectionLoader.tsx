import { QueryClientProvider } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import { KeySection } from '../features/private-key/KeySection.tsx';
import { lazyQueryClient } from './lazy-query-client.ts';

/**
 * Loaded lazily, only when Private key JWT is chosen: Web Crypto key handling, jose for signing,
 * and the session (for the demo server's registration endpoint) through the lazy query cache.
 */
export default function KeySectionLoader(props: ComponentProps<typeof KeySection>) {
  return (
    <QueryClientProvider client={lazyQueryClient}>
      <KeySection {...props} />
    </QueryClientProvider>
  );
}
