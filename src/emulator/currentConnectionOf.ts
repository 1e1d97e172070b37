import type { EmulatorStore } from './createEmulatorStore.js';
import { isConnectionConnected } from './toApiConnection.js';
import type { EmulatorConnectionRecord } from './types.js';

const NOT_HEALTHY_STATES = new Set(['CLIENT_ACTION_REQUIRED', 'CONFIGURATION_ERROR', 'SETUP_FAILED', 'DISCONNECTING', 'BUILDING']);

/** Healthy as a status badge reads it: connected, no error, no state asking for something. */
function isHealthy(record: EmulatorConnectionRecord): boolean {
  return isConnectionConnected(record) && !(record.state && NOT_HEALTHY_STATES.has(record.state)) && !record.errors?.length;
}

/**
 * The one connection `integration.connection` shows when a customer has several to an app
 * (Membrane does not document which; the emulator's choice): the most recently updated healthy
 * one, else the most recently updated of all. Archived connections never count. The same
 * connection is the one an integration selector (`GET /connections/hubspot`) and a connect without
 * `allowMultipleConnections` address.
 *
 * @example
 * ```ts
 * currentConnectionOf(store, customer.id, store.findIntegration('hubspot')!.id)?.name; // 'HubSpot · acme.com (jane@acme.com)'
 * ```
 */
export function currentConnectionOf(store: Pick<EmulatorStore, 'findConnections'>, customerId: string, integrationId: string): EmulatorConnectionRecord | undefined {
  const newestFirst = store
    .findConnections({ userId: customerId, integrationId })
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.createdAt.localeCompare(a.createdAt));
  return newestFirst.find(isHealthy) ?? newestFirst[0];
}
