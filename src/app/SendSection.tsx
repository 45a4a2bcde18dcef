import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ComponentProps } from 'react';
import { SendPanel } from '../features/send/SendPanel.tsx';
import { forgetSentRequests } from '../services/forget-sent-requests.ts';
import { lazyQueryClient } from './lazy-query-client.ts';
import { useAnswerPane } from './PaneTabs.tsx';

// jose is needed only once a token arrives.
const TokenInspector = lazy(() =>
  import('../features/inspect/TokenInspector.tsx').then((module) => ({
    default: module.TokenInspector,
  })),
);

type SendSectionProps = Omit<ComponentProps<typeof SendPanel>, 'renderToken' | 'beforeAnswer'> & {
  /** The issuer the form points at, expected in the token's `iss`. */
  readonly suggestedIssuer: string;
  /**
   * The Build tool's form state: from 1024 px an answer takes the right pane until the form
   * changes (see PaneTabs). Guided mode has no right pane and passes none.
   */
  readonly paneFor?: object;
};

/**
 * Loaded lazily: everything here (TanStack Query, zod, the response view) is needed only once
 * the user sends something, so the first screen stays small.
 */
export default function SendSection(sectionProps: SendSectionProps) {
  const { suggestedIssuer, paneFor, ...props } = sectionProps;
  const { tabs, showAnswer } = useAnswerPane(paneFor);
  // Reset remounts the sender (BuildTool's `key`): the shared cache then forgets its answers,
  // and the access tokens and credentials in them, while the session stays.
  useEffect(() => () => forgetSentRequests(lazyQueryClient), []);
  return (
    <QueryClientProvider client={lazyQueryClient}>
      <SendPanel
        {...props}
        beforeAnswer={tabs}
        onAnswer={() => {
          props.onAnswer?.();
          showAnswer();
        }}
        renderToken={(token, issued) => (
          <Suspense fallback={<p>Loading the token inspector…</p>}>
            <TokenInspector
              token={token}
              label="Access token"
              suggestedIssuer={suggestedIssuer}
              tokenType={issued.tokenType}
              dpopKey={props.dpop?.key ?? null}
              demoApiUrl={issued.demoApiUrl}
            />
          </Suspense>
        )}
      />
    </QueryClientProvider>
  );
}
