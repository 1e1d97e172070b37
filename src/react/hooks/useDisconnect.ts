import { useMutation, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MembraneConnection, MembraneIntegration, MembranePage } from '../../core/api/types.js';
import type { KitError } from '../../core/errors/KitError.js';
import { toKitError } from '../../core/errors/toKitError.js';
import { membraneKeys } from '../../core/query/membraneKeys.js';
import type { MembraneKit } from '../kit/createKit.js';
import type { KitProps } from '../kit/KitProps.js';
import { useKit, type ResolvedKit } from '../kit/useKit.js';

/** Options of {@link useDisconnect}. */
export interface UseDisconnectOptions extends KitProps {
  /** The connection to archive. Default: the integration's current connection (`integration.connection.id`). */
  connectionId?: string;
  onDisconnected?: () => void;
  onError?: (error: KitError) => void;
}

/** What {@link useDisconnect} returns. */
export interface UseDisconnectResult {
  /**
   * Disconnects by archiving the connection (`DELETE /connections/{id}`, how Membrane 0.28 and the
   * docs disconnect; 1.14's `POST /integrations/{key}/disconnect` left a "Disconnected" connection
   * behind), shows the integration as not connected at once, then refreshes every list and status.
   */
  disconnect: () => Promise<void>;
  isDisconnecting: boolean;
  error: KitError | null;
  reset: () => void;
}

// Only the integration whose shown connection IS the archived one loses it: archiving one account
// of several leaves the integration's other connection in place.
const matches = (integration: MembraneIntegration, connectionId: string): boolean => integration.connection?.id === connectionId;

const withoutConnection = (integration: MembraneIntegration): MembraneIntegration => {
  const { connection: _archived, ...rest } = integration;
  return rest;
};

/**
 * Writes the archive into the cache before the refetch answers: the integration loses its
 * `connection` in every list and in its own query, and the connection leaves the connection lists.
 */
function forgetConnection(queryClient: QueryClient, keyOrId: string, connectionId: string): void {
  queryClient.setQueriesData<InfiniteData<MembranePage<MembraneIntegration>>>({ queryKey: membraneKeys.integrationLists() }, (data) =>
    data?.pages
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (matches(item, connectionId) ? withoutConnection(item) : item)),
          })),
        }
      : data,
  );
  queryClient.setQueryData<MembraneIntegration>(membraneKeys.integration(keyOrId), (data) => (data && matches(data, connectionId) ? withoutConnection(data) : data));
  queryClient.setQueriesData<InfiniteData<MembranePage<MembraneConnection>> | MembranePage<MembraneConnection>>(
    { queryKey: membraneKeys.connectionLists() },
    (data) => {
      if (!data) return data;
      const drop = (page: MembranePage<MembraneConnection>) => ({ ...page, items: page.items.filter((c) => c.id !== connectionId) });
      return 'pages' in data ? { ...data, pages: data.pages.map(drop) } : 'items' in data ? drop(data) : data;
    },
  );
  queryClient.removeQueries({ queryKey: membraneKeys.connection(connectionId), exact: true });
}

/** The connection to archive: the given one, else the integration's live one (from the cache, else the API). */
async function connectionToArchive(kit: MembraneKit, integrationKey: string, given: string | undefined): Promise<string | undefined> {
  if (given) return given;
  const live = (integration: MembraneIntegration | undefined) =>
    integration?.connection && !integration.connection.archivedAt ? integration.connection.id : undefined;
  return live(kit.connectFlowHost.getIntegration(integrationKey)) ?? live(await kit.api.getIntegration(integrationKey));
}

/**
 * Disconnects the current customer from an integration by archiving its connection (Membrane's
 * `connection(id).archive()`), so it shows "Not connected" (not "Disconnected") everywhere on the
 * page at once; then invalidates the kit's queries and emits a `disconnected` event. With no
 * connection to archive it only refreshes.
 *
 * @example
 * ```tsx
 * const { disconnect, isDisconnecting } = useDisconnect('hubspot');
 * <button onClick={() => void disconnect()} disabled={isDisconnecting}>Disconnect</button>
 * ```
 */
export function useDisconnect(integrationKey: string, options: UseDisconnectOptions = {}): UseDisconnectResult {
  return useDisconnectForKit(useKit(options, 'useDisconnect'), integrationKey, options);
}

/**
 * {@link useDisconnect} on a kit the caller already resolved (components resolve theirs once).
 *
 * @example
 * ```tsx
 * const { disconnect } = useDisconnectForKit(resolved, 'hubspot', { onDisconnected: close });
 * ```
 */
export function useDisconnectForKit(resolved: ResolvedKit, integrationKey: string, options: UseDisconnectOptions = {}): UseDisconnectResult {
  const { kit, emit } = resolved;
  const mutation = useMutation(
    {
      mutationFn: async () => {
        const connectionId = await connectionToArchive(kit, integrationKey, options.connectionId);
        if (!connectionId) return;
        await kit.api.archiveConnection(connectionId);
        forgetConnection(kit.queryClient, integrationKey, connectionId);
      },
      onSuccess: async () => {
        await kit.connectFlowHost.connectionChanged(integrationKey);
        emit({ type: 'disconnected', integrationKey });
        options.onDisconnected?.();
      },
      onError: (error) => options.onError?.(toKitError(error)),
    },
    kit.queryClient,
  );
  const { mutateAsync, reset } = mutation;
  return {
    disconnect: useCallback(async () => {
      await mutateAsync().catch(() => undefined);
    }, [mutateAsync]),
    isDisconnecting: mutation.isPending,
    error: (mutation.error as KitError | null) ?? null,
    reset,
  };
}
