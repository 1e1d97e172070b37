import { useSyncExternalStore } from 'react';
import type { TokenSnapshot } from '../../core/token/types.js';
import type { KitProps } from '../kit/KitProps.js';
import { useKit } from '../kit/useKit.js';

/**
 * The token manager's state: `status` (`idle | fetching | valid | error`), `expiresAt` (ms since
 * 1970) and the last `error`. Use it to show "session expired" UI or to gate rendering.
 *
 * @example
 * ```tsx
 * const { status, error } = useTokenState();
 * if (status === 'error') return <p>Could not sign in to integrations: {error?.message}</p>;
 * ```
 */
export function useTokenState(kitProps: KitProps = {}): TokenSnapshot {
  const { kit } = useKit(kitProps, 'useTokenState');
  return useSyncExternalStore(kit.tokenManager.subscribe, kit.tokenManager.getSnapshot, kit.tokenManager.getSnapshot);
}
