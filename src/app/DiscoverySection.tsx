import { QueryClientProvider } from '@tanstack/react-query';
import type { DiscoveryCandidate, ScopesSupported } from '../core/endpoint/discovery.ts';
import type { ClientAuthMethod } from '../core/client-auth/method.ts';
import { DiscoveryPanel } from '../features/discovery/DiscoveryPanel.tsx';
import type { FormChange } from '../core/request/request-form.ts';
import { lazyQueryClient } from './lazy-query-client.ts';

interface DiscoverySectionProps {
  readonly suggestedIssuer: string;
  readonly authMethod: ClientAuthMethod;
  readonly scope: string;
  readonly dispatch: (change: FormChange) => void;
  readonly onScopesSupported: (known: ScopesSupported) => void;
  /** Where the chosen server documents its metadata (its preset's), tried first. */
  readonly metadataForm?: DiscoveryCandidate['form'];
}

/** Loaded lazily: discovery needs TanStack Query and zod, the first screen does not. */
export default function DiscoverySection({
  suggestedIssuer,
  authMethod,
  scope,
  dispatch,
  onScopesSupported,
  metadataForm,
}: DiscoverySectionProps) {
  return (
    <QueryClientProvider client={lazyQueryClient}>
      <DiscoveryPanel
        suggestedIssuer={suggestedIssuer}
        authMethod={authMethod}
        scope={scope}
        onTokenEndpoint={(url) => dispatch({ tokenEndpointOverride: { url, source: 'discovery' } })}
        onScope={(value) => dispatch({ scope: value })}
        onScopesSupported={onScopesSupported}
        {...(metadataForm ? { metadataForm } : {})}
      />
    </QueryClientProvider>
  );
}
