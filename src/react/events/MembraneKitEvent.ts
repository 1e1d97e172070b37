import type { ConnectFlowEvent, ConnectMode } from '../../core/connect/ConnectFlowEvent.js';
import type { KitError } from '../../core/errors/KitError.js';

export type { ConnectMode };

/**
 * Everything the kit reports through `onEvent`, the same in prebuilt and custom mode:
 * - `connect.started` / `connect.succeeded` (with the confirmed `connection`) /
 *   `connect.cancelled` / `connect.failed` (with a typed `error`)
 * - `disconnected`
 * - `token.refreshed` (with `expiresAt`, ms since 1970) / `token.failed` (with `error`)
 *
 * @example
 * ```tsx
 * <MembraneKitProvider onEvent={(event) => event.type === 'connect.failed' && report(event.error.code)} />
 * ```
 */
export type MembraneKitEvent =
  | ConnectFlowEvent
  | { type: 'disconnected'; integrationKey: string }
  | { type: 'token.refreshed'; expiresAt: number | undefined }
  | { type: 'token.failed'; error: KitError };

/** The `type` of any {@link MembraneKitEvent}. */
export type MembraneKitEventType = MembraneKitEvent['type'];

/** Receives {@link MembraneKitEvent}s. */
export type MembraneKitEventHandler = (event: MembraneKitEvent) => void;
