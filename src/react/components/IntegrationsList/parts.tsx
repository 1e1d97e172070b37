import type { MembraneConnection, MembraneIntegration } from '../../../core/api/types.js';
import * as Slot from 'radix-ui/slot';
import { forwardRef, useCallback, useContext, useMemo, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { getConnectionDetails, getConnectionState } from '../../../core/state/getConnectionState.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { formatLabelNode } from '../../labels/formatLabelNode.js';
import { dataFlag } from '../../utils/dataFlag.js';
import { cn } from '../../utils/cn.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { safeHttpUrl } from '../../../core/safeHttpUrl.js';
import { DisconnectButton } from './DisconnectButton.js';
import { IntegrationsListConnectButton } from './IntegrationsListConnectButton.js';
import { IntegrationsListContext, IntegrationsListItemContext, useListPart, useRowConnections, type IntegrationsListRowValue } from './IntegrationsListContext.js';
import { IntegrationsListConnections } from './connectionParts.js';

/** Props of {@link IntegrationsListItem} (its `ref` is the `<li>`, or your element with `asChild`). */
export interface IntegrationsListItemProps extends ComponentPropsWithoutRef<'li'> {
  /** The integration this row shows (from `renderItem`). */
  integration: MembraneIntegration;
  /** Render into your own element. */
  asChild?: boolean;
  children?: ReactNode;
}

/**
 * One row (`<li>`); its parts (`Logo`, `Name`, `Status`, `Action`) read the integration from it.
 * Attributes: `data-slot="integrations-list-item"`, `data-state` = connection state.
 *
 * @example
 * ```tsx
 * <IntegrationsList renderItem={(integration) => (
 *   <IntegrationsList.Item integration={integration}>
 *     <IntegrationsList.Logo /><IntegrationsList.Name /><IntegrationsList.Action />
 *   </IntegrationsList.Item>
 * )} />
 * ```
 */
export const IntegrationsListItem = forwardRef<HTMLLIElement, IntegrationsListItemProps>(function IntegrationsListItem(
  { integration, asChild, className, children, ...rest },
  ref,
) {
  const list = useContext(IntegrationsListContext);
  if (!list) throw new Error('membrane-react-kit: <IntegrationsList.Item> must be rendered by <IntegrationsList> (in renderItem).');
  const row = useContext(IntegrationsListItemContext);
  // The list's row already knows this integration's state (pending connects included); an Item
  // given another integration falls back to the integration's own data.
  const value = useMemo<IntegrationsListRowValue>(
    () => (row !== null && (row.integration.id ?? row.integration.key) === (integration.id ?? integration.key) ? row : { integration, state: getConnectionState(integration) }),
    [row, integration],
  );
  const Comp = asChild ? Slot.Root : 'li';
  return (
    <IntegrationsListItemContext.Provider value={value}>
      <Comp
        {...rest}
        ref={ref}
        className={cn(!list.kit.unstyled && 'mk-IntegrationsList-item', className)}
        data-slot="integrations-list-item"
        data-state={value.state}
        data-integration-key={integration.key}
        data-integration-id={integration.id}
      >
        {children ?? (
          <>
            <IntegrationsListLogo />
            <IntegrationsListName />
            <IntegrationsListStatus />
            <IntegrationsListAction />
            <IntegrationsListConnections />
          </>
        )}
      </Comp>
    </IntegrationsListItemContext.Provider>
  );
});
IntegrationsListItem.displayName = 'IntegrationsListItem';

/**
 * The app's logo (decorative: the name is next to it); initials when there is no logo or it fails.
 * Its `ref` is the `<img>` (not set while initials show).
 * Attributes: `data-slot="integrations-list-logo"`, `data-fallback` when showing initials.
 *
 * @example
 * ```tsx
 * <IntegrationsList renderItem={(integration) => (
 *   <IntegrationsList.Item integration={integration}>
 *     <IntegrationsList.Logo /><IntegrationsList.Name /><IntegrationsList.Status /><IntegrationsList.Action />
 *   </IntegrationsList.Item>
 * )} />
 * ```
 */
export const IntegrationsListLogo = forwardRef<HTMLImageElement, ComponentPropsWithoutRef<'img'>>(function IntegrationsListLogo({ className, ...rest }, ref) {
  const { list, row } = useListPart('Logo');
  const { integration } = row;
  const [failed, setFailed] = useState<string | null>(null);
  const unstyled = list.kit.unstyled;
  const logo = safeHttpUrl(integration.logoUri, { allowDataImage: true });
  if (!logo || failed === logo) {
    return (
      <span aria-hidden="true" className={cn(!unstyled && 'mk-IntegrationsList-logo', className)} data-slot="integrations-list-logo" data-fallback="">
        {integration.name.slice(0, 1).toUpperCase()}
      </span>
    );
  }
  return (
    <img
      alt={list.kit.labels.logoAlt}
      loading="lazy"
      decoding="async"
      {...rest}
      ref={ref}
      src={logo}
      onError={() => setFailed(logo)}
      className={cn(!unstyled && 'mk-IntegrationsList-logo', className)}
      data-slot="integrations-list-logo"
    />
  );
});
IntegrationsListLogo.displayName = 'IntegrationsListLogo';

/**
 * The app's name. Attributes: `data-slot="integrations-list-name"`.
 *
 * @example
 * ```tsx
 * <IntegrationsList renderItem={(integration) => (
 *   <IntegrationsList.Item integration={integration}>
 *     <IntegrationsList.Logo /><IntegrationsList.Name /><IntegrationsList.Status /><IntegrationsList.Action />
 *   </IntegrationsList.Item>
 * )} />
 * ```
 */
export const IntegrationsListName = forwardRef<HTMLSpanElement, ComponentPropsWithoutRef<'span'>>(function IntegrationsListName(
  { className, children, ...rest },
  ref,
) {
  const { list, row } = useListPart('Name');
  return (
    <span {...rest} ref={ref} className={cn(!list.kit.unstyled && 'mk-IntegrationsList-name', className)} data-slot="integrations-list-name">
      {children ?? formatLabelNode('{name}', { name: row.integration.name })}
    </span>
  );
});
IntegrationsListName.displayName = 'IntegrationsListName';

/**
 * The row's connection status badge, with the error text, what the customer has to do
 * (`needs-action`) or a connected connection's last-request failure on hover and focus.
 * Attributes: `data-slot="integrations-list-status"`, `data-state` = connection state,
 * `data-warning` when connected but the last request failed.
 *
 * @example
 * ```tsx
 * <IntegrationsList renderItem={(integration) => (
 *   <IntegrationsList.Item integration={integration}>
 *     <IntegrationsList.Logo /><IntegrationsList.Name /><IntegrationsList.Status /><IntegrationsList.Action />
 *   </IntegrationsList.Item>
 * )} />
 * ```
 */
export const IntegrationsListStatus = forwardRef<HTMLSpanElement, { className?: string }>(function IntegrationsListStatus({ className }, ref) {
  const { list, row } = useListPart('Status');
  const { integration, state } = row;
  // Several accounts: each shows its own status in its row below; one summary would mislead.
  const accounts = useRowConnections(integration);
  if (list.allowMultipleConnections && accounts.length > 0) return null;
  const { message, warning } = getConnectionDetails(integration);
  const shownWarning = state === 'connected' ? warning : undefined;
  const details = shownWarning ? formatLabel(list.kit.labels.requestWarning, { message: shownWarning }) : message;
  return (
    <span
      ref={ref}
      className={cn(!list.kit.unstyled && 'mk-IntegrationsList-status mk-ConnectionStatus', className)}
      data-slot="integrations-list-status"
      data-state={state}
      data-warning={dataFlag(!!shownWarning)}
      aria-busy={state === 'setting-up' || state === 'disconnecting' ? true : undefined}
    >
      <StatusBadge state={state} name={integration.name} details={details} kit={list.kit} />
    </span>
  );
});
IntegrationsListStatus.displayName = 'IntegrationsListStatus';

/**
 * The row's actions: Connect when there is no connection; Reconnect (or Finish setup, when
 * Membrane needs more input) and Disconnect when the connection needs action, is disconnected or
 * in error (both act on that connection; Reconnect never creates a second one); Disconnect (behind
 * a confirmation, it archives the connection) when connected; nothing while Membrane sets the
 * connection up or disconnects it. `data-slot="integrations-list-action"`.
 *
 * @example
 * ```tsx
 * <IntegrationsList renderItem={(integration) => (
 *   <IntegrationsList.Item integration={integration}>
 *     <IntegrationsList.Logo /><IntegrationsList.Name /><IntegrationsList.Status /><IntegrationsList.Action />
 *   </IntegrationsList.Item>
 * )} />
 * ```
 */
export const IntegrationsListAction = forwardRef<HTMLSpanElement, { className?: string }>(function IntegrationsListAction({ className }, ref) {
  const { list, row } = useListPart('Action');
  const { integration, state } = row;
  // Several accounts: each has its own actions, and "Add account" starts another one.
  const accounts = useRowConnections(integration);
  const working = state === 'setting-up' || state === 'disconnecting';
  const multiple = !!list.allowMultipleConnections && accounts.length > 0;
  const showConnect = state !== 'connected' && !working && !multiple;
  const { onConnected: listOnConnected } = list;
  const onConnected = useCallback((connection: MembraneConnection) => listOnConnected?.(connection, integration), [listOnConnected, integration]);
  const showDisconnect = !multiple && (state === 'connected' || state === 'error' || state === 'needs-action' || state === 'disconnected');
  return (
    <span ref={ref} className={cn(!list.kit.unstyled && 'mk-IntegrationsList-action', className)} data-slot="integrations-list-action">
      {showConnect ? (
        <IntegrationsListConnectButton
          integration={integration}
          state={state}
          list={list}
          variant={state === 'not-connected' || state === 'connecting' ? undefined : 'secondary'}
          onConnected={onConnected}
        />
      ) : null}
      {showDisconnect ? (
        <DisconnectButton integration={integration} kit={list.kit} onDisconnected={list.onDisconnected} />
      ) : null}
    </span>
  );
});
IntegrationsListAction.displayName = 'IntegrationsListAction';
