import type { Connection, ConnectionSpec, IntegrationAppClient, Integration } from '@integration-app/sdk';
import { toKitError } from '../errors/toKitError.js';

import { membraneKeys, DEFAULT_PAGE_SIZE, type ConnectionsQuery, type IntegrationsQuery } from './membraneKeys.js';

/** One page of a Membrane list: `{ items, cursor }` (no cursor on the last page). */
export interface MembranePage<T> {
  items: T[];
  cursor?: string;
}

/**
 * Freshness shared by every kit query: reused for 10 s, then refetched on mount and focus.
 *
 * @example
 * ```ts
 * useQuery({ ...myOptions, staleTime: KIT_STALE_TIME_MS });
 * ```
 */
export const KIT_STALE_TIME_MS = 10_000;

/** Calls the SDK and rethrows failures as {@link KitError}, so every hook sees the same error type. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toKitError(error);
  }
}

/**
 * Options for the paged integrations list (`useInfiniteQuery` / `prefetchInfiniteQuery`).
 * Each integration carries the current customer's `connection`, so the list alone is enough to
 * show every connection status on a page.
 *
 * @example
 * ```ts
 * await queryClient.prefetchInfiniteQuery(integrationsQueryOptions(client, { search: 'hub' }));
 * const { data } = useInfiniteQuery(integrationsQueryOptions(client));
 * ```
 */
export function integrationsQueryOptions(client: IntegrationAppClient, query: IntegrationsQuery = {}) {
  const queryKey = membraneKeys.integrations(query);
  const params = queryKey[2];
  return {
    queryKey,
    queryFn: ({ pageParam }: { pageParam: string | undefined }): Promise<MembranePage<Integration>> =>
      call(() =>
        client.integrations.find({
          ...(params.search ? { search: params.search } : {}),
          limit: params.limit ?? DEFAULT_PAGE_SIZE,
          ...(pageParam ? { cursor: pageParam } : {}),
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage: MembranePage<Integration>): string | undefined => lastPage.cursor || undefined,
    staleTime: KIT_STALE_TIME_MS,
  };
}

/**
 * Options for one integration by key (`GET /integrations/{key}`).
 *
 * @example
 * ```ts
 * const { data: integration } = useQuery(integrationQueryOptions(client, 'hubspot'));
 * ```
 */
export function integrationQueryOptions(client: IntegrationAppClient, integrationKey: string) {
  return {
    queryKey: membraneKeys.integration(integrationKey),
    queryFn: (): Promise<Integration> => call(() => client.integration(integrationKey).get()),
    staleTime: KIT_STALE_TIME_MS,
  };
}

/**
 * Options for an integration's connector spec (auth options and their parameter schemas).
 * Specs rarely change, so they stay fresh for five minutes.
 *
 * @example
 * ```ts
 * void queryClient.prefetchQuery(connectorSpecQueryOptions(client, 'hubspot'));
 * ```
 */
export function connectorSpecQueryOptions(client: IntegrationAppClient, integrationKey: string) {
  return {
    queryKey: membraneKeys.spec(integrationKey),
    queryFn: (): Promise<ConnectionSpec> => call(() => client.integration(integrationKey).getConnectorSpec()),
    staleTime: 5 * 60_000,
  };
}

/**
 * Options for a connections list (`GET /connections`), one page.
 *
 * @example
 * ```ts
 * const { data } = useQuery(connectionsQueryOptions(client, { integrationKey: 'hubspot' }));
 * ```
 */
export function connectionsQueryOptions(client: IntegrationAppClient, query: ConnectionsQuery = {}) {
  const queryKey = membraneKeys.connections(query);
  return {
    queryKey,
    queryFn: (): Promise<MembranePage<Connection>> => call(() => client.connections.find(queryKey[2])),
    staleTime: KIT_STALE_TIME_MS,
  };
}

/**
 * Options for one connection by id (`GET /connections/{id}`); the kit uses it to confirm a
 * connect result with the server instead of trusting a window message.
 *
 * @example
 * ```ts
 * const connection = await queryClient.fetchQuery(connectionQueryOptions(client, connectionId));
 * ```
 */
export function connectionQueryOptions(client: IntegrationAppClient, connectionId: string) {
  return {
    queryKey: membraneKeys.connection(connectionId),
    queryFn: (): Promise<Connection> => call(() => client.connection(connectionId).get()),
    staleTime: 0,
  };
}

