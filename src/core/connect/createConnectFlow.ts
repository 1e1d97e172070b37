import type { ConnectionOptionsTarget } from '../api/createMembraneApi.js';
import type { MembraneConnection, MembraneConnectionOption, MembraneIntegration } from '../api/types.js';
import { KitError } from '../errors/KitError.js';
import { toKitError } from '../errors/toKitError.js';
import { getConnectionState } from '../state/getConnectionState.js';
import type { ConnectFlowEvent, ConnectMode } from './ConnectFlowEvent.js';
import type { ConnectFlowHost } from './ConnectFlowHost.js';
import { loadConnectTransports, loadedConnectTransports, type Transports } from './loadConnectTransports.js';
import { getAuthOptions, needsParameters, type AuthOption } from './getAuthOptions.js';
import { findConnectionOption } from './findConnectionOption.js';
import { getConnectTransport, type ConnectTransport } from './getConnectTransport.js';
import { openConnectPopup, type ConnectPopupHandle } from './openConnectPopup.js';

/** Options of a connect flow; `setOptions` replaces them (the latest callbacks are always used). */
export interface ConnectFlowOptions {
  /** Key (or id) of the integration to connect. */
  integrationKey: string;
  /** `custom` (default): the kit's own flow. `prebuilt`: Membrane's hosted UI. */
  mode?: ConnectMode;
  /** The integration, when the caller already has it (a list row): saves the lookup. */
  integration?: MembraneIntegration;
  /** Create another connection even when one exists (sent as `allowMultipleConnections`). */
  allowMultipleConnections?: boolean;
  /**
   * Which connection a connect repairs: an id repairs THAT connection (one account of several);
   * `null` always creates a new one ("Add account"), even when the integration's own connection
   * needs action. Default: the integration's own connection when it needs repair.
   */
  connectionId?: string | null;
  /** Same-window flow: leave the page for the connection and come back to this URL. */
  redirectUri?: string;
  /** Give up waiting for the popup after this many ms (default 5 minutes; 60 s for the iframe). */
  timeoutMs?: number;
  /** Called with the connection, after the kit confirmed it with the API. */
  onConnected?: (connection: MembraneConnection) => void;
  /** Called when the user closed the popup or the hosted UI without connecting. */
  onCancel?: () => void;
  /** Called with a typed error when the flow failed (also for a blocked popup). */
  onError?: (error: KitError) => void;
  /** Receives this flow's events (after the host's subscribers). */
  onEvent?: (event: ConnectFlowEvent) => void;
}

/**
 * Input of a custom connect: which auth option and the values of its parameters form.
 *
 * @example
 * ```ts
 * flow.start({ authOptionKey: 'api-key', parameters: { apiKey: 'sk_live_…' } });
 * ```
 */
export interface ConnectInput {
  authOptionKey?: string;
  parameters?: Record<string, unknown>;
}

/**
 * Where a flow is: `idle`, `connecting`, `blocked` (the browser refused the popup), or `error`.
 *
 * @example
 * ```ts
 * if (flow.getSnapshot().status === 'blocked') flow.continueInThisTab();
 * ```
 */
export type ConnectFlowStatus = 'idle' | 'connecting' | 'blocked' | 'error';

/** What a flow publishes (a new object on every change, so `useSyncExternalStore` can compare). */
export interface ConnectFlowSnapshot {
  status: ConnectFlowStatus;
  /** The last failure (`status` `error` or `blocked`). */
  error: KitError | null;
}

/**
 * A framework-free connect flow for one integration, in the manner of TanStack Query's observers:
 * create it once, `subscribe`/`getSnapshot` to render it, call `start()` synchronously from a click.
 */
export interface ConnectFlow {
  /**
   * Starts the flow. Call it synchronously in a click or submit handler: the popup opens before
   * anything is awaited. A call while the flow runs does nothing. Called before the integration is
   * known, it opens the popup and waits for the integration; if that cannot be loaded, the flow
   * fails with the lookup's own code (`network`, `auth`, `server`…).
   */
  start(input?: ConnectInput): void;
  /** The same-window fallback (after a blocked popup): posts the form with target `_self`. */
  continueInThisTab(input?: ConnectInput): void;
  /** Abandons the running flow (closes its popup); reported as cancelled. */
  cancel(): void;
  /** Back to `idle`, clearing the error (not while running). */
  reset(): void;
  /**
   * Warms what a start needs (call it on hover or focus): the connector spec when the integration
   * has no auth options, the `POST /connection-options` answer (so the click knows its window), a
   * token, and the transports chunk.
   */
  prefetch(): void;
  /** Picks up a same-window result for this integration, once per page (call when mounted). */
  resumeRedirect(): void;
  /** The integration's auth options, from what is loaded (empty until known). */
  getAuthOptions(): AuthOption[];
  /**
   * Whether a start must first ask the user (several auth options, a parameters form, or options not
   * known yet): then show a dialog; otherwise `start()` can open the popup straight from the click.
   */
  needsInput(): boolean;
  /** Replaces the options (the latest callbacks and settings are used by a running flow). */
  setOptions(options: ConnectFlowOptions): void;
  subscribe(listener: () => void): () => void;
  getSnapshot(): ConnectFlowSnapshot;
  /** Cancels a running flow and drops listeners (an unmounted component). */
  destroy(): void;
}

