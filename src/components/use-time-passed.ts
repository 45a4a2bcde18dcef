import { useEffect, useState } from 'react';

/**
 * True once `atSeconds` (seconds since the epoch; null: never) has passed, re-rendering the caller
 * at that moment: one timer until then, not a clock ticking every second.
 */
export function useTimePassed(atSeconds: number | null): boolean {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (atSeconds === null) return;
    const wait = atSeconds * 1000 - Date.now();
    if (wait <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), wait + 50);
    return () => clearTimeout(timer);
  }, [atSeconds]);
  return atSeconds !== null && now >= atSeconds * 1000;
}
