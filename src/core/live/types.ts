import type { TokenManager } from '../token/types.js';

/**
 * One message of Membrane's `/sse/workspace` stream (the SDK's `WorkspaceSyncEvent`,
 * membrane-sdk-0.28.md §5), as {@link WorkspaceEvents} hands it to listeners.
 */
export type WorkspaceEvent =
  | {
      type: 'connected';
      message?: string;
      timestamp?: string;
      /**
       * Added by the kit: `true` when this stream replaces one that failed, so updates may have
       * been missed in between (refetch everything shown).
       */
      resumed: boolean;
    }
  | {
      type: 'element-update';
      /** `connection`, `integration`, `flow-instance`, …: any workspace element type. */
      elementType: string;
      elementId: string;
      data?: unknown;
    };

/** What {@link WorkspaceEvents.getStatus} answers. */
export type WorkspaceEventsStatus =
  /** No subscriber: no stream. */
  | 'idle'
  /** Getting a token or opening the stream. */
  | 'connecting'
  /** The stream is open. */
  | 'open'
  /** The stream failed; it is reopened after a backoff delay. */
  | 'waiting'
  /** No `EventSource` here (server rendering, Node): subscribing does nothing. */
  | 'unsupported';

/** The part of `EventSource` the kit uses (tests pass a fake). */
export interface EventSourceLike {
  /** `open`, `error`, and `message` (whose event carries `data`). */
  addEventListener(type: 'open' | 'error' | 'message', listener: (event: { data?: unknown }) => void): void;
  close(): void;
}

/** A constructor like the browser's `EventSource`. */
export type EventSourceConstructor = new (url: string) => EventSourceLike;

/** Reconnect delays of {@link createWorkspaceEvents}: exponential with jitter. */
export interface WorkspaceEventsBackoff {
  /** Delay before the first reopen, in ms. Default 1 000. */
  initialMs?: number;
  /** Largest delay, in ms. Default 30 000. */
  maxMs?: number;
  /** Growth per failed attempt. Default 2. */
  factor?: number;
  /** Share of the delay taken off at random (0–1), so many pages do not reconnect at once. Default 0.5. */
  jitter?: number;
  /** Random source in [0, 1), for tests. Default `Math.random`. */
  random?: () => number;
}

/** Options of {@link createWorkspaceEvents}. */
export interface CreateWorkspaceEventsOptions {
  /** Membrane API base URL; the stream is `${apiUri}/sse/workspace?token=…`. */
  apiUri: string;
  /** Where tokens come from (the kit's token manager). */
  tokenManager: Pick<TokenManager, 'getToken' | 'getSnapshot' | 'subscribe'>;
  /** The `EventSource` class. Default `globalThis.EventSource`; none (SSR, Node) makes the instance a no-op. */
  EventSource?: EventSourceConstructor | null;
  backoff?: WorkspaceEventsBackoff;
  /**
   * Reopen the stream with a fresh token this long before the current one expires (at most half
   * of the time left), in ms. Default 30 000.
   */
  renewBeforeExpiryMs?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/** One shared `/sse/workspace` stream. Created by {@link createWorkspaceEvents}. */
export interface WorkspaceEvents {
  /** Opens the stream on the first subscriber; closes it when the last one unsubscribes. */
  subscribe(listener: (event: WorkspaceEvent) => void): () => void;
  getStatus(): WorkspaceEventsStatus;
}