/**
 * Runs `run` with the transports: in the same tick when they are already downloaded (listeners then
 * register right in the click, as if they were in the main chunk), else once downloaded; `onLoadError`
 * runs when the download fails (e.g. to close the popup the click opened).
 */
function withTransports<T>(run: (transports: Transports) => Promise<T>, onLoadError?: () => void): Promise<T> {
  const ready = loadedConnectTransports();
  if (ready) return run(ready);
  return loadConnectTransports().then(run, (error: unknown) => {
    onLoadError?.();
    throw error;
  });
}

/**
 * A same-window flow never settles by itself (the page is navigating away); only a cancel (e.g. the
 * page came back from the back-forward cache) ends it.
 */
function untilCancelled(signal: AbortSignal): Promise<never> {
  return whenCancelled(signal).promise;
}

/**
 * {@link untilCancelled} for a signal that outlives the flow (the kit's customer signal): `onCancel`
 * runs first when it aborts, and `stop()` removes the listener once the race is over, so flows do
 * not pile listeners (and the closures they hold) on a signal that lives as long as the page.
 */
function whenCancelled(signal: AbortSignal, onCancel?: () => void): { promise: Promise<never>; stop: () => void } {
  let stop = () => {};
  const promise = new Promise<never>((_, reject) => {
    const onAbort = () => {
      onCancel?.();
      reject(new KitError('cancelled', 'The connection was cancelled.'));
    };
    if (signal.aborted) onAbort();
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      stop = () => signal.removeEventListener('abort', onAbort);
    }
  });
  return { promise, stop };
}

function closePopup(popup: ConnectPopupHandle | undefined): void {
  try {
    popup?.window?.close();
  } catch {
    // Closing a window can throw in old browsers; it is only left open then.
  }
}

/** The connection a connect repairs: the given one (`connectionId`), else the integration's own when it is disconnected or in error. */
function reconnectIdOf(integration: MembraneIntegration | undefined, connectionId?: string | null): string | undefined {
  if (connectionId !== undefined) return connectionId ?? undefined;
  const state = getConnectionState(integration);
  // needs-action (CLIENT_ACTION_REQUIRED) too: Membrane asks to repair that connection, not to add one.
  return (state === 'needs-action' || state === 'disconnected' || state === 'error') && integration?.connection?.id
    ? integration.connection.id
    : undefined;
}

/**
 * Creates a connect flow for one integration on a kit (`host`). It owns the transport choice (popup
 * opened synchronously in the click, hidden iframe for client credentials, same-window redirect, or
 * Membrane's hosted UI in `prebuilt` mode), the origin and request-id checks, timeouts, confirmation
 * of the result by refetching the connection, refreshing what shows it, and the typed result.
 *
 * @example
 * ```ts
 * const flow = createConnectFlow(kit.connectFlowHost, { integrationKey: 'hubspot', onConnected: (c) => toast(c.id) });
 * const stop = flow.subscribe(() => render(flow.getSnapshot()));
 * button.addEventListener('click', () => (flow.needsInput() ? openDialog() : flow.start()));
 * ```
 */
