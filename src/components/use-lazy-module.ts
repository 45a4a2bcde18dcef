import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * A module loaded once `wanted` turns true (and kept), for code the first screen does not need:
 * `undefined` until it has arrived, `null` if it could not load. `load` must be the same function
 * at every render (a module-level `() => import(…)`).
 *
 * What it draws often replaces a pressable placeholder (its DOM is new: React cannot carry nodes
 * across components). A click is a press and a release on the same node: had the new view arrived
 * in between, the click would be lost (it was, on a busy machine, for `Use demo server`). So the
 * module is handed over only while nothing is pressed (`:active`) and drawn in the same task (no
 * press can start in between), and a focused control that went with the placeholder (the keyboard
 * user's place) is focused again in the new view: the first of the same element and text.
 */
export function useLazyModule<T>(load: () => Promise<T>, wanted: boolean): T | null | undefined {
  const [loaded, setLoaded] = useState<T | null>();
  const focused = useRef<Element | null>(null);

  useEffect(() => {
    if (!wanted || loaded !== undefined) return;
    let current = true;
    const handOver = (module: T | null) => {
      if (!current) return;
      // A press under way: its click is dispatched with the release, before this runs again.
      if (document.querySelector(':active')) return void setTimeout(handOver, 50, module);
      focused.current = document.activeElement;
      flushSync(() => setLoaded(() => module));
    };
    load().then(handOver, () => handOver(null));
    return () => {
      current = false;
    };
  }, [load, wanted, loaded]);

  useLayoutEffect(() => {
    const control = focused.current;
    focused.current = null;
    if (!control || control.isConnected) return;
    const same = [...document.querySelectorAll(control.tagName)].find(
      (candidate) => candidate.textContent === control.textContent,
    );
    if (same instanceof HTMLElement) same.focus();
  }, [loaded]);

  return loaded;
}
