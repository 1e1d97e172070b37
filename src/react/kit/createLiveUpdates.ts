import type { Query, QueryClient } from '@tanstack/react-query';
import type { MembraneIntegration } from '../../core/api/types.js';
import type { WorkspaceEvent, WorkspaceEvents } from '../../core/live/types.js';
import { membraneKeys } from '../../core/query/membraneKeys.js';

/** Updates arriving within this window are applied together: one refetch per burst. */
export const LIVE_UPDATE_DEBOUNCE_MS = 100;

/** The kit's live updates: the workspace stream while components need it, turned into cache invalidations. */
export interface LiveUpdates {
  /** Keeps the stream open while held (a mounted component); returns the release function. */
  retain(): () => void;
  /** Turns live updates on or off (the `live` option); holders stay counted. */
  setEnabled(enabled: boolean): void;
  isEnabled(): boolean;
}

/** Options of {@link createLiveUpdates}. */
export interface CreateLiveUpdatesOptions {
  events: WorkspaceEvents;
  queryClient: QueryClient;
  /** Default `true`. */
  enabled?: boolean;
  /** Default {@link LIVE_UPDATE_DEBOUNCE_MS}. */
  debounceMs?: number;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The integration a connection event's payload names, when it names one. */
function integrationIdOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as { integrationId?: unknown; integration?: { id?: unknown } };
  return str(record.integrationId) ?? str(record.integration?.id);
}

/**
 * Binds a {@link WorkspaceEvents} stream to a QueryClient: while at least one holder retains it
 * (and it is enabled), every `element-update` of a connection or an integration marks the
 * matching queries stale (integrations lists, that integration, connections lists, that
 * connection) and refetches the mounted ones, once per burst of updates. A stream that reopens
 * after a failure (`resumed`) refetches everything the kit shows.
 *
 * @example
 * ```ts
 * const live = createLiveUpdates({ events: createWorkspaceEvents({ apiUri, tokenManager }), queryClient });
 * const release = live.retain(); // while a component is mounted
 * release();
 * ```
 */
export function createLiveUpdates(options: CreateLiveUpdatesOptions): LiveUpdates {
  const { events, queryClient } = options;
  const debounceMs = options.debounceMs ?? LIVE_UPDATE_DEBOUNCE_MS;
  let enabled = options.enabled ?? true;
  let holders = 0;
  let unsubscribe: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let everything = false;
  /** When the first update of the pending burst arrived. */
  let burstStartedAt = 0;
  const integrationIds = new Set<string>();
  const connectionIds = new Set<string>();

  const flush = (): void => {
    timer = undefined;
    const all = everything;
    const integrations = new Set(integrationIds);
    const connections = new Set(connectionIds);
    const since = burstStartedAt;
    everything = false;
    integrationIds.clear();
    connectionIds.clear();
    // Data fetched after the update arrived already shows it, and a fetch in flight (typically the
    // connect flow's own refresh) is joined, not restarted: the page's own change costs no extra request.
    const stale = (query: Query): boolean => query.state.dataUpdatedAt < since;
    const invalidate = (queryKey: readonly unknown[], predicate: (query: Query) => boolean = stale): void =>
      void queryClient.invalidateQueries({ queryKey, predicate }, { cancelRefetch: false });
    if (all) {
      invalidate(membraneKeys.all);
      return;
    }
    invalidate(membraneKeys.integrationLists());
    invalidate(membraneKeys.connectionLists());
    invalidate([...membraneKeys.all, 'integration'], (query) => {
      const selector = query.queryKey[2];
      const data = query.state.data as MembraneIntegration | undefined;
      return (
        stale(query) &&
        ((typeof selector === 'string' && integrations.has(selector)) ||
          (data?.id !== undefined && integrations.has(data.id)) ||
          (data?.connection?.id !== undefined && connections.has(data.connection.id)))
      );
    });
    for (const id of connections) invalidate(membraneKeys.connection(id));
  };

  const onEvent = (event: WorkspaceEvent): void => {
    if (event.type === 'connected') {
      if (!event.resumed) return;
      everything = true;
    } else if (event.elementType === 'connection') {
      connectionIds.add(event.elementId);
      const integrationId = integrationIdOf(event.data);
      if (integrationId) integrationIds.add(integrationId);
    } else if (event.elementType === 'integration') {
      integrationIds.add(event.elementId);
    } else {
      return;
    }
    if (timer === undefined) {
      burstStartedAt = Date.now();
      timer = setTimeout(flush, debounceMs);
    }
  };

  const sync = (): void => {
    const want = enabled && holders > 0;
    if (want && !unsubscribe) {
      unsubscribe = events.subscribe(onEvent);
    } else if (!want && unsubscribe) {
      unsubscribe();
      unsubscribe = undefined;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      everything = false;
      integrationIds.clear();
      connectionIds.clear();
    }
  };

  return {
    retain() {
      holders++;
      sync();
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        holders--;
        sync();
      };
    },
    setEnabled(next) {
      enabled = next;
      sync();
    },
    isEnabled: () => enabled,
  };
}
