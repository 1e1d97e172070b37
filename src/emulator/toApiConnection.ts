import type { EmulatorConnection, EmulatorConnectionRecord } from './types.js';

/**
 * The API view of a stored connection: secrets and parameters left out, Membrane's status
 * fields (`connected`, deprecated `disconnected`, `state`, `error` and `errors`) filled in.
 *
 * @example
 * ```ts
 * toApiConnection(store.connections.get(id)!).connected; // true
 * ```
 */
export function toApiConnection(record: EmulatorConnectionRecord): EmulatorConnection {
  const broken = record.disconnected || record.error !== undefined;
  return {
    id: record.id,
    name: record.name,
    userId: record.userId,
    integrationId: record.integrationId,
    authOptionKey: record.authOptionKey,
    connected: !broken,
    disconnected: record.disconnected,
    isTest: false,
    state: broken ? 'CONFIGURATION_ERROR' : 'READY',
    ...(record.error ? { error: record.error, errors: [record.error] } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.archivedAt ? { archivedAt: record.archivedAt } : {}),
  };
}
