import { skipToken, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MembraneConnection } from '../../core/api/types.js';
import type { KitError } from '../../core/errors/KitError.js';
import { connectionQueryOptions, KIT_STALE_TIME_MS } from '../../core/query/queryOptions.js';
import { getConnectionDetails, type ConnectionDetails, type ConnectionState } from '../../core/state/getConnectionState.js';
import type { MembraneKit } from '../kit/createKit.js';
import type { KitProps } from '../kit/KitProps.js';
import { useKit } from '../kit/useKit.js';
import { useLiveUpdates } from '../kit/useLiveUpdates.js';
import { IDLE_QUERY_KEY } from './useIntegration.js';

/** What {@link useConnection} returns. */
export interface UseConnectionResult {
  /** The connection (`GET /connections/{id}`), once loaded. */
  connection: MembraneConnection | undefined;
  /** Its state by the rules of `getConnectionDetails` (an archived connection reads `not-connected`). */
  state: ConnectionState;
  /** Everything about the state: the action to offer, the message, a connected connection's warning. */
  details: ConnectionDetails;
  /** Not loaded yet; `state` is not known. */
  isLoading: boolean;
  /** Loading it failed (e.g. `not-found` for an id that is not the customer's). */
  error: KitError | null;
  refetch: () => void;
}

/**
 * {@link useConnection} on a kit the caller already resolved. Without a `connectionId` it asks for
 * nothing (an idle query) and answers `not-connected`.
 *
 * @example
 * ```tsx
 * const { state, connection } = useConnectionForKit(resolved.kit, 'conn_123');
 * ```
 */
export function useConnectionForKit(kit: MembraneKit, connectionId: string | undefined): UseConnectionResult {
  useLiveUpdates(kit);
  const query = useQuery(
    (connectionId
      ? // Shown, not confirmed: a badge and its Reconnect button share one request (the connect
        // flow's own confirmation still fetches fresh).
        { ...connectionQueryOptions(kit.api, connectionId), staleTime: KIT_STALE_TIME_MS }
      : { queryKey: IDLE_QUERY_KEY, queryFn: skipToken }) as UseQueryOptions<MembraneConnection>,
    kit.queryClient,
  );
  const connection = connectionId ? query.data : undefined;
  const details = getConnectionDetails({ connection });
  const { refetch } = query;
  return {
    connection,
    state: details.state,
    details,
    isLoading: !!connectionId && query.isPending,
    error: connectionId ? ((query.error as KitError | null) ?? null) : null,
    refetch: useCallback(() => {
      if (connectionId) void refetch();
    }, [refetch, connectionId]),
  };
}

/**
 * One connection of the current customer by id: one account among several of the same app. Its
 * status comes from the connection itself (`connected`, `state`, `clientAction`, `errors`…), so two
 * HubSpot accounts each show their own. Shares the cache entry `membraneKeys.connection(id)` with
 * the kit's connect flow (a reconnect of that connection refreshes it) and the live updates.
 *
 * @example
 * ```tsx
 * function AccountBadge({ id }: { id: string }) {
 *   const { connection, state, details } = useConnection(id);
 *   if (!connection) return null;
 *   return (
 *     <span data-state={state} title={details.message}>
 *       {connection.name}: {state === 'connected' ? 'Connected' : 'Needs attention'}
 *     </span>
 *   );
 * }
 * ```
 */
export function useConnection(connectionId: string, kitProps: KitProps = {}): UseConnectionResult {
  return useConnectionForKit(useKit(kitProps, 'useConnection').kit, connectionId);
}
