import { lazy, type ComponentProps } from 'react';
import { LazyPart } from '../components/LazyPart.tsx';
import { useLazyModule } from '../components/use-lazy-module.ts';
import { SendPlaceholder } from '../features/send/SendPlaceholder.tsx';

// Sending needs TanStack Query and zod; the first screen does not (its size budget: e2e/first-paint.spec.ts).
const loadSendSection = () => import('./SendSection.tsx');
// Only once a load has failed: it tries once more, and if that fails too, LazyPart says so.
const RetriedSendSection = lazy(loadSendSection);

/**
 * The sending step: the placeholder (the same markup, and what the prerendered page shows) until
 * `wanted`, then the sender once its code has arrived, and a sentence (not a crash) when it cannot
 * load. The placeholder's `Use demo server` is pressable, so the sender takes its place only
 * between presses (src/components/use-lazy-module.ts). Shared by the tool and guided mode.
 */
export function LazySender({
  wanted,
  resets,
  ...props
}: ComponentProps<typeof RetriedSendSection> & {
  readonly wanted: boolean;
  /** Changed by Reset: the sender starts again (the answer, the session's choices). */
  readonly resets?: number;
}) {
  const sender = useLazyModule(loadSendSection, wanted);
  const placeholder = (
    <SendPlaceholder
      request={props.request}
      onRequestDemo={props.onRequestDemo}
      demoRequested={props.preselectDemo ?? false}
    />
  );
  // Not inside LazyPart until then: React hydrates a Suspense boundary after the rest of the page,
  // and a click replayed at hydration (server/build/prerender.ts) would find no handler there.
  if (sender === undefined) return placeholder;
  const Sender = sender?.default ?? RetriedSendSection;
  return (
    <LazyPart
      name="The part of the page that sends requests"
      otherwise="; everything else still works, including the curl command"
      className="card notice notice-error"
      loading={placeholder}
    >
      <Sender key={resets} {...props} />
    </LazyPart>
  );
}
