import type { EmulatorStore } from './createEmulatorStore.js';
import { toApiConnection } from './toApiConnection.js';

/**
 * One message of `GET /sse/workspace`, the shape of the SDK's `WorkspaceSyncEvent`
 * (membrane-sdk-0.28.md §5): sent as an unnamed `message` event with this JSON as `data`.
 */
export type WorkspaceEventMessage =
  | { type: 'connected'; message: string; timestamp: string }
  | { type: 'element-update'; elementType: 'connection' | 'integration'; elementId: string; data?: unknown };

/** Whose events a listener receives: one customer (by the token's `id`), or every customer (an admin token). */
export type WorkspaceEventsAudience = { customerInternalId: string } | { admin: true };

/** Per-customer hub behind `GET /sse/workspace`. */
export interface WorkspaceEvents {
  /** Calls `listener` with every `element-update` the audience may see. Returns the unsubscribe function. */
  subscribe(audience: WorkspaceEventsAudience, listener: (message: WorkspaceEventMessage) => void): () => void;
  /** How many listeners are subscribed (all audiences). */
  size(): number;
  /** Stops listening to the store and drops every listener. */
  close(): void;
}

/**
 * Creates the emulator's workspace-events hub: every change of a connection in `store` (created,
 * updated, archived, disconnected, reset) is published as two `element-update` messages, one for
 * the connection and one for its integration, to the listeners of the connection's customer only
 * (and to admin listeners).
 *
 * @example
 * ```ts
 * const events = createWorkspaceEvents(store);
 * const stop = events.subscribe({ customerInternalId: 'demo-customer' }, (message) => console.log(message));
 * ```
 */
export function createWorkspaceEvents(store: EmulatorStore): WorkspaceEvents {
  const byCustomer = new Map<string, Set<(message: WorkspaceEventMessage) => void>>();
  const admins = new Set<(message: WorkspaceEventMessage) => void>();

  const stopWatching = store.watchConnections(({ connection, customerInternalId }) => {
    const integration = store.findIntegration(connection.integrationId);
    const messages: WorkspaceEventMessage[] = [
      { type: 'element-update', elementType: 'connection', elementId: connection.id, data: toApiConnection(connection, integration) },
      { type: 'element-update', elementType: 'integration', elementId: connection.integrationId },
    ];
    const listeners = [...(customerInternalId === undefined ? [] : (byCustomer.get(customerInternalId) ?? [])), ...admins];
    for (const message of messages) for (const listener of listeners) listener(message);
  });

  return {
    subscribe(audience, listener) {
      if ('admin' in audience) {
        admins.add(listener);
        return () => void admins.delete(listener);
      }
      const { customerInternalId } = audience;
      const set = byCustomer.get(customerInternalId) ?? new Set();
      set.add(listener);
      byCustomer.set(customerInternalId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && byCustomer.get(customerInternalId) === set) byCustomer.delete(customerInternalId);
      };
    },
    size: () => admins.size + [...byCustomer.values()].reduce((sum, set) => sum + set.size, 0),
    close() {
      stopWatching();
      byCustomer.clear();
      admins.clear();
    },
  };
}
