import type { MembraneConnection } from '../api/types.js';
import type { KitError } from '../errors/KitError.js';

/**
 * How a connection is made: `custom` (the kit's own dialog and popup) or `prebuilt` (Membrane's
 * hosted UI, through the app's SDK).
 *
 * @example
 * ```tsx
 * <ConnectButton integrationKey="hubspot" mode={'prebuilt' satisfies ConnectMode} />
 * ```
 */
export type ConnectMode = 'prebuilt' | 'custom';

/**
 * What a connect flow reports, the same in both modes: started, then succeeded (with the confirmed
 * connection), cancelled, or failed (with a typed error).
 *
 * @example
 * ```ts
 * const onEvent = (event: ConnectFlowEvent) => {
 *   if (event.type === 'connect.failed') track('connect_failed', { code: event.error.code });
 * };
 * ```
 */
export type ConnectFlowEvent =
  | { type: 'connect.started'; integrationKey: string; mode: ConnectMode; reconnect: boolean }
  | { type: 'connect.succeeded'; integrationKey: string; mode: ConnectMode; reconnect: boolean; connection: MembraneConnection }
  | { type: 'connect.cancelled'; integrationKey: string; mode: ConnectMode; reconnect: boolean }
  | { type: 'connect.failed'; integrationKey: string; mode: ConnectMode; reconnect: boolean; error: KitError };
