import { startTransition, useEffect, useState } from 'react';

/**
 * Without a sign of intent, what the page needs only once it is in use (the sender, discovery,
 * the field checks) loads this long after the page is up, in idle time: late enough that the
 * first screen has the (phone) network and main thread to itself until it is interactive, early
 * enough to be ready before most people have typed a client ID and secret. See
 * docs/decisions/120.
 */
const IDLE_DELAY_MS = 3000;

/** Runs `task` when the browser is idle, after `delayMs`; returns a cancel function. */
function whenIdleAfter(delayMs: number, task: () => void): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    // Safari has no requestIdleCallback: a plain timer task is the next best thing there.
    if ('requestIdleCallback' in window) idle = window.requestIdleCallback(task, { timeout: 2000 });
    else task();
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}

/**
 * Whether the page is in use: true after the first focus or pointer in it (`markInUse`), after
 * idle time, or whenever `already` (the demo server asked for needs the sender straight away).
 */
export function useInUse(already: boolean): { inUse: boolean; markInUse: () => void } {
  const [inUse, setInUse] = useState(already);
  // Adjusting state while rendering (React's pattern for state that follows a prop): it stays
  // true once `already` has been, so the sender is not unmounted when the request is settled.
  if (already && !inUse) setInUse(true);
  useEffect(() => {
    if (inUse) return;
    return whenIdleAfter(IDLE_DELAY_MS, () => setInUse(true));
  }, [inUse]);
  function markInUse() {
    // A transition: loading what it needs never delays the keystroke or click that asked for it.
    if (!inUse) startTransition(() => setInUse(true));
  }
  return { inUse, markInUse };
}
