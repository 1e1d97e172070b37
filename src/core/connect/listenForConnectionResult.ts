import type { MembraneConnection } from '../api/types.js';
import { KitError } from '../errors/KitError.js';
import { toKitError } from '../errors/toKitError.js';
import { connectFailureToKitError } from './connectFailureToKitError.js';

/** What a successful connect request resolves with. Confirm it with the API before trusting it. */
export interface ConnectRequestResult {
  /** Id of the connection Membrane reports as created or refreshed. */
  connectionId: string;
  requestId: string;
  /** The connection as the `confirm` option returned it (only when one was given). */
  connection?: MembraneConnection;
}

interface ConnectionMessage {
  source?: unknown;
  requestId?: unknown;
  type?: unknown;
  connection?: { id?: unknown } | null;
  error?: unknown;
  errorData?: unknown;
  connectionId?: unknown;
}

/** Options for {@link listenForConnectionResult}. */
export interface ListenOptions {
  apiUri: string;
  requestId: string;
  /** Window to listen on for `message` events (default: `window`). */
  win?: Window;
  /** Also listen on `{apiUri}/sse/connection-events/{requestId}` (default: when EventSource exists). */
  sse?: boolean;
  /**
   * The customer token for the SSE stream's `?token=` (membrane-sdk-0.28.md §1, step 2; the only
   * URL Membrane's protocol puts a token in). A promise opens the stream once it resolves, still
   * before a form submitted after the same promise; without a token the stream opens without it.
   */
  token?: string | Promise<string>;
  /**
   * Checks a reported connection before the listener settles with it (e.g. fetches it and checks
   * its integration). A rejection does not settle the listener: it keeps waiting for the real
   * result, so a message that fails the check can neither fake a success nor end a real connect;
   * the error is kept in `refusal()`. Each connection id is checked once (the window message and
   * the SSE mirror carry the same one).
   */
  confirm?: (connectionId: string) => Promise<MembraneConnection>;
}

/** A running listener: `result` settles once, `stop()` releases every resource. */
export interface ConnectionResultListener {
  result: Promise<ConnectRequestResult>;
  stop(): void;
  /** Why the last reported success was refused by `confirm` (undefined when none was). */
  refusal(): KitError | undefined;
  /** Resolves once no `confirm` check is running (at once when none is). */
  idle(): Promise<void>;
}

/**
 * Waits for the `POST /connect` result of one request. Accepts `postMessage` events only from
 * the API's origin and only with this exact `requestId` (the SDK accepts any origin and messages
 * without a request id; the kit does not), and the same payload mirrored on the SSE stream. With
 * `confirm`, a reported success settles the result only once confirmed; a refused one is ignored.
 *
 * @example
 * ```ts
 * const listener = listenForConnectionResult({ apiUri, requestId });
 * const { connectionId } = await listener.result;
 * ```
 */
export function listenForConnectionResult(options: ListenOptions): ConnectionResultListener {
  const win = options.win ?? window;
  const apiOrigin = new URL(options.apiUri).origin;
  let stopped = false;
  let resolveResult!: (value: ConnectRequestResult) => void;
  let rejectResult!: (reason: KitError) => void;
  const result = new Promise<ConnectRequestResult>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });

  let eventSource: EventSource | undefined;
  const checked = new Set<string>();
  let checking = 0;
  let refused: KitError | undefined;
  let idleWaiters: Array<() => void> = [];
  const checkDone = () => {
    checking -= 1;
    if (checking > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  };

  /** A success with `confirm`: settle only once the connection passed the check. */
  const confirmThenResolve = (confirm: (connectionId: string) => Promise<MembraneConnection>, id: string) => {
    if (checked.has(id)) return;
    checked.add(id);
    checking += 1;
    confirm(id).then(
      (connection) => {
        if (!stopped) {
          stop();
          resolveResult({ connectionId: id, requestId: options.requestId, connection });
        }
        checkDone();
      },
      (error: unknown) => {
        refused = toKitError(error);
        checkDone();
      },
    );
  };

  const stop = () => {
    if (stopped) return;
    stopped = true;
    win.removeEventListener('message', onWindowMessage);
    eventSource?.close();
  };

  const handle = (data: unknown) => {
    if (stopped || typeof data !== 'object' || data === null) return;
    const message = data as ConnectionMessage;
    if (message.source !== 'integration.app' || message.requestId !== options.requestId) return;
    if (message.type === 'newConnectionCreated') {
      const id = message.connection?.id;
      if (typeof id !== 'string' || id === '') {
        const error = new KitError('server', 'Membrane reported a new connection without an id.');
        if (options.confirm) {
          refused = error;
          return;
        }
        stop();
        rejectResult(error);
        return;
      }
      if (options.confirm) {
        confirmThenResolve(options.confirm, id);
        return;
      }
      stop();
      resolveResult({ connectionId: id, requestId: options.requestId });
    } else if (message.type === 'newConnectionFailure') {
      stop();
      rejectResult(connectFailureToKitError(message.error, message.errorData, message.connectionId));
    }
  };

  function onWindowMessage(event: MessageEvent) {
    if (event.origin !== apiOrigin) return;
    handle(event.data);
  }

  win.addEventListener('message', onWindowMessage);

  const EventSourceCtor = (win as Window & { EventSource?: typeof EventSource }).EventSource;
  const openStream = (token: string | undefined) => {
    if (stopped || typeof EventSourceCtor !== 'function') return;
    const base = options.apiUri.endsWith('/') ? options.apiUri : `${options.apiUri}/`;
    const url = new URL(`sse/connection-events/${encodeURIComponent(options.requestId)}`, base);
    if (token) url.searchParams.set('token', token);
    try {
      eventSource = new EventSourceCtor(url.toString());
      eventSource.onmessage = (event) => {
        try {
          handle(JSON.parse(String(event.data)));
        } catch {
          // Not our JSON: ignore, the window message still works.
        }
      };
      // The SSE mirror is a fallback for a severed opener; without it the window message still works.
      eventSource.onerror = () => eventSource?.close();
    } catch {
      eventSource = undefined;
    }
  };
  if (options.sse ?? true) {
    if (typeof options.token === 'object' && options.token !== null) {
      // A failed token is reported by whoever submits the form; the window message still works.
      options.token.then(openStream, () => undefined);
    } else openStream(options.token);
  }

  return {
    result,
    stop,
    refusal: () => refused,
    idle: () => (checking === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
  };
}
