/** The message the SDK's `connect()` waits for, on `postMessage` and on SSE. */
export type ConnectionEventMessage = {
  source: 'integration.app';
  /** Absent when the request carried none; the SDK then accepts it for any pending connect. */
  requestId?: string;
} & (
  | { type: 'newConnectionCreated'; connection: unknown }
  | { type: 'newConnectionFailure'; error: string; errorData?: unknown; connectionId?: string }
);

/** Per-request channel behind `GET /sse/connection-events/:requestId`. */
export interface ConnectionEvents {
  publish(message: ConnectionEventMessage): void;
  /** Calls the listener with the message, at once if it was already published. */
  subscribe(requestId: string, listener: (message: ConnectionEventMessage) => void): () => void;
  clear(): void;
}

/** How long a published message waits for a late subscriber (the popup can finish first). */
const KEEP_MS = 5 * 60_000;

/**
 * Creates the in-memory hub that mirrors connect results on server-sent events.
 *
 * @example
 * ```ts
 * const events = createConnectionEvents();
 * events.subscribe('req1', (message) => console.log(message.type));
 * events.publish({ source: 'integration.app', requestId: 'req1', type: 'newConnectionCreated', connection });
 * ```
 */
export function createConnectionEvents(): ConnectionEvents {
  const published = new Map<string, { message: ConnectionEventMessage; at: number }>();
  const listeners = new Map<string, Set<(message: ConnectionEventMessage) => void>>();
  const prune = (): void => {
    const cutoff = Date.now() - KEEP_MS;
    for (const [requestId, entry] of published) if (entry.at < cutoff) published.delete(requestId);
  };
  return {
    publish(message) {
      if (!message.requestId) return;
      prune();
      published.set(message.requestId, { message, at: Date.now() });
      for (const listener of listeners.get(message.requestId) ?? []) listener(message);
    },
    subscribe(requestId, listener) {
      const set = listeners.get(requestId) ?? new Set();
      set.add(listener);
      listeners.set(requestId, set);
      const earlier = published.get(requestId);
      if (earlier) listener(earlier.message);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(requestId);
      };
    },
    clear() {
      published.clear();
    },
  };
}
