import { skipToken, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { MembraneConnectorSpec } from '../../core/api/types.js';
import {
  createConnectFlow,
  type ConnectFlow,
  type ConnectFlowOptions,
  type ConnectFlowStatus,
  type ConnectInput,
} from '../../core/connect/createConnectFlow.js';
import { getAuthOptions, type AuthOption } from '../../core/connect/getAuthOptions.js';
import type { KitError } from '../../core/errors/KitError.js';
import { connectorSpecQueryOptions } from '../../core/query/queryOptions.js';
import { isRepairState, type ConnectionState } from '../../core/state/getConnectionState.js';
import type { MembraneIntegration } from '../../core/api/types.js';
import type { MembraneKit } from '../kit/createKit.js';
import type { KitProps } from '../kit/KitProps.js';
import { useKit, type ResolvedKit } from '../kit/useKit.js';
import { useIsomorphicLayoutEffect } from '../utils/useIsomorphicLayoutEffect.js';
import { useConnectionStateForKit } from './useConnectionState.js';
import { IDLE_QUERY_KEY } from './useIntegration.js';

export type { ConnectInput, ConnectFlowStatus };

/** Options of {@link useConnect}. */
export interface UseConnectOptions extends KitProps, Omit<ConnectFlowOptions, 'integrationKey' | 'onEvent'> {}

/** What {@link useConnect} returns. */
export interface UseConnectResult {
  /** The integration's connection state (`connecting` while any flow for it runs). */
  state: ConnectionState;
  integration: MembraneIntegration | undefined;
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
  /** The connection exists but needs action, is disconnected or in error: a connect repairs that connection. */
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
  /** The flow store behind this hook (framework-free), e.g. to start it from a non-React handler. */
  flow: ConnectFlow;
}

/** The flow options a hook instance passes to its store, from its props. */
function flowOptionsOf(integrationKey: string, options: UseConnectOptions): ConnectFlowOptions {
  return {
    integrationKey,
    mode: options.mode,
    integration: options.integration,
    allowMultipleConnections: options.allowMultipleConnections,
    ...(options.connectionId === undefined ? {} : { connectionId: options.connectionId }),
    redirectUri: options.redirectUri,
    timeoutMs: options.timeoutMs,
    onConnected: options.onConnected,
    onCancel: options.onCancel,
    onError: options.onError,
    onEvent: options.onEvent,
  };
}

/**
 * One connect-flow store per hook instance and kit (a given `flow` is used as is): created once,
 * its options replaced after every render, its running flow cancelled on unmount.
 */
function useFlowStore(kit: MembraneKit, options: ConnectFlowOptions, given?: ConnectFlow): ConnectFlow {
  const [own, setOwn] = useState<{ kit: MembraneKit; flow: ConnectFlow } | null>(() =>
    given ? null : { kit, flow: createConnectFlow(kit.connectFlowHost, options) },
  );
  let flow = given ?? own?.flow;
  if (!flow || (!given && own?.kit !== kit)) {
    const next = { kit, flow: createConnectFlow(kit.connectFlowHost, options) };
    setOwn(next);
    flow = next.flow;
  }
  const current = flow;
  useIsomorphicLayoutEffect(() => {
    current.setOptions(options);
  });
  useEffect(() => (given ? undefined : () => current.destroy()), [current, given]);
  return current;
}

/**
 * Everything a connect UI needs for one integration: its state, auth options, and a `connect()`
 * that runs the prebuilt or the custom flow. A thin binding of the framework-free
 * `createConnectFlow` store: in custom mode the popup opens synchronously inside your click handler
 * (no popup-blocker trouble), client-credentials run in a hidden iframe, and a `redirectUri`
 * switches to the same-window flow (its result is picked up when the app loads again). Every
 * result is confirmed by fetching the connection before `onConnected` runs.
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
  return useConnectForKit(useKit(options, 'useConnect'), integrationKey, options);
}

/**
 * {@link useConnect} on a kit the caller already resolved; with `flow`, it binds that existing store
 * (a list row creates its store in the first click, before this hook mounts).
 *
 * @example
 * ```tsx
 * const connect = useConnectForKit(resolved, 'hubspot', { mode: 'custom' });
 * ```
 */
export function useConnectForKit(
  resolved: ResolvedKit,
  integrationKey: string,
  options: UseConnectOptions = {},
  flow?: ConnectFlow,
): UseConnectResult {
  const { kit } = resolved;
  const { state, integration, error: integrationError } = useConnectionStateForKit(kit, integrationKey, options.integration);
  const hasOwnAuthOptions = (integration?.authOptions?.length ?? 0) > 0;
  const [specWanted, setSpecWanted] = useState(false);
  const needsSpec = !!integration && !hasOwnAuthOptions && specWanted;
  const spec = useQuery(
    (needsSpec
      ? connectorSpecQueryOptions(kit.api, integrationKey)
      : { queryKey: IDLE_QUERY_KEY, queryFn: skipToken }) as UseQueryOptions<MembraneConnectorSpec>,
    kit.queryClient,
  );
  const authOptions = getAuthOptions(integration, needsSpec ? spec.data : undefined);
  const isReady = !!integration && (hasOwnAuthOptions || (needsSpec && spec.isSuccess));

  const store = useFlowStore(kit, flowOptionsOf(integrationKey, options), flow);
  const { status, error } = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);

  // Same-window flow: the app loaded again with ?connectionId= or ?error= for this integration.
  useEffect(() => store.resumeRedirect(), [store]);

  const prefetch = useCallback(() => {
    setSpecWanted(true);
    store.prefetch();
  }, [store]);

  return {
    state,
    integration,
    authOptions,
    isReady,
    loadError: integrationError ?? ((needsSpec ? (spec.error as KitError | null) : null) || null),
    status,
    error,
    isReconnect: isRepairState(state) && !!integration?.connection?.id,
    connect: store.start,
    continueInThisTab: store.continueInThisTab,
    cancel: store.cancel,
    reset: store.reset,
    prefetch,
    flow: store,
  };
}
