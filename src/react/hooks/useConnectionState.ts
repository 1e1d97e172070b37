import type { MembraneIntegration } from '../../core/api/types.js';
import { useCallback, useSyncExternalStore } from 'react';
import type { KitError } from '../../core/errors/KitError.js';
import { getConnectionDetails, type ConnectionDetails, type ConnectionState } from '../../core/state/getConnectionState.js';
import type { KitProps } from '../kit/KitProps.js';
import { useKit } from '../kit/useKit.js';
import type { MembraneKit } from '../kit/createKit.js';
import { useIntegrationForKit } from './useIntegration.js';

/** What {@link useConnectionState} returns. */
export interface UseConnectionStateResult {
  /** `not-connected | connecting | setting-up | needs-action | connected | disconnecting | disconnected | error`. */
  state: ConnectionState;
  integration: MembraneIntegration | undefined;
  /**
   * The text that goes with the state: the error (`error`, or `disconnected` when Membrane gives
   * one) or what the customer has to do (`needs-action`). Same as `details.message`.
   */
  errorMessage: string | undefined;
  /** Everything about the state: the action to offer, the connection to repair, a connected connection's warning. */
  details: ConnectionDetails;
  /** The integration is still loading; `state` is not known yet. */
  isLoading: boolean;
  /** Loading the integration failed. */
  error: KitError | null;
  refetch: () => void;
}

/**
 * The connection state of one integration for the current customer. Derived from the shared
 * integrations list (no request of its own), `connecting` while a connect flow for it runs anywhere
 * on the page, refreshed after any connect or disconnect and on window focus.
 *
 * @example
 * ```tsx
 * const { state, errorMessage } = useConnectionState('hubspot');
 * if (state === 'error') console.warn(errorMessage);
 * const { details } = useConnectionState('hubspot');
 * if (details.action === 'finish-setup') console.info(details.message); // what Membrane still needs
 * ```
 */
export function useConnectionState(
  integrationKey: string,
  kitProps: KitProps = {},
  /** An integration already loaded by the caller: skips the lookup. */
  known?: MembraneIntegration,
): UseConnectionStateResult {
  return useConnectionStateForKit(useKit(kitProps, 'useConnectionState').kit, integrationKey, known);
}

/**
 * {@link useConnectionState} on a kit the caller already resolved (components resolve theirs once).
 *
 * @example
 * ```tsx
 * const { state } = useConnectionStateForKit(resolved.kit, 'hubspot');
 * ```
 */
export function useConnectionStateForKit(kit: MembraneKit, integrationKey: string, known?: MembraneIntegration): UseConnectionStateResult {
  const { integration, isLoading, error, refetch } = useIntegrationForKit(kit, integrationKey, known);
  const pending = useSyncExternalStore(
    kit.pending.subscribe,
    useCallback(() => kit.pending.isPending(integrationKey), [kit, integrationKey]),
    () => false,
  );
  const details = getConnectionDetails(integration, pending);
  return {
    state: details.state,
    integration,
    errorMessage: pending ? getConnectionDetails(integration).message : details.message,
    details,
    isLoading,
    error,
    refetch,
  };
}
