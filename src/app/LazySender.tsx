import { lazy, Suspense, type ComponentProps } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';

// Sending needs TanStack Query and zod; the first screen does not (GUIDE §5 bundle facts).
const SendSection = lazy(() => import('./SendSection.tsx'));

/**
 * The sending step, loaded on first render after the rest of the page, with a placeholder while it
 * loads and a sentence (not a crash) when it cannot load. Shared by the tool and guided mode.
 */
export function LazySender(props: ComponentProps<typeof SendSection>) {
  return (
    <ErrorBoundary
      fallback={
        <p className="card notice notice-error" role="alert">
          The part of the page that sends requests could not load (offline, or the playground was
          updated): reload the page. Everything else still works, including the curl command.
        </p>
      }
    >
      <Suspense fallback={<p className="card">Loading the sender…</p>}>
        <SendSection {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}
