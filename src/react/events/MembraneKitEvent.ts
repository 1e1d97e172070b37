import type { Connection } from '@integration-app/sdk';
import type { KitError } from '../../core/errors/KitError.js';

/** Which connect UI ran: Membrane's hosted iframe (`prebuilt`) or the kit's own dialog (`custom`). */
export type ConnectMode = 'prebuilt' | 'custom';

/**
 * Everything the kit reports through `onEvent`, the same in prebuilt and custom mode:
 * - `connect.started` / `connect.succeeded` (with the confirmed `connection`) /
 *   `connect.cancelled` / `connect.failed` (with a typed `error`)
 * - `disconnected`
 * - `token.refreshed` (with `expiresAt`, ms since 1970) / `token.failed` (with `error`)
 */
export type MembraneKitEvent =
  | { type: 'connect.started'; integrationKey: string; mode: ConnectMode; reconnect: boolean }
  | { type: 'connect.succeeded'; integrationKey: string; mode: ConnectMode; reconnect: boolean; connection: Connection }
  | { type: 'connect.cancelled'; integrationKey: string; mode: ConnectMode; reconnect: boolean }
  | { type: 'connect.failed'; integrationKey: string; mode: ConnectMode; reconnect: boolean; error: KitError }
  | { type: 'disconnected'; integrationKey: string }
  | { type: 'token.refreshed'; expiresAt: number | undefined }
  | { type: 'token.failed'; error: KitError };

/** The `type` of any {@link MembraneKitEvent}. */
export type MembraneKitEventType = MembraneKitEvent['type'];

/** Receives {@link MembraneKitEvent}s. */
export type MembraneKitEventHandler = (event: MembraneKitEvent) => void;
