import type { Integration } from '@integration-app/sdk';
import { useCallback, useSyncExternalStore } from 'react';
import type { KitError } from '../../core/errors/KitError.js';
import { getConnectionErrorMessage, getConnectionState, type ConnectionState } from '../../core/state/getConnectionState.js';
import type { KitProps } from '../kit/KitProps.js';
import { useKit } from '../kit/useKit.js';
import { useIntegration } from './useIntegration.js';

/** What {@link useConnectionState} returns. */
export interface UseConnectionStateResult {
  /** `not-connected | connecting | connected | disconnected | error`. */
  state: ConnectionState;
  integration: Integration | undefined;
  /** The connection's error text, in state `error` (or `disconnected` when Membrane gives one). */
  errorMessage: string | undefined;
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
 * ```
 */
export function useConnectionState(
  integrationKey: string,
  kitProps: KitProps = {},
  /** An integration already loaded by the caller: skips the lookup. */
  known?: Integration,
): UseConnectionStateResult {
  const kitResolved = useKit(kitProps, 'useConnectionState');
  const { kit } = kitResolved;
  const { integration, isLoading, error, refetch } = useIntegration(integrationKey, kitProps, known);
  const pending = useSyncExternalStore(
    kit.pending.subscribe,
    useCallback(() => kit.pending.isPending(integrationKey), [kit, integrationKey]),
    () => false,
  );
  return {
    state: getConnectionState(integration, pending),
    integration,
    errorMessage: getConnectionErrorMessage(integration),
    isLoading,
    error,
    refetch,
  };
}
