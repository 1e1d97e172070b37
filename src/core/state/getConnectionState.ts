import type { MembraneConnection, MembraneIntegration } from '../api/types.js';

/**
 * The five states a connection can be in, as shown by `<ConnectionStatus>`:
 * - `not-connected`: the customer has no connection to this integration.
 * - `connecting`: a connect flow is running on this page.
 * - `connected`: a healthy connection exists.
 * - `disconnected`: the connection exists but its credentials stopped working; reconnect.
 * - `error`: the connection reports an error; reconnect or look at the message.
 */
export type ConnectionState = 'not-connected' | 'connecting' | 'connected' | 'disconnected' | 'error';

/**
 * Every {@link ConnectionState}, in display order.
 *
 * @example
 * ```ts
 * CONNECTION_STATES.map((state) => labels.status[state]);
 * ```
 */
export const CONNECTION_STATES: readonly ConnectionState[] = [
  'not-connected',
  'connecting',
  'connected',
  'disconnected',
  'error',
];

type ConnectionLike = Pick<MembraneConnection, 'disconnected' | 'error'> & {
  errors?: ReadonlyArray<{ message?: string }>;
  connected?: boolean;
};

/**
 * Derives the {@link ConnectionState} of an integration from the `connection` Membrane returns
 * on it (`integration.connection`). A running connect flow (`pending`) wins over everything.
 *
 * @example
 * ```ts
 * getConnectionState(integration);              // 'connected'
 * getConnectionState(integration, true);        // 'connecting'
 * getConnectionState({ connection: undefined }); // 'not-connected'
 * ```
 */
export function getConnectionState(
  integration: Pick<MembraneIntegration, 'connection'> | undefined,
  pending = false,
): ConnectionState {
  if (pending) return 'connecting';
  const connection = integration?.connection as ConnectionLike | undefined;
  if (!connection) return 'not-connected';
  if (connection.error || (connection.errors && connection.errors.length > 0)) return 'error';
  if (connection.disconnected || connection.connected === false) return 'disconnected';
  return 'connected';
}

/**
 * The error text of an integration's connection, when it has one (for tooltips and alerts).
 *
 * @example
 * ```ts
 * const message = getConnectionErrorMessage(integration); // 'Refresh token revoked'
 * ```
 */
export function getConnectionErrorMessage(integration: Pick<MembraneIntegration, 'connection'> | undefined): string | undefined {
  const connection = integration?.connection as ConnectionLike | undefined;
  const message = connection?.error?.message ?? connection?.errors?.find((e) => e.message)?.message;
  return message?.trim() || undefined;
}
