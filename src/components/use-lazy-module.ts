import { useEffect, useState } from 'react';

/**
 * A module loaded once `wanted` turns true (and kept), for code the first screen does not need:
 * `undefined` until it has arrived. `load` must be the same function at every render (a
 * module-level `() => import(…)`).
 *
 * Does NOT report a failed load: the caller's view simply goes on without the module.
 */
export function useLazyModule<T>(load: () => Promise<T>, wanted: boolean): T | undefined {
  const [loaded, setLoaded] = useState<T>();
  useEffect(() => {
    if (!wanted || loaded !== undefined) return;
    let current = true;
    load().then(
      (module) => {
        if (current) setLoaded(() => module);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [load, wanted, loaded]);
  return loaded;
}
