export { membraneKeys, DEFAULT_PAGE_SIZE, type IntegrationsQuery, type ConnectionsQuery } from './membraneKeys.js';
export {
  integrationsQueryOptions,
  integrationQueryOptions,
  connectorSpecQueryOptions,
  connectionsQueryOptions,
  connectionQueryOptions,
  KIT_STALE_TIME_MS,
} from './queryOptions.js';
