import type { WorkspaceEvent, WorkspaceEvents, WorkspaceEventsStatus } from './types.js';

/**
 * A {@link WorkspaceEvents} whose implementation downloads on the first subscriber: the stream
 * opens after a component mounts, so its code (reconnects, backoff, token renewal) stays out of
 * the page's first chunk. Listeners that subscribe while it loads are attached once it is there;
 * a failed download is retried by the next first subscriber.
 *
 * @example
 * ```ts
 * const events = lazyWorkspaceEvents(() =>
 *   import('./createWorkspaceEvents.js').then(({ createWorkspaceEvents }) => createWorkspaceEvents({ apiUri, tokenManager })),
 * );
 * const stop = events.subscribe((event) => console.log(event.type));
 * ```
 */
export function lazyWorkspaceEvents(load: () => Promise<WorkspaceEvents>): WorkspaceEvents {
  const listeners = new Set<(event: WorkspaceEvent) => void>();
  let inner: WorkspaceEvents | undefined;
  let loading: Promise<void> | undefined;
  let detach: (() => void) | undefined;

  const fanOut = (event: WorkspaceEvent): void => {
    for (const listener of [...listeners]) listener(event);
  };

  const attach = (): void => {
    if (!inner || detach || listeners.size === 0) return;
    detach = inner.subscribe(fanOut);
  };

  const ensureLoaded = (): void => {
    if (inner) return attach();
    loading ??= load().then(
      (events) => {
        inner = events;
        attach();
      },
      () => {
        // Offline or a deploy replaced the chunk: no live updates now; the next first subscriber retries.
        loading = undefined;
      },
    );
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      ensureLoaded();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && detach) {
          detach();
          detach = undefined;
        }
      };
    },
    getStatus(): WorkspaceEventsStatus {
      if (inner) return inner.getStatus();
      return listeners.size > 0 ? 'connecting' : 'idle';
    },
  };
}
