import type { EmulatorConnection, EmulatorConnectionRecord, EmulatorIntegrationRecord } from './types.js';

/**
 * Whether a stored connection is healthy (0.28's `connected`): not disconnected, no 1.14
 * `error`, not defunct. `state`, `errors` and `requestError` do not change it (membrane-sdk-0.28.md
 * §9: when the real server sets them is unknown; the emulator keeps them independent).
 *
 * @example
 * ```ts
 * isConnectionConnected(store.connections.get(id)!); // true
 * ```
 */
export function isConnectionConnected(record: EmulatorConnectionRecord): boolean {
  return !record.disconnected && record.error === undefined && record.isDefunct !== true;
}

/**
 * The API view of a stored connection: secrets and parameters left out, Membrane's status
 * fields filled in for both SDK generations: 1.14's `disconnected` and `error`, 0.28's
 * `connected`, `state`, `clientAction`, `isDefunct`, `errors`, `requestError` and `integration`
 * (membrane-sdk-0.28.md §3). Pass the integration to embed it (not inside `integration.connection`).
 *
 * @example
 * ```ts
 * toApiConnection(store.connections.get(id)!, store.findIntegration('hubspot')).integration?.key; // 'hubspot'
 * ```
 */
export function toApiConnection(record: EmulatorConnectionRecord, integration?: EmulatorIntegrationRecord): EmulatorConnection {
  const connected = isConnectionConnected(record);
  const state = record.state ?? (connected ? 'READY' : 'CONFIGURATION_ERROR');
  const errors = record.errors ?? (record.error ? [record.error] : []);
  return {
    id: record.id,
    name: record.name,
    userId: record.userId,
    integrationId: record.integrationId,
    ...(integration ? { integration: { id: integration.id, key: integration.key, name: integration.name, logoUri: integration.logoUri } } : {}),
    authOptionKey: record.authOptionKey,
    connected,
    disconnected: record.disconnected,
    isTest: false,
    state,
    ...(state === 'CLIENT_ACTION_REQUIRED' && record.clientAction ? { clientAction: structuredClone(record.clientAction) } : {}),
    isDefunct: record.isDefunct === true,
    ...(record.error ? { error: record.error } : {}),
    errors: structuredClone(errors),
    ...(record.requestError ? { requestError: structuredClone(record.requestError) } : {}),
    ...(record.meta ? { meta: structuredClone(record.meta) } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.archivedAt ? { archivedAt: record.archivedAt } : {}),
  };
}
