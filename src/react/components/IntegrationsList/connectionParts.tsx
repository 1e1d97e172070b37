import type { MembraneConnection } from '../../../core/api/types.js';
import * as Slot from 'radix-ui/slot';
import { forwardRef, useCallback, useMemo, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { getConnectionDetails, isRepairState } from '../../../core/state/getConnectionState.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { cn } from '../../utils/cn.js';
import { dataFlag } from '../../utils/dataFlag.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { DisconnectButton } from './DisconnectButton.js';
import { IntegrationsListConnectButton } from './IntegrationsListConnectButton.js';
import {
  IntegrationsListConnectionContext,
  useConnectionPart,
  useListPart,
  useRowConnections,
  type IntegrationsListConnectionValue,
} from './IntegrationsListContext.js';
import { RenameConnectionField } from './RenameConnectionField.js';
import { useRenameConnectionForKit } from '../../hooks/useRenameConnection.js';

/** Props of {@link IntegrationsListConnections} (its `ref` is the wrapper `<div>`, or your element with `asChild`). */
export interface IntegrationsListConnectionsProps extends ComponentPropsWithoutRef<'div'> {
  asChild?: boolean;
  /** Markup of one account; default `<IntegrationsList.Connection connection={connection} />`. */
  renderConnection?: (connection: MembraneConnection) => ReactNode;
}

/**
 * With `<IntegrationsList allowMultipleConnections>`: the row's accounts, a list inside the row
 * (`<ul>` named "{name} accounts"), then "Add account". Renders nothing without
 * `allowMultipleConnections` or while the integration has no connection (the row's Connect starts
 * the first one). Attributes: `data-slot="integrations-list-connections"`, `data-count` = number of accounts.
 *
 * @example
 * ```tsx
 * <IntegrationsList allowMultipleConnections renderItem={(integration) => (
 *   <IntegrationsList.Item integration={integration}>
 *     <IntegrationsList.Logo /><IntegrationsList.Name /><IntegrationsList.Status /><IntegrationsList.Action />
 *     <IntegrationsList.Connections />
 *   </IntegrationsList.Item>
 * )} />
 * ```
 */
export const IntegrationsListConnections = forwardRef<HTMLDivElement, IntegrationsListConnectionsProps>(function IntegrationsListConnections(
  { asChild, className, renderConnection, children, ...rest },
  ref,
) {
  const { list, row } = useListPart('Connections');
  const connections = useRowConnections(row.integration);
  if (!list.allowMultipleConnections || connections.length === 0) return null;
  const { labels, unstyled } = list.kit;
  const Comp = asChild ? Slot.Root : 'div';
  return (
    <Comp
      {...rest}
      ref={ref}
      className={cn(!unstyled && 'mk-IntegrationsList-connections', className)}
      data-slot="integrations-list-connections"
      data-count={connections.length}
    >
      {children ?? (
        <>
          <ul
            aria-label={formatLabel(labels.connectionsOf, { name: row.integration.name })}
            className={cn(!unstyled && 'mk-IntegrationsList-connection-items')}
            data-slot="integrations-list-connection-items"
          >
            {connections.map((connection) =>
              renderConnection ? renderConnection(connection) : <IntegrationsListConnection key={connection.id} connection={connection} />,
            )}
          </ul>
          <IntegrationsListAddAccount />
        </>
      )}
    </Comp>
  );
});
IntegrationsListConnections.displayName = 'IntegrationsListConnections';

/** Props of {@link IntegrationsListConnection} (its `ref` is the `<li>`, or your element with `asChild`). */
export interface IntegrationsListConnectionProps extends ComponentPropsWithoutRef<'li'> {
  /** The account this row shows (from `renderConnection`). */
  connection: MembraneConnection;
  asChild?: boolean;
}

/**
 * One account (`<li>`): its name, its own status from the connection model, and its own actions.
 * Attributes: `data-slot="integrations-list-connection"`, `data-state` = the connection's state
 * (`connected | needs-action | disconnected | error | setting-up | disconnecting`),
 * `data-connection-id`, `data-renaming` while its name is edited.
 *
 * @example
 * ```tsx
 * <IntegrationsList.Connections renderConnection={(connection) => (
 *   <IntegrationsList.Connection key={connection.id} connection={connection}>
 *     <IntegrationsList.ConnectionName /><IntegrationsList.ConnectionStatus /><IntegrationsList.ConnectionActions />
 *   </IntegrationsList.Connection>
 * )} />
 * ```
 */
export const IntegrationsListConnection = forwardRef<HTMLLIElement, IntegrationsListConnectionProps>(function IntegrationsListConnection(
  { connection, asChild, className, children, ...rest },
  ref,
) {
  const { list, row } = useListPart('Connection');
  const [renaming, setRenamingState] = useState(false);
  const renameButtonRef = useRef<HTMLButtonElement | null>(null);
  // Owned by the account's row, not the field: a refusal arrives after the field has closed.
  const { rename: renameConnection, error: renameError, reset: resetRename } = useRenameConnectionForKit(list.kit.kit);
  const rename = useCallback((name: string) => void renameConnection(connection.id, name), [renameConnection, connection.id]);
  const setRenaming = useCallback((next: boolean, options: { returnFocus?: boolean } = {}) => {
    if (next) resetRename();
    if (next || !options.returnFocus) {
      setRenamingState(next);
      return;
    }
    // The Rename button is hidden while the field is open: shown again first (at once, in this
    // event), then it takes the focus back. Not from an effect: focus events fired during React's
    // commit run their updates there.
    flushSync(() => setRenamingState(false));
    renameButtonRef.current?.focus();
  }, [resetRename]);
  const value = useMemo<IntegrationsListConnectionValue>(
    () => ({
      connection,
      details: getConnectionDetails({ connection }),
      label: connection.name?.trim() || row.integration.name,
      renaming,
      setRenaming,
      renameButtonRef,
      rename,
      renameError,
    }),
    [connection, row.integration.name, renaming, setRenaming, rename, renameError],
  );
  const Comp = asChild ? Slot.Root : 'li';
  return (
    <IntegrationsListConnectionContext.Provider value={value}>
      <Comp
        {...rest}
        ref={ref}
        className={cn(!list.kit.unstyled && 'mk-IntegrationsList-connection', className)}
        data-slot="integrations-list-connection"
        data-state={value.details.state}
        data-connection-id={connection.id}
        data-renaming={dataFlag(renaming)}
        // NESTED_ROW_ATTRIBUTE of useRovingRows: a row of its own for the list's arrow keys (app row, its accounts, next app row).
        data-mk-subrow=""
      >
        {children ?? (
          <>
            <IntegrationsListConnectionName />
            <IntegrationsListConnectionStatus />
            <IntegrationsListConnectionActions />
          </>
        )}
      </Comp>
    </IntegrationsListConnectionContext.Provider>
  );
});
IntegrationsListConnection.displayName = 'IntegrationsListConnection';

/**
 * The account's label: the connection's `name` (Membrane's account label, e.g. "HubSpot ·
 * acme.com (jane@acme.com)"), else the integration's name; while renaming, the name field (Enter
 * saves, Escape cancels). Attributes: `data-slot="integrations-list-connection-name"`.
 *
 * @example
 * ```tsx
 * <IntegrationsList.Connection connection={connection}><IntegrationsList.ConnectionName /></IntegrationsList.Connection>
 * ```
 */
export const IntegrationsListConnectionName = forwardRef<HTMLSpanElement, ComponentPropsWithoutRef<'span'>>(function IntegrationsListConnectionName(
  { className, children, ...rest },
  ref,
) {
  const { list, item } = useConnectionPart('ConnectionName');
  return (
    <span {...rest} ref={ref} className={cn(!list.kit.unstyled && 'mk-IntegrationsList-connection-name', className)} data-slot="integrations-list-connection-name">
      {item.renaming ? <RenameConnectionField kit={list.kit} item={item} /> : (children ?? <bdi>{item.label}</bdi>)}
      {!item.renaming && item.renameError ? (
        <span role="alert" className={cn(!list.kit.unstyled && 'mk-IntegrationsList-rename-problem')} data-slot="integrations-list-rename-error">
          {item.renameError.message}
        </span>
      ) : null}
    </span>
  );
});
IntegrationsListConnectionName.displayName = 'IntegrationsListConnectionName';

/**
 * The account's own status badge (`connected`, `needs-action`, `disconnected`, `error`,
 * `setting-up`…), with what to do or the error on hover and focus.
 * Attributes: `data-slot="integrations-list-connection-status"`, `data-state`.
 *
 * @example
 * ```tsx
 * <IntegrationsList.Connection connection={connection}><IntegrationsList.ConnectionStatus /></IntegrationsList.Connection>
 * ```
 */
export const IntegrationsListConnectionStatus = forwardRef<HTMLSpanElement, { className?: string }>(function IntegrationsListConnectionStatus({ className }, ref) {
  const { list, item } = useConnectionPart('ConnectionStatus');
  const { state, message, warning } = item.details;
  const shownWarning = state === 'connected' ? warning : undefined;
  const details = shownWarning ? formatLabel(list.kit.labels.requestWarning, { message: shownWarning }) : message;
  return (
    <span
      ref={ref}
      className={cn(!list.kit.unstyled && 'mk-IntegrationsList-connection-status mk-ConnectionStatus', className)}
      data-slot="integrations-list-connection-status"
      data-state={state}
      data-warning={dataFlag(!!shownWarning)}
      aria-busy={state === 'setting-up' || state === 'disconnecting' ? true : undefined}
    >
      <StatusBadge state={state} name={item.label} details={details} kit={list.kit} />
    </span>
  );
});
IntegrationsListConnectionStatus.displayName = 'IntegrationsListConnectionStatus';

/**
 * The account's own actions: Reconnect (or Finish setup) repairing THIS connection when it needs
 * action, is disconnected or in error; Rename (in place); Disconnect (archives this connection
 * only, behind a confirmation). Nothing but Rename while Membrane sets it up or disconnects it;
 * hidden while the account's name is edited (the field has its own Save and Cancel).
 * Attributes: `data-slot="integrations-list-connection-actions"`.
 *
 * @example
 * ```tsx
 * <IntegrationsList.Connection connection={connection}><IntegrationsList.ConnectionActions /></IntegrationsList.Connection>
 * ```
 */
export const IntegrationsListConnectionActions = forwardRef<HTMLSpanElement, { className?: string }>(function IntegrationsListConnectionActions(
  { className },
  ref,
) {
  const { list, row, item } = useConnectionPart('ConnectionActions');
  const { labels, unstyled } = list.kit;
  const { integration } = row;
  const { state } = item.details;
  const { onConnected: listOnConnected } = list;
  const onConnected = useCallback((connection: MembraneConnection) => listOnConnected?.(connection, integration), [listOnConnected, integration]);
  const working = state === 'setting-up' || state === 'disconnecting';
  return (
    // Hidden (not unmounted: a running reconnect keeps its flow) while the account's name is edited.
    <span
      ref={ref}
      className={cn(!unstyled && 'mk-IntegrationsList-connection-actions', className)}
      data-slot="integrations-list-connection-actions"
      hidden={item.renaming || undefined}
    >
      {isRepairState(state) ? (
        <IntegrationsListConnectButton
          integration={integration}
          connection={item.connection}
          label={item.label}
          state={state}
          list={list}
          variant="secondary"
          onConnected={onConnected}
        />
      ) : null}
      <button
        ref={item.renameButtonRef}
        type="button"
        className={cn(!unstyled && 'mk-Button')}
        data-variant="ghost"
        data-slot="integrations-list-rename"
        aria-label={formatLabel(labels.renameConnection, { name: item.label })}
        aria-expanded={item.renaming}
        onClick={() => item.setRenaming(!item.renaming, { returnFocus: item.renaming })}
      >
        {labels.rename}
      </button>
      {working ? null : <DisconnectButton integration={integration} connection={item.connection} label={item.label} kit={list.kit} onDisconnected={list.onDisconnected} />}
    </span>
  );
});
IntegrationsListConnectionActions.displayName = 'IntegrationsListConnectionActions';

/**
 * "Add account": a NEW connection to the row's integration (`allowMultipleConnections`), even when
 * one exists or needs action. Its accessible name is "Add another {name} account".
 * Attributes: `data-slot="integrations-list-add-account"` (on the wrapper; the button is a connect button).
 *
 * @example
 * ```tsx
 * <IntegrationsList.Connections><IntegrationsList.AddAccount /></IntegrationsList.Connections>
 * ```
 */
export const IntegrationsListAddAccount = forwardRef<HTMLDivElement, { className?: string }>(function IntegrationsListAddAccount({ className }, ref) {
  const { list, row } = useListPart('AddAccount');
  const { integration, state } = row;
  const { onConnected: listOnConnected } = list;
  const onConnected = useCallback((connection: MembraneConnection) => listOnConnected?.(connection, integration), [listOnConnected, integration]);
  return (
    <div ref={ref} className={cn(!list.kit.unstyled && 'mk-IntegrationsList-add-account', className)} data-slot="integrations-list-add-account">
      <IntegrationsListConnectButton integration={integration} state={state} list={list} variant="secondary" onConnected={onConnected} addAccount />
    </div>
  );
});
IntegrationsListAddAccount.displayName = 'IntegrationsListAddAccount';
