import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { KitError } from '../../core/errors/KitError.js';
import { toKitError } from '../../core/errors/toKitError.js';
import { membraneKeys } from '../../core/query/membraneKeys.js';
import type { KitProps } from '../kit/KitProps.js';
import { useKit } from '../kit/useKit.js';

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
  const { kit, emit } = useKit(options, 'useDisconnect');
  const mutation = useMutation(
    {
      mutationFn: async () => {
        try {
          await kit.client.integration(integrationKey).disconnect();
        } catch (error) {
          throw toKitError(error);
        }
      },
      onSuccess: async () => {
        await Promise.all([
          kit.queryClient.invalidateQueries({ queryKey: membraneKeys.integrationLists() }),
          kit.queryClient.invalidateQueries({ queryKey: membraneKeys.integration(integrationKey) }),
          kit.queryClient.invalidateQueries({ queryKey: membraneKeys.connectionLists() }),
        ]);
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
