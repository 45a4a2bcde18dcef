/**
 * Runs `task` once the browser has reported the page's first contentful paint (Paint Timing), so
 * a request it makes never competes with that paint; at once if it already happened, or where
 * paint timing is not reported. Returns a cancel function.
 */
export function afterFirstPaint(task: () => void): () => void {
  // Every browser the page supports reports paint timing; without it, nothing to wait for.
  if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    task();
    return () => {};
  }
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    task();
  });
  observer.observe({ type: 'paint', buffered: true });
  return () => observer.disconnect();
}
