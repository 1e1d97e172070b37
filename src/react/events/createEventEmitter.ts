import type { MembraneKitEvent, MembraneKitEventHandler } from './MembraneKitEvent.js';

/** Fan-out of kit events to every subscribed handler. */
export interface KitEventEmitter {
  emit(event: MembraneKitEvent): void;
  subscribe(handler: MembraneKitEventHandler): () => void;
}

/**
 * Creates an event fan-out. A throwing handler is reported with `console.error` and does not stop
 * the others (analytics code must never break a connect flow).
 *
 * @example
 * ```ts
 * const events = createEventEmitter();
 * events.subscribe((event) => analytics.track(event.type));
 * ```
 */
export function createEventEmitter(): KitEventEmitter {
  const handlers = new Set<MembraneKitEventHandler>();
  return {
    emit(event) {
      for (const handler of [...handlers]) {
        try {
          handler(event);
        } catch (error) {
          console.error('membrane-react-kit: an onEvent handler threw', error);
        }
      }
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => {
        handlers.delete(handler);
      };
    },
  };
}
