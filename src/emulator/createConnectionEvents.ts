/** The message the SDK's `connect()` waits for, on `postMessage` and on SSE. */
export type ConnectionEventMessage = {
  source: 'integration.app';
  /** Absent when the request carried none; the SDK then accepts it for any pending connect. */
  requestId?: string;
} & (
  | { type: 'newConnectionCreated'; connection: unknown }
  | { type: 'newConnectionFailure'; error: string; errorData?: unknown; connectionId?: string }
);

/**
 * Per-request channel behind `GET /sse/connection-events/:requestId`, one per customer: a message
 * published for customer A's request never reaches a subscriber authenticated as customer B, even
 * with the same `requestId`.
 */
export interface ConnectionEvents {
  /** Publishes the result of a connect request that was authenticated as `customerId` (Membrane id). */
  publish(customerId: string, message: ConnectionEventMessage): void;
  /** Calls the listener with the customer's message for `requestId`, at once if it was already published. */
  subscribe(customerId: string, requestId: string, listener: (message: ConnectionEventMessage) => void): () => void;
  clear(): void;
}

/** How long a published message waits for a late subscriber (the popup can finish first). */
const KEEP_MS = 5 * 60_000;

/** The channel key of one customer's request (NUL cannot occur in either id). */
const channel = (customerId: string, requestId: string): string => `${customerId}\u0000${requestId}`;

/**
 * Creates the in-memory hub that mirrors connect results on server-sent events.
 *
 * @example
 * ```ts
 * const events = createConnectionEvents();
 * events.subscribe(customer.id, 'req1', (message) => console.log(message.type));
 * events.publish(customer.id, { source: 'integration.app', requestId: 'req1', type: 'newConnectionCreated', connection });
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
    publish(customerId, message) {
      if (!message.requestId || !customerId) return;
      prune();
      const key = channel(customerId, message.requestId);
      published.set(key, { message, at: Date.now() });
      for (const listener of listeners.get(key) ?? []) listener(message);
    },
    subscribe(customerId, requestId, listener) {
      const key = channel(customerId, requestId);
      const set = listeners.get(key) ?? new Set();
      set.add(listener);
      listeners.set(key, set);
      const earlier = published.get(key);
      if (earlier) listener(earlier.message);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
      };
    },
    clear() {
      published.clear();
    },
  };
}
