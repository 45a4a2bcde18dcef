import { lazy, type ComponentProps } from 'react';
import { LazyPart } from '../components/LazyPart.tsx';
import { SendPlaceholder } from '../features/send/SendPlaceholder.tsx';

// Sending needs TanStack Query and zod; the first screen does not (its size budget: e2e/first-paint.spec.ts).
const SendSection = lazy(() => import('./SendSection.tsx'));

/**
 * The sending step, loaded when first rendered, with a placeholder of the same markup while it
 * loads and a sentence (not a crash) when it cannot load. Shared by the tool and guided mode.
 */
export function LazySender(props: ComponentProps<typeof SendSection>) {
  return (
    <LazyPart
      name="The part of the page that sends requests"
      otherwise="; everything else still works, including the curl command"
      className="card notice notice-error"
      // The same markup as the sender before its session arrives: nothing moves when it lands.
      loading={
        <SendPlaceholder
          request={props.request}
          onRequestDemo={props.onRequestDemo}
          demoRequested={props.preselectDemo ?? false}
        />
      }
    >
      <SendSection {...props} />
    </LazyPart>
  );
}