export function createConnectFlow(host: ConnectFlowHost, initialOptions: ConnectFlowOptions): ConnectFlow {
  let options = initialOptions;
  let snapshot: ConnectFlowSnapshot = { status: 'idle', error: null };
  let busy = false;
  let controller: AbortController | null = null;
  const listeners = new Set<() => void>();

  const publish = (next: ConnectFlowSnapshot) => {
    snapshot = next;
    for (const listener of [...listeners]) listener();
  };

  const integrationKey = () => options.integrationKey;
  const emit = (event: ConnectFlowEvent) => {
    host.emit(event);
    options.onEvent?.(event);
  };
  const knownIntegration = () => host.getIntegration(integrationKey()) ?? options.integration;
  const authOptionsOf = (integration: MembraneIntegration | undefined) =>
    getAuthOptions(integration, host.getConnectorSpec(integrationKey()));

  const confirm = async (connectionId: string, integration: MembraneIntegration | undefined) => {
    const connection = await host.confirmConnection(connectionId);
    // 1.14 names the integration in `integrationId`, 0.28 also in `integration.id`.
    const owner = connection.integrationId ?? connection.integration?.id;
    if (integration && owner && owner !== integration.id) {
      throw new KitError('server', 'Membrane reported a connection to a different integration.');
    }
    return connection;
  };

  /** Runs one flow to its end: events, pending state, confirmation, callbacks. */
  const run = async (mode: ConnectMode, reconnect: boolean, body: () => Promise<MembraneConnection | null>) => {
    const key = integrationKey();
    const endPending = host.pending.begin(key);
    emit({ type: 'connect.started', integrationKey: key, mode, reconnect });
    if (snapshot.status !== 'connecting' || snapshot.error) publish({ status: 'connecting', error: null });
    // Another customer signs in meanwhile: this flow ends as cancelled and its popup closes.
    const customer = host.customerSignal?.();
    const customerChanged = customer ? whenCancelled(customer, () => controller?.abort()) : undefined;
    try {
      const connection = await (customerChanged ? Promise.race([body(), customerChanged.promise]) : body());
      if (!connection) throw new KitError('cancelled', 'The connection was cancelled.');
      await host.connectionChanged(key);
      publish({ status: 'idle', error: null });
      emit({ type: 'connect.succeeded', integrationKey: key, mode, reconnect, connection });
      options.onConnected?.(connection);
    } catch (caught) {
      const error = toKitError(caught);
      // Membrane refused the token (API or popup): drop it so the user's next try fetches a new one.
      if (error.status === 401 || (error.data as { key?: unknown } | undefined)?.key === 'not_authenticated') host.api.tokenManager.invalidate();
      if (error.code === 'cancelled') {
        publish({ status: 'idle', error: null });
        emit({ type: 'connect.cancelled', integrationKey: key, mode, reconnect });
        options.onCancel?.();
      } else {
        publish({ status: error.code === 'popup_blocked' ? 'blocked' : 'error', error });
        emit({ type: 'connect.failed', integrationKey: key, mode, reconnect, error });
        options.onError?.(error);
      }
    } finally {
      customerChanged?.stop();
      endPending();
      busy = false;
      controller = null;
    }
  };

  const requestFor = (integration: MembraneIntegration, reconnectId: string | undefined, input: ConnectInput, option: AuthOption | undefined, signal: AbortSignal) => ({
    apiUri: host.api.apiUri,
    getToken: () => host.api.tokenManager.getToken(),
    integrationId: reconnectId ? undefined : integration.id,
    connectionId: reconnectId,
    parameters: input.parameters,
    authOptionKey: input.authOptionKey ?? option?.key,
    allowMultipleConnections: options.allowMultipleConnections,
    timeoutMs: options.timeoutMs,
    signal,
    // A reported connection that fails this check does not end the popup or iframe request: it keeps
    // waiting for the real result, so a forged message can neither fake a success nor cancel a connect.
    confirm: (connectionId: string) => confirm(connectionId, integration),
  });

  /** What `POST /connection-options` is asked about: the connection a reconnect repairs, else the integration. */
  const optionsTarget = (integration: MembraneIntegration, reconnectId: string | undefined): ConnectionOptionsTarget =>
    reconnectId ? { connectionId: reconnectId } : { integrationId: integration.id };

  /**
   * The kit's own flow once the integration is known; `popup` was opened by the click already. The
   * window follows the matched `/connection-options` element (membrane-sdk-0.28.md §1, step 4). When
   * the host has the answer cached (a prefetch on hover), the choice is made right here; otherwise a
   * popup opens now, inside the click, and is closed again if the answer says client credentials.
   */
  const runCustom = (
    integration: MembraneIntegration,
    input: ConnectInput,
    signal: AbortSignal,
    popup?: ConnectPopupHandle,
    redirectUri: string | undefined = options.redirectUri,
  ) => {
    const reconnectId = reconnectIdOf(integration, options.connectionId);
    const authOptions = authOptionsOf(integration);
    const option = authOptions.find((o) => o.key === input.authOptionKey) ?? authOptions[0];
    const request = requestFor(integration, reconnectId, input, option, signal);
    const target = optionsTarget(integration, reconnectId);
    const transportOf = (connectionOptions: MembraneConnectionOption[]): ConnectTransport =>
      getConnectTransport(findConnectionOption(connectionOptions, request.authOptionKey), redirectUri);
    const cached = host.getConnectionOptions(target);
    const known = cached ? transportOf(cached) : undefined;
    // A popup is needed unless the answer is known to say otherwise, or the flow leaves the page anyway.
    const mayNeedPopup = known === 'popup' || (known === undefined && !redirectUri);
    // Opened here, synchronously, before any await (or by the click that waited for the integration).
    const handle = mayNeedPopup ? (popup ?? openConnectPopup()) : undefined;
    if (!handle) closePopup(popup);

    return run('custom', !!reconnectId, async () => {
      let transport = known;
      if (!transport) {
        try {
          transport = transportOf(await Promise.race([host.loadConnectionOptions(target), untilCancelled(signal)]));
        } catch (error) {
          closePopup(handle);
          throw error;
        }
      }
      if (transport !== 'popup') closePopup(handle);
      if (transport === 'redirect' && redirectUri) {
        await withTransports((t) => t.connectWithRedirect({ ...request, redirectUri, integrationKey: integrationKey() }));
        return untilCancelled(signal);
      }
      if (transport === 'iframe' || !handle) {
        const result = await withTransports((t) => t.connectInIframe(request));
        return result.connection ?? confirm(result.connectionId, integration);
      }
      const result = await withTransports((t) => t.connectWithPopup(handle, request), () => closePopup(handle));
      return result.connection ?? confirm(result.connectionId, integration);
    });
  };

  const runPrebuilt = () => {
    const integration = knownIntegration();
    const reconnectId = reconnectIdOf(integration, options.connectionId);
    const key = integration?.key ?? integrationKey();
    return run('prebuilt', !!reconnectId, async () => {
      const ui = await host.hostedUi();
      if (reconnectId) {
        const result = await ui.reconnect({ connectionId: reconnectId, integrationKey: key });
        const connection = await confirm(result?.connectionId ?? reconnectId, integration);
        const stillBroken = reconnectIdOf({ ...(integration as MembraneIntegration), connection }) !== undefined;
        return stillBroken && !result ? null : connection;
      }
      const result = await ui.connect({ integrationKey: key, allowMultipleConnections: options.allowMultipleConnections });
      return result ? confirm(result.connectionId, integration) : null;
    });
  };

  const start = (input: ConnectInput = {}) => {
    if (busy) return;
    busy = true;
    if ((options.mode ?? 'custom') === 'prebuilt') {
      void runPrebuilt();
      return;
    }
    const abort = new AbortController();
    controller = abort;
    const integration = knownIntegration();
    if (integration) {
      void runCustom(integration, input, abort.signal);
      return;
    }
    // Clicked before the integration arrived (or after loading it failed): wait for it instead of
    // failing. The popup opens now, inside the click, since after an await the browser may block it.
    const popup = options.redirectUri ? undefined : openConnectPopup();
    publish({ status: 'connecting', error: null });
    Promise.race([host.loadIntegration(integrationKey()), untilCancelled(abort.signal)]).then(
      (loaded) => runCustom(loaded, input, abort.signal, popup),
      (caught: unknown) => {
        closePopup(popup);
        void run('custom', false, () => Promise.reject(caught));
      },
    );
  };

  const continueInThisTab = (input: ConnectInput = {}) => {
    if (busy) return;
    const integration = knownIntegration();
    if (!integration) return;
    busy = true;
    const abort = new AbortController();
    controller = abort;
    // Same window, unless `/connection-options` says client credentials (then the hidden iframe).
    void runCustom(integration, input, abort.signal, undefined, options.redirectUri ?? window.location.href);
  };

  return {
    start,
    continueInThisTab,
    cancel: () => controller?.abort(),
    reset() {
      if (busy || (snapshot.status === 'idle' && !snapshot.error)) return;
      publish({ status: 'idle', error: null });
    },
    prefetch() {
      const integration = knownIntegration();
      if (integration && !(integration.authOptions?.length ?? 0) && !host.getConnectorSpec(integrationKey())) {
        host.loadConnectorSpec(integrationKey()).catch(() => undefined);
      }
      host.api.tokenManager.getToken().catch(() => undefined);
      if ((options.mode ?? 'custom') !== 'custom') return;
      loadConnectTransports().catch(() => undefined);
      if (integration) host.loadConnectionOptions(optionsTarget(integration, reconnectIdOf(integration, options.connectionId))).catch(() => undefined);
    },
    resumeRedirect() {
      if (busy) return;
      const result = host.claimRedirectResult(integrationKey());
      if (!result) return;
      busy = true;
      void run('custom', false, async () => {
        if (result.error) throw result.error;
        // Checked against the integration as in the popup flow: a tampered `?connectionId=` of another
        // integration's connection is refused. Loaded first when this page has not got it yet.
        const integration = knownIntegration() ?? (await host.loadIntegration(integrationKey()));
        return confirm(result.connectionId, integration);
      });
    },
    getAuthOptions: () => authOptionsOf(knownIntegration()),
    needsInput() {
      const integration = knownIntegration();
      // Not known yet (no integration, or no own options and no spec): the dialog loads them.
      if (!integration) return true;
      if (!(integration.authOptions?.length ?? 0) && !host.getConnectorSpec(integrationKey())) return true;
      const authOptions = authOptionsOf(integration);
      return authOptions.length > 1 || needsParameters(authOptions[0]);
    },
    setOptions(next) {
      options = next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => snapshot,
    destroy() {
      controller?.abort();
      listeners.clear();
    },
  };
}
