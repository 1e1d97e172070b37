/**
 * Runs `callback` once the browser is idle (`requestIdleCallback`, or a short `setTimeout` where
 * it is missing, as in Safari), so prefetching never competes with the page's first render.
 * Returns a function that cancels the call.
 *
 * @example
 * ```ts
 * useEffect(() => whenIdle(() => void LazyDialog.preload()), []);
 * ```
 */
export function whenIdle(callback: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 200);
  return () => clearTimeout(handle);
}
