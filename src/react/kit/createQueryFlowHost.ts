import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { ConnectionOptionsTarget, MembraneApi } from '../../core/api/createMembraneApi.js';
import type { HostedUi } from '../../core/api/sdk/types.js';
import type { MembraneConnectionOption, MembraneConnectorSpec, MembraneIntegration, MembranePage } from '../../core/api/types.js';
import type { ConnectFlowEvent } from '../../core/connect/ConnectFlowEvent.js';
import type { ConnectFlowHost } from '../../core/connect/ConnectFlowHost.js';
import { createRedirectClaim } from '../../core/connect/createRedirectClaim.js';
import { membraneKeys } from '../../core/query/membraneKeys.js';
import { connectionQueryOptions, connectorSpecQueryOptions, integrationQueryOptions } from '../../core/query/queryOptions.js';
import type { PendingConnectStore } from '../../core/state/createPendingConnectStore.js';

/** What {@link createQueryFlowHost} builds on. */
export interface QueryFlowHostOptions {
  api: MembraneApi;
  hostedUi: () => Promise<HostedUi>;
  queryClient: QueryClient;
  pending: PendingConnectStore;
  emit: (event: ConnectFlowEvent) => void;
  /** Aborted when the signed-in customer changes: running flows stop. */
  customerSignal?: () => AbortSignal;
}

/** `POST /connection-options` answers rarely change: one request per integration or connection per five minutes. */
const CONNECTION_OPTIONS_STALE_MS = 5 * 60_000;

/** Cache key of one `POST /connection-options` answer (under `membraneKeys.all`, so a global invalidate refreshes it). */
const connectionOptionsKey = (target: ConnectionOptionsTarget) => [...membraneKeys.all, 'connection-options', target] as const;

/**
 * The kit's {@link ConnectFlowHost} on a TanStack QueryClient: integrations and specs come from the
 * cache the components already filled (a list row's integration is known without a request),
 * the `POST /connection-options` answers are cached per integration or connection (a prefetch on
 * hover fills them, so the click knows its transport), results are confirmed with `connectionQueryOptions`, and a change invalidates every list and
 * status. The same-window result is claimed once per kit.
 *
 * @example
 * ```ts
 * const host = createQueryFlowHost({ api, hostedUi, queryClient, pending, emit: events.emit });
 * const flow = createConnectFlow(host, { integrationKey: 'hubspot' });
 * ```
 */
export function createQueryFlowHost({ api, hostedUi, queryClient, pending, emit, customerSignal }: QueryFlowHostOptions): ConnectFlowHost {
  const findInLists = (keyOrId: string): MembraneIntegration | undefined => {
    const lists = queryClient.getQueriesData<InfiniteData<MembranePage<MembraneIntegration>>>({
      queryKey: membraneKeys.integrationLists(),
    });
    for (const [, data] of lists) {
      for (const page of data?.pages ?? []) {
        const found = page.items.find((item) => item.key === keyOrId || item.id === keyOrId);
        if (found) return found;
      }
    }
    return undefined;
  };

  return {
    api,
    customerSignal,
    hostedUi,
    pending,
    emit,
    claimRedirectResult: createRedirectClaim(),
    getIntegration: (key) => findInLists(key) ?? queryClient.getQueryData<MembraneIntegration>(membraneKeys.integration(key)),
    loadIntegration: (key) => queryClient.fetchQuery(integrationQueryOptions(api, key)),
    getConnectorSpec: (key) => queryClient.getQueryData<MembraneConnectorSpec>(membraneKeys.spec(key)),
    loadConnectorSpec: (key) => queryClient.fetchQuery(connectorSpecQueryOptions(api, key)),
    getConnectionOptions: (target) => queryClient.getQueryData<MembraneConnectionOption[]>(connectionOptionsKey(target)),
    loadConnectionOptions: (target) =>
      queryClient.fetchQuery({
        queryKey: connectionOptionsKey(target),
        queryFn: ({ signal }) => api.getConnectionOptions(target, { signal }),
        staleTime: CONNECTION_OPTIONS_STALE_MS,
      }),
    confirmConnection: (connectionId) => queryClient.fetchQuery(connectionQueryOptions(api, connectionId)),
    async connectionChanged(key) {
      // A refetch already running (typically the live stream's, set off by this very connection)
      // is joined instead of restarted: one list request per connect, whichever starts first.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: membraneKeys.integrationLists() }, { cancelRefetch: false }),
        queryClient.invalidateQueries({ queryKey: membraneKeys.integration(key) }, { cancelRefetch: false }),
        queryClient.invalidateQueries({ queryKey: membraneKeys.connectionLists() }, { cancelRefetch: false }),
      ]);
    },
  };
}
