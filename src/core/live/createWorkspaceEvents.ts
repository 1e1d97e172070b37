import type {
  CreateWorkspaceEventsOptions,
  EventSourceConstructor,
  EventSourceLike,
  WorkspaceEvent,
  WorkspaceEvents,
  WorkspaceEventsStatus,
} from './types.js';
import { KitError } from '../errors/KitError.js';
import { parseWorkspaceEvent } from './parseWorkspaceEvent.js';

const DEFAULT_INITIAL_MS = 1_000;
const DEFAULT_MAX_MS = 30_000;
const DEFAULT_RENEW_BEFORE_MS = 30_000;
/** A renewal is never scheduled sooner than this, whatever the token says (no reopen loop). */
const MIN_RENEW_DELAY_MS = 1_000;

function defaultEventSource(): EventSourceConstructor | undefined {
  const candidate = (globalThis as { EventSource?: unknown }).EventSource;
  return typeof candidate === 'function' ? (candidate as EventSourceConstructor) : undefined;
}

/**
 * Creates one shared subscription to Membrane's `/sse/workspace` stream (membrane-sdk-0.28.md §5).
 * The `EventSource` opens on the first subscriber with a token from `tokenManager` (in the
 * `?token=` query, as Membrane's SDK sends it) and closes when the last subscriber leaves. A failed
 * stream is closed and reopened after an exponential backoff with jitter (1 s → 30 s), with a
 * fresh token each time; a stream that fails before it ever opened (perhaps a refused token)
 * forces one token refresh per outage. The stream is reopened shortly before the token expires,
 * and when the token manager is invalidated (another customer signed in). Messages that are not
 * JSON objects with a known `type` are ignored. Without `EventSource` (server rendering) it does nothing.
 *
 * @example
 * ```ts
 * const events = createWorkspaceEvents({ apiUri: 'https://api.integration.app', tokenManager });
 * const unsubscribe = events.subscribe((event) => {
 *   if (event.type === 'element-update' && event.elementType === 'connection') refetchConnections();
 * });
 * // later
 * unsubscribe();
 * ```
 */
