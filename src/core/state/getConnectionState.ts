import type { MembraneConnection, MembraneIntegration } from '../api/types.js';

/**
 * The states a connection can be in, as shown by `<ConnectionStatus>` (`data-state`):
 * - `not-connected`: the customer has no connection to this integration (or it was archived).
 * - `connecting`: a connect flow is running on this page.
 * - `setting-up`: Membrane is still building the connection (0.28 `state: 'BUILDING'`).
 * - `needs-action`: the customer must act on the existing connection (0.28
 *   `CLIENT_ACTION_REQUIRED`): sign in again (`clientAction.type: 'connect'`) or finish its setup
 *   (`'provide-input'`). Repair the same connection; never create a second one.
 * - `connected`: a working connection exists (maybe with a warning: its last request failed).
 * - `disconnecting`: Membrane is archiving the connection (0.28 `state: 'DISCONNECTING'`).
 * - `disconnected`: the connection exists but its credentials stopped working; reconnect.
 * - `error`: the connection reports an error; reconnect or look at the message.
 */
export type ConnectionState =
  | 'not-connected'
  | 'connecting'
  | 'setting-up'
  | 'needs-action'
  | 'connected'
  | 'disconnecting'
  | 'disconnected'
  | 'error';

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
  'setting-up',
  'needs-action',
  'connected',
  'disconnecting',
  'disconnected',
  'error',
];

/**
 * What a UI offers for a {@link ConnectionState}: `connect` (a new connection), `reconnect` (sign in
 * again on the existing connection), `finish-setup` (give the existing connection the input it
 * still needs), or `none` (connected, or busy: connecting, setting up, disconnecting).
 */
export type ConnectionAction = 'connect' | 'reconnect' | 'finish-setup' | 'none';

/** What {@link getConnectionDetails} answers. */
export interface ConnectionDetails {
  state: ConnectionState;
  /** What to offer: see {@link ConnectionAction}. `reconnect` and `finish-setup` act on `connectionId`. */
  action: ConnectionAction;
  /** The connection's id, when the integration has a live (not archived) one. */
  connectionId: string | undefined;
  /**
   * The text to show with the state: the error (`error`, `disconnected` when Membrane gives one) or
   * what the customer has to do (`needs-action`: `clientAction.description`).
   */
  message: string | undefined;
  /** `needs-action` only: Membrane's `clientAction.type` (`connect` or `provide-input`). */
  clientActionType: string | undefined;
  /** `connected` only: the last request failed (0.28 `requestError`), the link itself works. */
  warning: string | undefined;
}

/** States in which a connect repairs the integration's existing connection instead of creating one. */
const REPAIRABLE: ReadonlySet<ConnectionState> = new Set(['needs-action', 'disconnected', 'error']);

/**
 * Whether a connect in this state repairs the existing connection (`needs-action`, `disconnected`,
 * `error`) rather than creating a new one.
 *
 * @example
 * ```ts
 * const connectionId = isRepairState(state) ? integration.connection?.id : undefined;
 * ```
 */
export function isRepairState(state: ConnectionState): boolean {
  return REPAIRABLE.has(state);
}

const text = (value: string | undefined): string | undefined => value?.trim() || undefined;
const firstMessage = (errors: MembraneConnection['errors']): string | undefined =>
  errors?.map((error) => text(error?.message)).find((message) => message !== undefined);

/**
 * A 1.14 connection: none of the fields 0.28 added. Its `error` is the connection's error (1.14 had
 * no other), while on a 0.28 connection the deprecated `error` is a last-request failure (rule 7).
 */
function isLegacyConnection(c: MembraneConnection): boolean {
  return (
    c.connected === undefined &&
    c.state === undefined &&
    c.errors === undefined &&
    c.requestError === undefined &&
    c.isDefunct === undefined &&
    c.clientAction === undefined
  );
}

function details(
  state: ConnectionState,
  connection: MembraneConnection | undefined,
  extra: Partial<Pick<ConnectionDetails, 'message' | 'clientActionType' | 'warning' | 'action'>> = {},
): ConnectionDetails {
  const connectionId = connection?.id || undefined;
  const action: ConnectionAction =
    extra.action ??
    (state === 'not-connected' ? 'connect' : state === 'disconnected' || state === 'error' ? (connectionId ? 'reconnect' : 'connect') : 'none');
  return {
    state,
    action,
    connectionId,
    message: extra.message,
    clientActionType: extra.clientActionType,
    warning: extra.warning,
  };
}

