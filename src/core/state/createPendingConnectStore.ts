/** Snapshot of the integrations that have a connect flow running. */
export type PendingConnects = ReadonlySet<string>;

/** Which integrations have a connect flow running, observable the way `useSyncExternalStore` expects. */
export interface PendingConnectStore {
  /** Marks `integrationKey` as connecting; returns a function that clears the mark. */
  begin(integrationKey: string): () => void;
  isPending(integrationKey: string): boolean;
  getSnapshot(): PendingConnects;
  subscribe(listener: () => void): () => void;
}

/**
 * A tiny store of running connect flows, shared by every component of one kit, so that a
 * `<ConnectionStatus>` shows `connecting` while a `<ConnectButton>` elsewhere runs its flow.
 * Two flows for the same integration are counted, so the first to finish does not clear the second.
 *
 * @example
 * ```ts
 * const pending = createPendingConnectStore();
 * const end = pending.begin('hubspot');
 * pending.isPending('hubspot'); // true
 * end();
 * ```
 */
export function createPendingConnectStore(): PendingConnectStore {
  const counts = new Map<string, number>();
  const listeners = new Set<() => void>();
  let snapshot: PendingConnects = new Set();

  const publish = () => {
    snapshot = new Set(counts.keys());
    for (const listener of [...listeners]) listener();
  };

  return {
    begin(integrationKey) {
      const before = counts.get(integrationKey) ?? 0;
      counts.set(integrationKey, before + 1);
      if (before === 0) publish();
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        const next = (counts.get(integrationKey) ?? 1) - 1;
        if (next <= 0) {
          counts.delete(integrationKey);
          publish();
        } else counts.set(integrationKey, next);
      };
    },
    isPending: (integrationKey) => counts.has(integrationKey),
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
