import { Suspense, useId, useLayoutEffect, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { partArrived, partDrawn } from './hydration.ts';

/** Drawn with a part's content (or its failure): the part is React's now (./hydration.ts). */
function Arrived({ id }: { readonly id: string }) {
  useLayoutEffect(() => partArrived(id), [id]);
  return null;
}

interface LazyPartProps {
  /** What loads, as the sentence about its failure starts: "Discovery", "The embed code". */
  readonly name: string;
  /** Shown while it loads: a placeholder that looks like it, or a line saying so. */
  readonly loading: ReactNode;
  /** Said after "reload the page" when something else still works: ", or press Guided …". */
  readonly otherwise?: string;
  /** Classes of the failure sentence (a card where it stands alone). */
  readonly className?: string;
  /** The failure sentence's id, where it must stand in for a heading (a dialog's label). */
  readonly id?: string;
  readonly children: ReactNode;
}

/**
 * A part of the page loaded on demand: `loading` until it arrives, and if its chunk cannot load
 * (offline, or a new release replaced it) one sentence in its place instead of a blank page,
 * while everything else stays usable.
 */
export function LazyPart({
  name,
  loading,
  otherwise = '',
  className = 'notice notice-error',
  id,
  children,
}: LazyPartProps) {
  const part = useId();
  useLayoutEffect(() => partDrawn(part), [part]);
  return (
    <ErrorBoundary
      fallback={
        <p id={id} className={className} role="alert">
          {name} could not load (offline, or the playground was updated): reload the page
          {otherwise}.
          <Arrived id={part} />
        </p>
      }
    >
      <Suspense fallback={loading}>
        {children}
        <Arrived id={part} />
      </Suspense>
    </ErrorBoundary>
  );
}
