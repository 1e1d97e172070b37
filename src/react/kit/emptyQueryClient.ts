import type { QueryClient } from '@tanstack/react-query';

/**
 * Empties a QueryClient that nothing will use again: every query and mutation goes, with the
 * garbage-collection timers TanStack Query would otherwise leave running for `gcTime` (5 minutes).
 * `queryClient.clear()` cancels the queries' timers but not the mutations' (query-core 5.x), so a
 * finished disconnect or rename would keep its mutation, and a timer, alive that long.
 *
 * @example
 * ```ts
 * emptyQueryClient(kit.queryClient); // when the provider or shared kit that made it is gone
 * ```
 */
export function emptyQueryClient(queryClient: QueryClient): void {
  for (const mutation of queryClient.getMutationCache().getAll()) mutation.destroy();
  queryClient.clear();
}
