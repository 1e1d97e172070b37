import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { KitError } from '../../core/errors/KitError.js';
import { toKitError } from '../../core/errors/toKitError.js';
import type { KitProps } from '../kit/KitProps.js';
import { useKit, type ResolvedKit } from '../kit/useKit.js';

/** Options of {@link useDisconnect}. */
export interface UseDisconnectOptions extends KitProps {
  onDisconnected?: () => void;
  onError?: (error: KitError) => void;
}

/** What {@link useDisconnect} returns. */
export interface UseDisconnectResult {
  /** Disconnects (`POST /integrations/{key}/disconnect`), then refreshes every list and status. */
  disconnect: () => Promise<void>;
  isDisconnecting: boolean;
  error: KitError | null;
  reset: () => void;
}

/**
 * Disconnects the current customer from an integration, then invalidates the kit's queries so
 * every list and status on the page updates, and emits a `disconnected` event.
 *
 * @example
 * ```tsx
 * const { disconnect, isDisconnecting } = useDisconnect('hubspot');
 * <button onClick={() => void disconnect()} disabled={isDisconnecting}>Disconnect</button>
 * ```
 */
export function useDisconnect(integrationKey: string, options: UseDisconnectOptions = {}): UseDisconnectResult {
  return useDisconnectForKit(useKit(options, 'useDisconnect'), integrationKey, options);
}

/**
 * {@link useDisconnect} on a kit the caller already resolved (components resolve theirs once).
 *
 * @example
 * ```tsx
 * const { disconnect } = useDisconnectForKit(resolved, 'hubspot', { onDisconnected: close });
 * ```
 */
export function useDisconnectForKit(resolved: ResolvedKit, integrationKey: string, options: UseDisconnectOptions = {}): UseDisconnectResult {
  const { kit, emit } = resolved;
  const mutation = useMutation(
    {
      mutationFn: async () => {
        await kit.api.disconnectIntegration(integrationKey);
      },
      onSuccess: async () => {
        await kit.connectFlowHost.connectionChanged(integrationKey);
        emit({ type: 'disconnected', integrationKey });
        options.onDisconnected?.();
      },
      onError: (error) => options.onError?.(toKitError(error)),
    },
    kit.queryClient,
  );
  const { mutateAsync, reset } = mutation;
  return {
    disconnect: useCallback(async () => {
      await mutateAsync().catch(() => undefined);
    }, [mutateAsync]),
    isDisconnecting: mutation.isPending,
    error: (mutation.error as KitError | null) ?? null,
    reset,
  };
}