export function createWorkspaceEvents(options: CreateWorkspaceEventsOptions): WorkspaceEvents {
  const { tokenManager } = options;
  if (typeof options.apiUri !== 'string' || !/^https?:\/\//.test(options.apiUri)) {
    throw new KitError('invalid_parameters', `createWorkspaceEvents: apiUri must be an absolute http(s) URL such as "https://api.integration.app", got ${JSON.stringify(options.apiUri)}.`);
  }
  if (typeof tokenManager?.getToken !== 'function' || typeof tokenManager.subscribe !== 'function') {
    throw new KitError('invalid_parameters', 'createWorkspaceEvents: tokenManager must be the kit\'s token manager (createTokenManager()), with getToken, getSnapshot and subscribe.');
  }
  const EventSourceClass = options.EventSource === undefined ? defaultEventSource() : (options.EventSource ?? undefined);
  const now = options.now ?? Date.now;
  const initialMs = options.backoff?.initialMs ?? DEFAULT_INITIAL_MS;
  const maxMs = options.backoff?.maxMs ?? DEFAULT_MAX_MS;
  const factor = options.backoff?.factor ?? 2;
  const jitter = Math.min(1, Math.max(0, options.backoff?.jitter ?? 0.5));
  const random = options.backoff?.random ?? Math.random;
  const renewBeforeMs = options.renewBeforeExpiryMs ?? DEFAULT_RENEW_BEFORE_MS;
  const streamUrl = `${options.apiUri.replace(/\/+$/, '')}/sse/workspace`;

  const listeners = new Set<(event: WorkspaceEvent) => void>();
  let status: WorkspaceEventsStatus = EventSourceClass ? 'idle' : 'unsupported';
  let source: EventSourceLike | undefined;
  /** Bumped whenever a pending open must be dropped (stop, or a newer open). */
  let generation = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let renewTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let forcedThisOutage = false;
  let forceNextRefresh = false;
  let missedUpdates = false;
  let lastToken: string | undefined;
  let stopWatchingToken: (() => void) | undefined;

  const emit = (event: WorkspaceEvent): void => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // One failing listener must not starve the others or kill the stream.
      }
    }
  };

  const clearTimers = (): void => {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    if (renewTimer !== undefined) clearTimeout(renewTimer);
    retryTimer = renewTimer = undefined;
  };

  const closeSource = (): void => {
    const current = source;
    source = undefined;
    current?.close();
  };

  const scheduleRetry = (failedBeforeOpen: boolean): void => {
    closeSource();
    clearTimers();
    failures++;
    if (failedBeforeOpen && !forcedThisOutage) {
      forcedThisOutage = true;
      forceNextRefresh = true;
    }
    const base = Math.min(maxMs, initialMs * factor ** (failures - 1));
    const delay = Math.round(base * (1 - jitter * random()));
    status = 'waiting';
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void open(false);
    }, delay);
  };

  const scheduleRenew = (): void => {
    if (renewTimer !== undefined) clearTimeout(renewTimer);
    renewTimer = undefined;
    const expiresAt = tokenManager.getSnapshot().expiresAt;
    if (expiresAt === undefined) return;
    const left = expiresAt - now();
    const delay = Math.max(MIN_RENEW_DELAY_MS, left - Math.min(renewBeforeMs, left / 2));
    renewTimer = setTimeout(() => {
      renewTimer = undefined;
      void open(true);
    }, delay);
  };

  async function open(renew: boolean): Promise<void> {
    if (!EventSourceClass || listeners.size === 0) return;
    const current = ++generation;
    if (!renew) status = 'connecting';
    let token: string;
    try {
      const force = forceNextRefresh;
      forceNextRefresh = false;
      const refresh = { forceRefresh: true, ...(lastToken ? { rejectedToken: lastToken } : {}) };
      token = await tokenManager.getToken(force ? refresh : undefined);
      // A renewal needs a token other than the expiring one; the manager usually has one by now.
      if (renew && token === lastToken) token = await tokenManager.getToken(refresh);
    } catch {
      if (current === generation && listeners.size > 0) scheduleRetry(false);
      return;
    }
    if (current !== generation || listeners.size === 0) return;
    closeSource();
    clearTimers();
    lastToken = token;
    let opened = false;
    const stream = new EventSourceClass(`${streamUrl}?token=${encodeURIComponent(token)}`);
    source = stream;
    const markOpen = (): void => {
      if (opened) return;
      opened = true;
      failures = 0;
      forcedThisOutage = false;
      status = 'open';
      scheduleRenew();
    };
    stream.addEventListener('open', () => {
      if (source === stream) markOpen();
    });
    stream.addEventListener('message', (message) => {
      if (source !== stream) return;
      const event = parseWorkspaceEvent(message.data);
      if (!event) return;
      markOpen();
      if (event.type === 'connected') {
        emit({ ...event, resumed: missedUpdates });
        missedUpdates = false;
      } else {
        emit(event);
      }
    });
    stream.addEventListener('error', () => {
      if (source !== stream) return;
      // The browser would retry with the same URL, whose token may be the problem: reopen ourselves.
      if (opened) missedUpdates = true;
      scheduleRetry(!opened);
    });
  }

  const start = (): void => {
    let previous = tokenManager.getSnapshot();
    stopWatchingToken = tokenManager.subscribe(() => {
      const next = tokenManager.getSnapshot();
      const invalidated = next.status === 'idle' && previous.status !== 'idle';
      previous = next;
      // invalidate(): the customer may have changed, so the stream must not keep the old token.
      if (invalidated && listeners.size > 0) {
        lastToken = undefined;
        clearTimers();
        closeSource();
        void open(false);
      }
    });
    void open(false);
  };

  const stop = (): void => {
    generation++;
    clearTimers();
    closeSource();
    stopWatchingToken?.();
    stopWatchingToken = undefined;
    failures = 0;
    forcedThisOutage = forceNextRefresh = missedUpdates = false;
    lastToken = undefined;
    status = 'idle';
  };

  return {
    subscribe(listener) {
      if (!EventSourceClass) return () => undefined;
      if (typeof listener !== 'function') {
        throw new KitError('invalid_parameters', `workspaceEvents.subscribe(listener): listener must be a function, got ${typeof listener}.`);
      }
      const wrapped = (event: WorkspaceEvent): void => listener(event);
      listeners.add(wrapped);
      if (listeners.size === 1) start();
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        listeners.delete(wrapped);
        if (listeners.size === 0) stop();
      };
    },
    getStatus: () => status,
  };
}
