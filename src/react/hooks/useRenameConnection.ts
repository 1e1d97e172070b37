import { useMutation, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { normalizeConnectionName } from '../../core/api/normalizeConnectionName.js';
import type { MembraneConnection, MembraneIntegration, MembranePage } from '../../core/api/types.js';
import type { KitError } from '../../core/errors/KitError.js';
import { toKitError } from '../../core/errors/toKitError.js';
import { membraneKeys } from '../../core/query/membraneKeys.js';
import type { MembraneKit } from '../kit/createKit.js';
import type { KitProps } from '../kit/KitProps.js';
import { useKit } from '../kit/useKit.js';

/** Options of {@link useRenameConnection}. */
export interface UseRenameConnectionOptions extends KitProps {
  /** Called with the renamed connection, as Membrane answered it. */
  onRenamed?: (connection: MembraneConnection) => void;
  /** Called with a typed error (`invalid_parameters` for an empty or over-long name, before any request). */
  onError?: (error: KitError) => void;
}

/** What {@link useRenameConnection} returns. */
export interface UseRenameConnectionResult {
  /**
   * Renames a connection (`PATCH /connections/{id}` `{ name }`): the new name shows in every list,
   * status and query at once; on failure every one of them goes back to the old name. Resolves
   * with the renamed connection, or `undefined` when it failed (the error is in `error`).
   */
  rename: (connectionId: string, name: string) => Promise<MembraneConnection | undefined>;
  isRenaming: boolean;
  error: KitError | null;
  reset: () => void;
}

type Snapshot = Array<[QueryKey, unknown]>;

const renamed = <T extends { id: string; name?: string }>(item: T, connectionId: string, name: string): T =>
  item.id === connectionId ? { ...item, name } : item;

/** Every cached shape that holds a connection, with that connection's name replaced. */
function withName(data: unknown, connectionId: string, name: string): unknown {
  if (!data || typeof data !== 'object') return data;
  if ('pages' in data && Array.isArray(data.pages)) {
    return { ...data, pages: data.pages.map((page: unknown) => withName(page, connectionId, name)) };
  }
  if ('items' in data && Array.isArray(data.items)) {
    return { ...data, items: (data as MembranePage<MembraneConnection | MembraneIntegration>).items.map((item) => withName(item, connectionId, name)) };
  }
  if ('connection' in data) {
    const integration = data as MembraneIntegration;
    return integration.connection?.id === connectionId ? { ...integration, connection: renamed(integration.connection, connectionId, name) } : data;
  }
  if ('id' in data) return renamed(data as MembraneConnection, connectionId, name);
  return data;
}

/** The query prefixes that can show a connection's name. */
const prefixes = (connectionId: string): QueryKey[] => [
  membraneKeys.connectionLists(),
  membraneKeys.connection(connectionId),
  membraneKeys.integrationLists(),
  [...membraneKeys.all, 'integration'],
];

/** Writes the name into every cache entry that shows the connection; answers what was there before. */
async function writeName(queryClient: QueryClient, connectionId: string, name: string): Promise<Snapshot> {
  const snapshot: Snapshot = [];
  for (const queryKey of prefixes(connectionId)) {
    await queryClient.cancelQueries({ queryKey });
    for (const [key, data] of queryClient.getQueriesData({ queryKey })) {
      const next = withName(data, connectionId, name);
      if (next === data) continue;
      snapshot.push([key, data]);
      queryClient.setQueryData(key, next);
    }
  }
  return snapshot;
}

/**
 * Renames one connection of the current customer, the label that tells several accounts of one app
 * apart. Optimistic: every list, status and query showing the connection gets the new name at once,
 * and the old one back if Membrane refuses. An empty name or one over 120 characters is refused with
 * `KitError` `invalid_parameters` before any request.
 *
 * @example
 * ```tsx
 * const { rename, isRenaming, error } = useRenameConnection();
 * <form onSubmit={(e) => { e.preventDefault(); void rename(connection.id, draft); }}>…</form>
 * ```
 */
export function useRenameConnection(options: UseRenameConnectionOptions = {}): UseRenameConnectionResult {
  return useRenameConnectionForKit(useKit(options, 'useRenameConnection').kit, options);
}

/**
 * {@link useRenameConnection} on a kit the caller already resolved (components resolve theirs once).
 *
 * @example
 * ```tsx
 * const { rename } = useRenameConnectionForKit(resolved.kit, { onRenamed: close });
 * ```
 */
export function useRenameConnectionForKit(kit: MembraneKit, options: UseRenameConnectionOptions = {}): UseRenameConnectionResult {
  const { queryClient } = kit;
  const mutation = useMutation(
    {
      onMutate: async ({ connectionId, name }: { connectionId: string; name: string }) =>
        writeName(queryClient, connectionId, normalizeConnectionName(name)),
      mutationFn: ({ connectionId, name }: { connectionId: string; name: string }) => kit.api.patchConnection(connectionId, { name }),
      onSuccess: async (connection, { connectionId }) => {
        if (typeof connection?.name === 'string') await writeName(queryClient, connectionId, connection.name);
        options.onRenamed?.(connection);
      },
      onError: (error, _variables, snapshot) => {
        for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
        options.onError?.(toKitError(error));
      },
      onSettled: (_data, _error, { connectionId }) =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: membraneKeys.connectionLists() }, { cancelRefetch: false }),
          queryClient.invalidateQueries({ queryKey: membraneKeys.connection(connectionId) }, { cancelRefetch: false }),
        ]),
    },
    queryClient,
  );
  const { mutateAsync, reset } = mutation;
  return {
    rename: useCallback(
      (connectionId: string, name: string) => mutateAsync({ connectionId, name }).catch(() => undefined),
      [mutateAsync],
    ),
    isRenaming: mutation.isPending,
    error: mutation.error ? toKitError(mutation.error) : null,
    reset,
  };
}