/**
 * Everything a UI needs about an integration's connection: its {@link ConnectionState}, what to
 * offer (`action`), the text to show and the id of the connection to repair. Reads Membrane 0.28's
 * fields first and 1.14's where those are absent, in this order (membrane-sdk-0.28.md §3):
 *
 * 1. a running connect flow (`pending`) → `connecting`;
 * 2. no connection, or `archivedAt` → `not-connected`;
 * 3. `state: 'DISCONNECTING'` → `disconnecting`; 4. `state: 'BUILDING'` → `setting-up`;
 * 5. `state: 'CLIENT_ACTION_REQUIRED'` → `needs-action`, `message` = `clientAction.description`,
 *    `action` = `finish-setup` for `clientAction.type: 'provide-input'`, else `reconnect`;
 * 6. `connected === false`, or `connected` absent and `disconnected === true`, or `isDefunct` →
 *    `disconnected` (`message`: the first error text, if any);
 * 7. `state` `CONFIGURATION_ERROR` / `SETUP_FAILED`, or non-empty `errors` → `error` (`message`:
 *    the first error text); on a 1.14 connection (none of 0.28's fields) its `error` → `error` too,
 *    as the kit always showed it;
 * 8. `requestError`, or on a 0.28 connection the deprecated `error` → `connected` with a `warning`
 *    (a last request failed; the link works);
 * 9. otherwise `connected`.
 *
 * @example
 * ```ts
 * const { state, action, message, connectionId } = getConnectionDetails(integration);
 * if (action === 'finish-setup') showHint(message); // 'Choose the HubSpot portal to sync.'
 * if (action === 'reconnect' || action === 'finish-setup') kit.reconnect(connectionId);
 * ```
 */
export function getConnectionDetails(
  integration: Pick<MembraneIntegration, 'connection'> | undefined,
  pending = false,
): ConnectionDetails {
  const raw = integration?.connection;
  const connection = raw && !raw.archivedAt ? raw : undefined;
  if (pending) return details('connecting', connection, { action: 'none' });
  if (!connection) return details('not-connected', undefined);

  if (connection.state === 'DISCONNECTING') return details('disconnecting', connection);
  if (connection.state === 'BUILDING') return details('setting-up', connection);
  if (connection.state === 'CLIENT_ACTION_REQUIRED') {
    const clientActionType = connection.clientAction?.type;
    return details('needs-action', connection, {
      message: text(connection.clientAction?.description),
      clientActionType,
      action: clientActionType === 'provide-input' ? 'finish-setup' : 'reconnect',
    });
  }

  const errorText = firstMessage(connection.errors) ?? text(connection.error?.message);
  const legacy = isLegacyConnection(connection);
  if (legacy && connection.error) return details('error', connection, { message: errorText });
  if (
    connection.connected === false ||
    (connection.connected === undefined && connection.disconnected === true) ||
    connection.isDefunct === true
  ) {
    return details('disconnected', connection, { message: errorText });
  }
  if (
    connection.state === 'CONFIGURATION_ERROR' ||
    connection.state === 'SETUP_FAILED' ||
    (connection.errors?.length ?? 0) > 0
  ) {
    return details('error', connection, { message: errorText });
  }
  const warning = text(connection.requestError?.message) ?? (connection.requestError || legacy ? undefined : text(connection.error?.message));
  return details('connected', connection, { warning });
}

/**
 * Derives the {@link ConnectionState} of an integration from the `connection` Membrane returns on it
 * (`integration.connection`), by the rules of {@link getConnectionDetails}. A running connect flow
 * (`pending`) wins over everything.
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
  return getConnectionDetails(integration, pending).state;
}

/**
 * The text to show with an integration's connection state, when there is one: the error
 * (`error`, `disconnected`) or what the customer has to do (`needs-action`). A connected
 * connection's warning is in {@link getConnectionDetails}' `warning`.
 *
 * @example
 * ```ts
 * const message = getConnectionErrorMessage(integration); // 'Refresh token revoked'
 * ```
 */
export function getConnectionErrorMessage(integration: Pick<MembraneIntegration, 'connection'> | undefined): string | undefined {
  return getConnectionDetails(integration).message;
}
