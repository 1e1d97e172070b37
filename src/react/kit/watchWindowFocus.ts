import { membraneKeys } from '../../core/query/membraneKeys.js';
import type { MembraneKit } from './createKit.js';

/**
 * Refetches the kit's stale, mounted queries when the window regains focus. TanStack Query only
 * listens to `visibilitychange`, which does not fire when the user comes back from another
 * window without switching tabs (for example after finishing a connection in a popup they kept).
 *
 * @example
 * ```ts
 * const stop = watchWindowFocus(kit);
 * ```
 */
export function watchWindowFocus(kit: Pick<MembraneKit, 'queryClient'>): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const onFocus = () => {
    void kit.queryClient.refetchQueries({ queryKey: membraneKeys.all, type: 'active', stale: true });
  };
  window.addEventListener('focus', onFocus);
  return () => window.removeEventListener('focus', onFocus);
}
