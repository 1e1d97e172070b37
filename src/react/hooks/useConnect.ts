import type { Connection, Integration } from '@integration-app/sdk';
import { skipToken, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { ConnectionSpec } from '@integration-app/sdk';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { connectInIframe } from '../../core/connect/connectInIframe.js';
import { connectWithPopup } from '../../core/connect/connectWithPopup.js';
import { connectWithRedirect } from '../../core/connect/connectWithRedirect.js';
import { getAuthOptions, type AuthOption } from '../../core/connect/getAuthOptions.js';
import { getConnectTransport } from '../../core/connect/getConnectTransport.js';
import { openConnectPopup, type ConnectPopupHandle } from '../../core/connect/openConnectPopup.js';
import { clearConnectRedirectResult, readConnectRedirectResult } from '../../core/connect/readConnectRedirectResult.js';
import { KitError } from '../../core/errors/KitError.js';
import { toKitError } from '../../core/errors/toKitError.js';
import { membraneKeys } from '../../core/query/membraneKeys.js';
import { connectionQueryOptions, connectorSpecQueryOptions, integrationQueryOptions } from '../../core/query/queryOptions.js';
import { getConnectionState, type ConnectionState } from '../../core/state/getConnectionState.js';
import type { ConnectMode } from '../events/MembraneKitEvent.js';
import type { MembraneKit } from '../kit/createKit.js';
import type { KitProps } from '../kit/KitProps.js';
import { useKit } from '../kit/useKit.js';
import { IDLE_QUERY_KEY } from './useIntegration.js';
import { useConnectionState } from './useConnectionState.js';

/** Options of {@link useConnect}. */
export interface UseConnectOptions extends KitProps {
  /** `custom` (default): the kit's own flow. `prebuilt`: Membrane's hosted UI (`openNewConnection`). */
  mode?: ConnectMode;
  /** Create another connection even when one exists (sent as `allowMultipleConnections`). */
  allowMultipleConnections?: boolean;
  /** Same-window flow: leave the page for the connection and come back to this URL. */
  redirectUri?: string;
  /** Give up waiting for the popup after this many ms (default 5 minutes). */
  timeoutMs?: number;
  /** Called with the connection, after the kit confirmed it with the API. */
  onConnected?: (connection: Connection) => void;
  /** Called when the user closed the popup or the prebuilt UI without connecting. */
  onCancel?: () => void;
  /** Called with a typed error when the flow failed (also for a blocked popup). */
  onError?: (error: KitError) => void;
  /** The integration, when the caller already has it (a list row): saves the lookup. */
  integration?: Integration;
}

/** Input of a custom connect: which auth option and the values of its parameters form. */
export interface ConnectInput {
  authOptionKey?: string;
  parameters?: Record<string, unknown>;
}

/** Where a flow is: `idle`, `connecting`, `blocked` (popup refused), or `error`. */
export type ConnectFlowStatus = 'idle' | 'connecting' | 'blocked' | 'error';

/** What {@link useConnect} returns. */
export interface UseConnectResult {
  /** The integration's connection state (`connecting` while any flow for it runs). */
  state: ConnectionState;
  integration: Integration | undefined;
  /** The integration's auth options (empty until known). */
  authOptions: AuthOption[];
  /** Integration and auth options are loaded: `connect()` can open the popup right away. */
  isReady: boolean;
  /** Loading the integration or its connector spec failed. */
  loadError: KitError | null;
  /** This flow's status. */
  status: ConnectFlowStatus;
  /** The last failure of this flow (`status` `error` or `blocked`). */
  error: KitError | null;
  /** The connection exists but is disconnected or in error: a connect reconnects it. */
  isReconnect: boolean;
  /**
   * Starts the flow. Call it synchronously in a click or submit handler: the popup is opened before
   * anything is awaited. A call while a flow runs does nothing. Called before the integration has
   * loaded, it opens the popup and waits for the integration; if that cannot be loaded, the flow
   * fails with the lookup's own code (`network`, `auth`, `server`…).
   */
  connect: (input?: ConnectInput) => void;
  /** The same-window fallback (after a blocked popup): posts the form with target `_self`. */
  continueInThisTab: (input?: ConnectInput) => void;
  /** Abandons the running flow (closes its popup); reported as cancelled. */
  cancel: () => void;
  /** Back to `idle`, clearing the error. */
  reset: () => void;
  /** Warms what the flow needs (connector spec when needed, a fresh token). Call on hover or focus. */
  prefetch: () => void;
}

/** Each redirect result is handled once per page load, even with several components for one key. */
let redirectResultClaimed = false;
/** Whether this page load came back from a same-window connect; read once, not once per row. */
let redirectPending: boolean | undefined;

/** The connection a connect repairs: the integration's own, when it is disconnected or in error. */
function reconnectIdOf(integration: Integration | undefined, state: ConnectionState): string | undefined {
  return (state === 'disconnected' || state === 'error') && integration?.connection?.id ? integration.connection.id : undefined;
}

function closePopup(popup: ConnectPopupHandle | undefined): void {
  try {
    popup?.window?.close();
  } catch {
    // Closing a window can throw in old browsers; it is only left open then.
  }
}

async function confirmConnection(kit: MembraneKit, connectionId: string, integration: Integration | undefined): Promise<Connection> {
  const connection = await kit.queryClient.fetchQuery(connectionQueryOptions(kit.client, connectionId));
  if (integration && connection.integrationId && connection.integrationId !== integration.id) {
    throw new KitError('server', 'Membrane reported a connection to a different integration.');
  }
  return connection;
}

async function invalidateAfterConnect(kit: MembraneKit, integrationKey: string): Promise<void> {
  await Promise.all([
    kit.queryClient.invalidateQueries({ queryKey: membraneKeys.integrationLists() }),
    kit.queryClient.invalidateQueries({ queryKey: membraneKeys.integration(integrationKey) }),
    kit.queryClient.invalidateQueries({ queryKey: membraneKeys.connectionLists() }),
  ]);
}

const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Everything a connect UI needs for one integration: its state, auth options, and a `connect()`
 * that runs the prebuilt or the custom flow. In custom mode the popup opens synchronously inside
 * your click handler (no popup-blocker trouble), client-credentials run in a hidden iframe, and a
 * `redirectUri` switches to the same-window flow (its result is picked up when the app loads again).
 * Every result is confirmed by fetching the connection before `onConnected` runs.
 *
 * @example
 * ```tsx
 * function MyConnect() {
 *   const { state, connect, status } = useConnect('hubspot', { onConnected: (c) => toast(c.name) });
 *   return (
 *     <button onClick={() => connect()} aria-busy={status === 'connecting'}>
 *       {state === 'connected' ? 'Connected' : 'Connect HubSpot'}
 *     </button>
 *   );
 * }
 * ```
 */
export function useConnect(integrationKey: string, options: UseConnectOptions = {}): UseConnectResult {
  const resolved = useKit(options, 'useConnect');
  const { kit } = resolved;
  const { state, integration, error: integrationError } = useConnectionState(integrationKey, options, options.integration);
  const hasOwnAuthOptions = (integration?.authOptions?.length ?? 0) > 0;
  const [specWanted, setSpecWanted] = useState(false);
  const needsSpec = !!integration && !hasOwnAuthOptions && specWanted;
  const spec = useQuery(
    (needsSpec
      ? connectorSpecQueryOptions(kit.client, integrationKey)
      : { queryKey: IDLE_QUERY_KEY, queryFn: skipToken }) as UseQueryOptions<ConnectionSpec>,
    kit.queryClient,
  );
  const authOptions = getAuthOptions(integration, needsSpec ? spec.data : undefined);
  const isReady = !!integration && (hasOwnAuthOptions || (needsSpec && spec.isSuccess));

  const [status, setStatus] = useState<ConnectFlowStatus>('idle');
  const [error, setError] = useState<KitError | null>(null);
  const busy = useRef(false);
  const abort = useRef<AbortController | null>(null);

  // Callbacks and data change every render; the running flow must see the latest ones.
  const latest = useRef({ options, integration, state, resolved });
  useIsomorphicLayoutEffect(() => {
    latest.current = { options, integration, state, resolved };
  });

  useEffect(
    () => () => {
      abort.current?.abort();
    },
    [],
  );

  const isReconnect = (state === 'disconnected' || state === 'error') && !!integration?.connection?.id;

  const finish = useCallback(
    async (mode: ConnectMode, reconnect: boolean, run: () => Promise<Connection | null>) => {
      const { resolved: current } = latest.current;
      const endPending = kit.pending.begin(integrationKey);
      current.emit({ type: 'connect.started', integrationKey, mode, reconnect });
      setStatus('connecting');
      setError(null);
      try {
        const connection = await run();
        if (!connection) throw new KitError('cancelled', 'The connection was cancelled.');
        await invalidateAfterConnect(kit, integrationKey);
        setStatus('idle');
        latest.current.resolved.emit({ type: 'connect.succeeded', integrationKey, mode, reconnect, connection });
        latest.current.options.onConnected?.(connection);
      } catch (caught) {
        const kitError = toKitError(caught);
        if (kitError.code === 'cancelled') {
          setStatus('idle');
          latest.current.resolved.emit({ type: 'connect.cancelled', integrationKey, mode, reconnect });
          latest.current.options.onCancel?.();
        } else {
          setStatus(kitError.code === 'popup_blocked' ? 'blocked' : 'error');
          setError(kitError);
          latest.current.resolved.emit({ type: 'connect.failed', integrationKey, mode, reconnect, error: kitError });
          latest.current.options.onError?.(kitError);
        }
      } finally {
        endPending();
        busy.current = false;
        abort.current = null;
      }
    },
    [kit, integrationKey],
  );

  const getToken = useCallback(() => kit.tokenManager.getToken(), [kit]);

  // Runs the kit's own flow once the integration is known. `popup` is a window the click already
  // opened while the integration was still loading.
  const startCustom = useCallback(
    (
      current: Integration,
      reconnectId: string | undefined,
      input: ConnectInput,
      opts: UseConnectOptions,
      controller: AbortController,
      popup?: ConnectPopupHandle,
    ) => {
      const reconnect = !!reconnectId;
      const options = getAuthOptions(current, kit.queryClient.getQueryData(membraneKeys.spec(integrationKey)));
      const option = options.find((o) => o.key === input.authOptionKey) ?? options[0];
      const transport = getConnectTransport(option, opts.redirectUri);
      abort.current = controller;
      const request = {
        apiUri: kit.apiUri,
        getToken,
        integrationId: reconnectId ? undefined : current.id,
        connectionId: reconnectId,
        parameters: input.parameters,
        authOptionKey: input.authOptionKey ?? option?.key,
        allowMultipleConnections: opts.allowMultipleConnections,
        timeoutMs: opts.timeoutMs,
        signal: controller.signal,
      };
      if (transport !== 'popup') closePopup(popup);

      if (transport === 'redirect' && opts.redirectUri) {
        const redirectUri = opts.redirectUri;
        void finish('custom', reconnect, async () => {
          await connectWithRedirect({ ...request, redirectUri, integrationKey });
          // The page is navigating away; nothing settles here.
          return new Promise<Connection | null>(() => undefined);
        });
        return;
      }
      if (transport === 'iframe') {
        void finish('custom', reconnect, async () => {
          const { connectionId } = await connectInIframe(request);
          return confirmConnection(kit, connectionId, current);
        });
        return;
      }
      // Popup: opened here, synchronously, before any await (or by the click that waited for the integration).
      const handle = popup ?? openConnectPopup();
      void finish('custom', reconnect, async () => {
        const { connectionId } = await connectWithPopup(handle, request);
        return confirmConnection(kit, connectionId, current);
      });
    },
    [finish, getToken, integrationKey, kit],
  );

  const connect = useCallback(
    (input: ConnectInput = {}) => {
      if (busy.current) return;
      const { options: opts, integration: current, state: currentState } = latest.current;
      const mode = opts.mode ?? 'custom';
      const reconnectId = reconnectIdOf(current, currentState);
      const reconnect = !!reconnectId;
      busy.current = true;

      if (mode === 'prebuilt') {
        void finish('prebuilt', reconnect, async () => {
          if (reconnectId) {
            const result = (await kit.client.connection(reconnectId).openReconnectUI()) as unknown;
            const id = (result as { id?: unknown } | null | undefined)?.id;
            const connection = await confirmConnection(kit, typeof id === 'string' ? id : reconnectId, current);
            const stillBroken = !!(connection.disconnected || connection.error);
            return stillBroken && typeof id !== 'string' ? null : connection;
          }
          const created = (await kit.client
            .integration(current?.key ?? integrationKey)
            .openNewConnection({ allowMultipleConnections: opts.allowMultipleConnections })) as Connection | null | undefined;
          if (!created?.id) return null;
          return confirmConnection(kit, created.id, current);
        });
        return;
      }

      const controller = new AbortController();
      if (current) {
        startCustom(current, reconnectId, input, opts, controller);
        return;
      }
      // Clicked before the integration arrived (or after loading it failed): wait for it instead of
      // failing. The popup opens now, inside the click, since after an await the browser may block it.
      const popup = opts.redirectUri ? undefined : openConnectPopup();
      abort.current = controller;
      setStatus('connecting');
      setError(null);
      const cancelled = new Promise<never>((_, reject) => {
        const onAbort = () => reject(new KitError('cancelled', 'The connection was cancelled.'));
        if (controller.signal.aborted) onAbort();
        else controller.signal.addEventListener('abort', onAbort, { once: true });
      });
      Promise.race([kit.queryClient.fetchQuery(integrationQueryOptions(kit.client, integrationKey)), cancelled]).then(
        (loaded) => startCustom(loaded, reconnectIdOf(loaded, getConnectionState(loaded)), input, opts, controller, popup),
        (caught: unknown) => {
          closePopup(popup);
          void finish('custom', false, () => Promise.reject(caught));
        },
      );
    },
    [finish, integrationKey, kit, startCustom],
  );

  const continueInThisTab = useCallback(
    (input: ConnectInput = {}) => {
      if (busy.current) return;
      const { options: opts, integration: current, state: currentState } = latest.current;
      if (!current) return;
      busy.current = true;
      const reconnectId = reconnectIdOf(current, currentState);
      const redirectUri = opts.redirectUri ?? window.location.href;
      void finish('custom', !!reconnectId, async () => {
        await connectWithRedirect({
          apiUri: kit.apiUri,
          getToken,
          integrationKey,
          redirectUri,
          integrationId: reconnectId ? undefined : current.id,
          connectionId: reconnectId,
          parameters: input.parameters,
          authOptionKey: input.authOptionKey,
          allowMultipleConnections: opts.allowMultipleConnections,
        });
        return new Promise<Connection | null>(() => undefined);
      });
    },
    [finish, getToken, integrationKey, kit],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => {
    if (busy.current) return;
    setStatus('idle');
    setError(null);
  }, []);
  const prefetch = useCallback(() => {
    setSpecWanted(true);
    kit.tokenManager.getToken().catch(() => undefined);
  }, [kit]);

  // Same-window flow: the app loaded again with ?connectionId= or ?error= for this integration.
  useEffect(() => {
    if (redirectResultClaimed || redirectPending === false || typeof window === 'undefined') return;
    const result = readConnectRedirectResult();
    redirectPending = result !== null;
    if (!result || (result.integrationKey && result.integrationKey !== integrationKey)) return;
    redirectResultClaimed = true;
    clearConnectRedirectResult();
    busy.current = true;
    // The URL is an external system read once on load; the flow state must reflect it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void finish('custom', false, async () => {
      if (result.error) throw result.error;
      return confirmConnection(kit, result.connectionId, undefined);
    });
  }, [finish, integrationKey, kit]);

  return {
    state,
    integration,
    authOptions,
    isReady,
    loadError: integrationError ?? ((needsSpec ? (spec.error as KitError | null) : null) || null),
    status,
    error,
    isReconnect,
    connect,
    continueInThisTab,
    cancel,
    reset,
    prefetch,
  };
}

/** For tests: lets the next mount read a same-window result again. */
export function resetConnectRedirectClaim(): void {
  redirectResultClaimed = false;
  redirectPending = undefined;
}
