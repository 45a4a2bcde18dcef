import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  deriveTokenRequest,
  initialFormState,
  type FormState,
} from '../../core/request/request-form.ts';
import { SendPanel } from './SendPanel.tsx';
import { SendPlaceholder } from './SendPlaceholder.tsx';

/** The real panel before its session arrives (the server renderer never runs the query). */
function panelMarkup(form: FormState): string {
  const client = new QueryClient();
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <SendPanel
        request={deriveTokenRequest(form)}
        onFormChange={() => undefined}
        onUseDemo={() => undefined}
        onRequestDemo={() => undefined}
        renderToken={() => null}
      />
    </QueryClientProvider>,
  );
}

/** `useId` values depend on the tree around the component, not on what it draws. */
const withoutIds = (markup: string) => markup.replaceAll(/_R_[0-9a-zA-Z]+_/g, 'ID');

describe('SendPlaceholder', () => {
  it.each([
    ['nothing typed', initialFormState],
    ['only a client ID', { ...initialFormState, clientId: 'abc' }],
    ['both credentials', { ...initialFormState, clientId: 'abc', clientSecret: 's3cr3t' }],
  ])('draws what the sender draws before its session arrives (%s)', (_, form) => {
    const placeholder = renderToStaticMarkup(
      <SendPlaceholder
        request={deriveTokenRequest(form)}
        onRequestDemo={() => undefined}
        demoRequested={false}
      />,
    );
    expect(withoutIds(placeholder)).toBe(withoutIds(panelMarkup(form)));
  });
});
