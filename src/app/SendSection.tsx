import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { checkCredentials } from '../core/credential-checks.ts';
import { encodeBasicCredentials } from '../core/credentials.ts';
import type { RequestContext } from '../core/token-error-help.ts';
import type { TokenRequest } from '../core/token-request.ts';
import { SendPanel, type DemoSelection } from '../features/send/SendPanel.tsx';
import type { FormState } from './form-state.ts';

interface SendSectionProps {
  readonly request: TokenRequest;
  readonly form: FormState;
  readonly onUseDemo: (selection: DemoSelection) => void;
}

/**
 * Loaded lazily: everything here (TanStack Query, zod, the response view) is needed only once
 * the user sends something, so the first screen stays small.
 */
export default function SendSection({ request, form, onUseDemo }: SendSectionProps) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { mutations: { retry: 0 } } }),
  );
  const credentials = { clientId: form.clientId, clientSecret: form.clientSecret };
  const context: RequestContext = {
    authMethod: form.authMethod,
    encoding: form.encoding,
    encodingsDiffer:
      encodeBasicCredentials(credentials, 'raw').pair !==
      encodeBasicCredentials(credentials, 'form').pair,
    scope: form.scope,
    tokenEndpoint: request.url,
    credentialsHaveStrayCharacters: checkCredentials(credentials, form.encoding).some(
      (check) =>
        check.code === 'edge-whitespace' ||
        check.code === 'invisible-character' ||
        check.code === 'control-character',
    ),
  };
  return (
    <QueryClientProvider client={queryClient}>
      <SendPanel request={request} context={context} onUseDemo={onUseDemo} />
    </QueryClientProvider>
  );
}
