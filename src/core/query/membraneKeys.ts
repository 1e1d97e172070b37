/** Query for the integrations list; `search` runs on the server, `limit` is the page size. */
export interface IntegrationsQuery {
  search?: string;
  limit?: number;
}

/** Query for the connections list (`GET /connections`). */
export interface ConnectionsQuery {
  integrationKey?: string;
  integrationId?: string;
  isTest?: boolean;
  includeArchived?: boolean;
  limit?: number;
}

/**
 * Page size used when a query does not set `limit`: every component asks for the same key by default.
 *
 * @example
 * ```ts
 * membraneKeys.integrations(); // ['membrane', 'integrations', { limit: DEFAULT_PAGE_SIZE }]
 * ```
 */
export const DEFAULT_PAGE_SIZE = 50;

/** Same query, same key: drop blank and undefined fields and fill the default page size. */
function normalize<T extends { limit?: number; search?: string }>(query: T): T & { limit: number } {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    out[name] = typeof value === 'string' && name === 'search' ? value.trim() : value;
  }
  out.limit = query.limit ?? DEFAULT_PAGE_SIZE;
  return out as T & { limit: number };
}

/**
 * The one query-key factory for everything the kit caches in TanStack Query. Keys are nested
 * arrays, so invalidating a prefix (`membraneKeys.all`, `membraneKeys.integrationLists()`)
 * refreshes every query under it.
 *
 * @example
 * ```ts
 * // after your own server-side change to a connection:
 * await queryClient.invalidateQueries({ queryKey: membraneKeys.all });
 * // or only the lists:
 * await queryClient.invalidateQueries({ queryKey: membraneKeys.integrationLists() });
 * ```
 */
export const membraneKeys = {
  /** Prefix of every key the kit uses. */
  all: ['membrane'] as const,
  /** Prefix of every integrations list (any search, any page size). */
  integrationLists: () => [...membraneKeys.all, 'integrations'] as const,
  /** One integrations list: `GET /integrations?search&limit` (paged). */
  integrations: (query: IntegrationsQuery = {}) => [...membraneKeys.integrationLists(), normalize(query)] as const,
  /** One integration by key or id: `GET /integrations/{key}`. */
  integration: (integrationKey: string) => [...membraneKeys.all, 'integration', integrationKey] as const,
  /** Connector spec of an integration: `GET /integrations/{key}/connector-spec`. */
  spec: (integrationKey: string) => [...membraneKeys.all, 'spec', integrationKey] as const,
  /** Prefix of every connections list. */
  connectionLists: () => [...membraneKeys.all, 'connections'] as const,
  /** One connections list: `GET /connections?…`. */
  connections: (query: ConnectionsQuery = {}) => [...membraneKeys.connectionLists(), normalize(query)] as const,
  /** One connection by id: `GET /connections/{id}`. */
  connection: (connectionId: string) => [...membraneKeys.all, 'connection', connectionId] as const,
};
