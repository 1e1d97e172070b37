import type { MembraneConnection, MembraneConnectorSpec, MembraneIntegration, MembranePage } from '../api/types.js';
import type { MembraneApi } from '../api/createMembraneApi.js';

import { membraneKeys, DEFAULT_PAGE_SIZE, type ConnectionsQuery, type IntegrationsQuery } from './membraneKeys.js';

/**
 * Freshness shared by every kit query: reused for 10 s, then refetched on mount and focus.
 *
 * @example
 * ```ts
 * useQuery({ ...myOptions, staleTime: KIT_STALE_TIME_MS });
 * ```
 */
export const KIT_STALE_TIME_MS = 10_000;

/**
 * Options for the paged integrations list (`useInfiniteQuery` / `prefetchInfiniteQuery`).
 * Each integration carries the current customer's `connection`, so the list alone is enough to
 * show every connection status on a page.
 *
 * @example
 * ```ts
 * await queryClient.prefetchInfiniteQuery(integrationsQueryOptions(api, { search: 'hub' }));
 * const { data } = useInfiniteQuery(integrationsQueryOptions(api));
 * ```
 */
export function integrationsQueryOptions(api: MembraneApi, query: IntegrationsQuery = {}) {
  const queryKey = membraneKeys.integrations(query);
  const params = queryKey[2];
  return {
    queryKey,
    queryFn: ({ pageParam }: { pageParam: string | undefined }): Promise<MembranePage<MembraneIntegration>> =>
      api.listIntegrations({ search: params.search, limit: params.limit ?? DEFAULT_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage: MembranePage<MembraneIntegration>): string | undefined => lastPage.cursor || undefined,
    staleTime: KIT_STALE_TIME_MS,
  };
}

/**
 * Options for one integration by key (`GET /integrations/{key}`).
 *
 * @example
 * ```ts
 * const { data: integration } = useQuery(integrationQueryOptions(api, 'hubspot'));
 * ```
 */
export function integrationQueryOptions(api: MembraneApi, integrationKey: string) {
  return {
    queryKey: membraneKeys.integration(integrationKey),
    queryFn: (): Promise<MembraneIntegration> => api.getIntegration(integrationKey),
    staleTime: KIT_STALE_TIME_MS,
  };
}

/**
 * Options for an integration's connector spec (auth options and their parameter schemas).
 * Specs rarely change, so they stay fresh for five minutes.
 *
 * @example
 * ```ts
 * void queryClient.prefetchQuery(connectorSpecQueryOptions(api, 'hubspot'));
 * ```
 */
export function connectorSpecQueryOptions(api: MembraneApi, integrationKey: string) {
  return {
    queryKey: membraneKeys.spec(integrationKey),
    queryFn: (): Promise<MembraneConnectorSpec> => api.getConnectorSpec(integrationKey),
    staleTime: 5 * 60_000,
  };
}

/**
 * Options for a connections list (`GET /connections`), one page.
 *
 * @example
 * ```ts
 * const { data } = useQuery(connectionsQueryOptions(api, { integrationKey: 'hubspot' }));
 * ```
 */
export function connectionsQueryOptions(api: MembraneApi, query: ConnectionsQuery = {}) {
  const queryKey = membraneKeys.connections(query);
  return {
    queryKey,
    queryFn: (): Promise<MembranePage<MembraneConnection>> => api.listConnections(queryKey[2]),
    staleTime: KIT_STALE_TIME_MS,
  };
}

/**
 * Options for one connection by id (`GET /connections/{id}`); the kit uses it to confirm a
 * connect result with the server instead of trusting a window message.
 *
 * @example
 * ```ts
 * const connection = await queryClient.fetchQuery(connectionQueryOptions(api, connectionId));
 * ```
 */
export function connectionQueryOptions(api: MembraneApi, connectionId: string) {
  return {
    queryKey: membraneKeys.connection(connectionId),
    queryFn: (): Promise<MembraneConnection> => api.getConnection(connectionId),
    staleTime: 0,
  };
}

