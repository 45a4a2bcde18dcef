import { useId } from 'react';
import { IssuerField } from './IssuerField.tsx';

/**
 * Discovery as it first looks, without its code (TanStack Query, zod): what the prerendered page
 * shows until someone may use it (src/app/BuildTool). Disabled, so nobody types into a field that
 * is about to be replaced; by the time a keyboard user reaches it, the real one is there.
 */
export function DiscoveryPlaceholder({ suggestedIssuer }: { readonly suggestedIssuer: string }) {
  const id = useId();
  return (
    <div className="discovery">
      <IssuerField
        id={id}
        issuer={suggestedIssuer}
        onIssuer={() => undefined}
        disabled
        discoverDisabled
        onDiscover={() => undefined}
      />
      <div role="status" aria-live="polite" />
    </div>
  );
}
