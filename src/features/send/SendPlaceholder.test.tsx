import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { deriveTokenRequest } from '../../core/request-form.ts';
import type { FormState } from '../../core/request-form.ts';
import { SendPanel } from './SendPanel.tsx';
import { SendPlaceholder } from './SendPlaceholder.tsx';

const emptyForm: FormState = {
  clientId: '',
  clientSecret: '',
  domain: '',
  authServerId: 'default',
  tokenEndpointOverride: null,
  scope: 'customScope',
  authMethod: 'client_secret_basic',
  encoding: 'raw',
  privateKey: '',
  keyAlgorithm: 'RS256',
  assertionLifetime: 300,
};

/** The real panel before its session arrives (the server renderer never runs the query). */
function panelMarkup(form: FormState): string {
  const client = new QueryClient();
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <SendPanel
        request={deriveTokenRequest(form)}
        onFormChange={() => undefined}
        onUseDemo={() => undefined}
        renderToken={() => null}
      />
    </QueryClientProvider>,
  );
}

/** `useId` values depend on the tree around the component, not on what it draws. */
const withoutIds = (markup: string) => markup.replaceAll(/_R_[0-9a-zA-Z]+_/g, 'ID');

describe('SendPlaceholder', () => {
  it.each([
    ['nothing typed', emptyForm],
    ['only a client ID', { ...emptyForm, clientId: 'abc' }],
    ['both credentials', { ...emptyForm, clientId: 'abc', clientSecret: 's3cr3t' }],
  ])('draws what the sender draws before its session arrives (%s)', (_, form) => {
    const placeholder = renderToStaticMarkup(
      <SendPlaceholder request={deriveTokenRequest(form)} />,
    );
    expect(withoutIds(placeholder)).toBe(withoutIds(panelMarkup(form)));
  });
});
