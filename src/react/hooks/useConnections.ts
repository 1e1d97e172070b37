import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { MembraneApi } from '../../core/api/createMembraneApi.js';
import type { MembraneConnection, MembranePage } from '../../core/api/types.js';
import type { KitError } from '../../core/errors/KitError.js';
import { membraneKeys, type ConnectionsQuery } from '../../core/query/membraneKeys.js';
import { KIT_STALE_TIME_MS } from '../../core/query/queryOptions.js';
import type { MembraneKit } from '../kit/createKit.js';
import type { KitProps } from '../kit/KitProps.js';
import { useKit } from '../kit/useKit.js';
import { useLiveUpdates } from '../kit/useLiveUpdates.js';

/** What {@link useConnections} returns. */
export interface UseConnectionsResult {
  /** The customer's connections matching the query, every page joined, newest first (archived ones only with `includeArchived`). */
  connections: MembraneConnection[];
  /** First page not there yet. */
  isLoading: boolean;
  /** A refetch is running (after focus, a connect, a rename, a disconnect or a live update). */
  isFetching: boolean;
  error: KitError | null;
  /** Refetches every page. */
  refetch: () => void;
}

/**
 * Options of the paged connections list under `membraneKeys.connections(query)` + `'pages'`: a
 * prefix invalidation of `membraneKeys.connectionLists()` (connect, disconnect, live updates) or of
 * `membraneKeys.connections(query)` refreshes it, and its key never meets the one-page
 * `connectionsQueryOptions` entry (another data shape).
 */
function connectionPagesQueryOptions(api: MembraneApi, query: ConnectionsQuery) {
  const listKey = membraneKeys.connections(query);
  return {
    queryKey: [...listKey, 'pages'] as const,
    queryFn: ({ pageParam, signal }: { pageParam: string | undefined; signal: AbortSignal }) =>
      api.listConnections({ ...listKey[2], cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage: MembranePage<MembraneConnection>): string | undefined => lastPage.cursor || undefined,
    staleTime: KIT_STALE_TIME_MS,
  };
}

/**
 * The current customer's connections (`GET /connections?integrationKey&integrationId&…`), every
 * page: several accounts of one app each show as their own connection, with its `name` and status.
 * Every component asking for the same query shares one request per page; connects, disconnects,
 * renames ({@link useRenameConnection}) and the workspace's live updates refresh it.
 *
 * @example
 * ```tsx
 * const { connections, isLoading } = useConnections({ integrationKey: 'hubspot' });
 * return (
 *   <ul>
 *     {connections.map((connection) => (
 *       <li key={connection.id}>{connection.name} {connection.connected ? '✓' : 'needs attention'}</li>
 *     ))}
 *   </ul>
 * );
 * ```
 */
export function useConnections(query: ConnectionsQuery = {}, kitProps: KitProps = {}): UseConnectionsResult {
  return useConnectionsForKit(useKit(kitProps, 'useConnections').kit, query);
}

/**
 * {@link useConnections} on a kit the caller already resolved (components resolve theirs once).
 * `enabled: false` keeps it idle (no request).
 *
 * @example
 * ```tsx
 * const { connections } = useConnectionsForKit(resolved.kit, { integrationId: integration.id });
 * ```
 */
export function useConnectionsForKit(kit: MembraneKit, query: ConnectionsQuery = {}, options: { enabled?: boolean } = {}): UseConnectionsResult {
  useLiveUpdates(kit);
  const result = useInfiniteQuery({ ...connectionPagesQueryOptions(kit.api, query), enabled: options.enabled ?? true }, kit.queryClient);
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage, refetch } = result;
  // A customer's connections are few: read every page, so an integration's accounts are all shown.
  useEffect(() => {
    // cancelRefetch: false: several components run this effect; they join one request per page.
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage({ cancelRefetch: false });
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  const connections = useMemo(() => result.data?.pages.flatMap((page) => page.items) ?? [], [result.data]);
  return {
    connections,
    isLoading: result.isPending && result.fetchStatus !== 'idle',
    isFetching: result.isFetching,
    error: (result.error as KitError | null) ?? null,
    refetch: useMemo(() => () => void refetch(), [refetch]),
  };
}
