import type { MembraneIntegration } from '../../core/api/types.js';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { KitError } from '../../core/errors/KitError.js';
import type { IntegrationsQuery } from '../../core/query/membraneKeys.js';
import { integrationsQueryOptions } from '../../core/query/queryOptions.js';
import type { MembraneKit } from '../kit/createKit.js';
import type { KitProps } from '../kit/KitProps.js';
import { useKit } from '../kit/useKit.js';
import { useLiveUpdates } from '../kit/useLiveUpdates.js';

/** What {@link useIntegrations} returns. */
export interface UseIntegrationsResult {
  /** Every loaded integration, pages joined. Empty while loading. */
  integrations: MembraneIntegration[];
  /** First page not there yet. */
  isLoading: boolean;
  /** A refetch is running (after focus, invalidation, or a new search). */
  isFetching: boolean;
  /** Data shown is from the previous query while the new search loads. */
  isPlaceholderData: boolean;
  error: KitError | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** Loads the next page (the list's "Load more"). */
  fetchNextPage: () => void;
  /** Refetches every loaded page. */
  refetch: () => void;
}

/**
 * The workspace's integrations, each with the current customer's `connection`, from one shared,
 * paged query (`GET /integrations?search&limit&cursor`). Every component asking for the same query
 * shares one request.
 *
 * @example
 * ```tsx
 * const { integrations, isLoading, hasNextPage, fetchNextPage } = useIntegrations({ search: 'crm' });
 * ```
 */
export function useIntegrations(
  query: IntegrationsQuery = {},
  kitProps: KitProps = {},
  /** `enabled: false` keeps the query idle (no request) until a condition holds. */
  options: { enabled?: boolean } = {},
): UseIntegrationsResult {
  return useIntegrationsForKit(useKit(kitProps, 'useIntegrations').kit, query, options);
}

/**
 * {@link useIntegrations} on a kit the caller already resolved (components resolve theirs once).
 *
 * @example
 * ```tsx
 * const { integrations } = useIntegrationsForKit(resolved.kit, { search });
 * ```
 */
export function useIntegrationsForKit(kit: MembraneKit, query: IntegrationsQuery = {}, options: { enabled?: boolean } = {}): UseIntegrationsResult {
  useLiveUpdates(kit);
  const result = useInfiniteQuery(
    { ...integrationsQueryOptions(kit.api, query), placeholderData: keepPreviousData, enabled: options.enabled ?? true },
    kit.queryClient,
  );
  const integrations = useMemo(() => result.data?.pages.flatMap((page) => page.items) ?? [], [result.data]);
  const { fetchNextPage, refetch } = result;
  return {
    integrations,
    isLoading: result.isPending && result.fetchStatus !== 'idle',
    isFetching: result.isFetching,
    isPlaceholderData: result.isPlaceholderData,
    error: (result.error as KitError | null) ?? null,
    hasNextPage: result.hasNextPage,
    isFetchingNextPage: result.isFetchingNextPage,
    fetchNextPage: useMemo(() => () => void fetchNextPage(), [fetchNextPage]),
    refetch: useMemo(() => () => void refetch(), [refetch]),
  };
}
