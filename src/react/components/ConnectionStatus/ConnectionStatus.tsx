import type { MembraneConnection } from '../../../core/api/types.js';
import type { ComponentPropsWithRef } from 'react';
import type { KitError } from '../../../core/errors/KitError.js';
import { getConnectionDetails, isRepairState } from '../../../core/state/getConnectionState.js';
import { useConnectionForKit } from '../../hooks/useConnection.js';
import { useConnectionStateForKit } from '../../hooks/useConnectionState.js';
import type { ConnectMode } from '../../events/MembraneKitEvent.js';
import type { KitProps } from '../../kit/KitProps.js';
import { splitKitProps } from '../../kit/splitKitProps.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { useKit } from '../../kit/useKit.js';
import { ThemeScopeContext } from '../../kit/KitContext.js';
import { cn } from '../../utils/cn.js';
import { dataFlag } from '../../utils/dataFlag.js';
import { themeRootProps } from '../../utils/themeRootProps.js';
import { ConnectButton } from '../ConnectButton/ConnectButton.js';
import { StatusBadge } from '../shared/StatusBadge.js';

/** Props of {@link ConnectionStatus}. */
export interface ConnectionStatusProps extends KitProps, Omit<ComponentPropsWithRef<'span'>, 'children' | 'onError'> {
  /** Key (or id) of the integration whose connection to show. */
  integrationKey: string;
  /**
   * One account among several of the app: show THAT connection (its `name` and its own status,
   * fetched with `useConnection`) instead of the integration's current one; Reconnect repairs it.
   */
  connectionId?: string;
  /**
   * Show a repair action next to the badge when the connection needs one: "Reconnect" when it is
   * `disconnected`, in `error` or `needs-action` (sign in again), "Finish setup" when Membrane needs
   * more input. It repairs the existing connection.
   */
  showReconnect?: boolean;
  /** Flow used by the Reconnect action. Default `custom`. */
  mode?: ConnectMode;
  /** Called after the Reconnect action reconnected. */
  onConnected?: (connection: MembraneConnection) => void;
  /** Called when the Reconnect action failed. */
  onError?: (error: KitError) => void;
}

/**
 * A badge and text for an integration's connection: `not-connected`, `connecting`, `setting-up`,
 * `needs-action`, `connected`, `disconnecting`, `disconnected` or `error`, with the error text (or
 * what the customer has to do, or a connected connection's last-request failure) on hover and
 * focus, and an optional Reconnect / Finish setup action. It reads the shared integrations list
 * (no request of its own) and updates after any connect or disconnect on the page and on window
 * focus.
 *
 * Attributes: `data-slot="connection-status"`, `data-state` = the state (or `loading`),
 * `data-warning` when connected but the last request failed (Membrane's `requestError`), `aria-busy`
 * while connecting, setting up or disconnecting; the badge has `data-slot="connection-status-badge"`.
 *
 * @example
 * ```tsx
 * <ConnectionStatus integrationKey="hubspot" showReconnect fetchToken={fetchToken} />
 * // one account of several:
 * <ConnectionStatus integrationKey="hubspot" connectionId={connection.id} showReconnect />
 * ```
 */
export function ConnectionStatus(props: ConnectionStatusProps) {
  const [kitProps, ownProps] = splitKitProps(props);
  const { integrationKey, connectionId, showReconnect = false, mode, onConnected, onError, className, ...spanProps } = ownProps;
  const resolved = useKit(kitProps, 'ConnectionStatus');
  const { labels, unstyled } = resolved;
  const forIntegration = useConnectionStateForKit(resolved.kit, integrationKey);
  const account = useConnectionForKit(resolved.kit, connectionId);
  const own = connectionId !== undefined;
  const { integration } = forIntegration;
  // One account: its own status; `connecting` while a flow for the app runs (a reconnect of it).
  const connecting = forIntegration.state === 'connecting';
  const state = own ? (connecting ? 'connecting' : account.state) : forIntegration.state;
  const connection = own ? account.details : forIntegration.details;
  const errorMessage = own ? account.details.message : forIntegration.errorMessage;
  const isLoading = own ? account.isLoading : forIntegration.isLoading;
  const error = own ? account.error : forIntegration.error;
  // Whether to offer the repair, read without the running flow: the button stays mounted (and its
  // flow alive) while it reconnects.
  const repairable = isRepairState(own ? account.state : getConnectionDetails(integration).state);
  const { rootClass, 'data-mk-theme': dataTheme } = themeRootProps(resolved);

  const shownState = isLoading ? 'loading' : error ? 'error' : state;
  const name = (own ? account.connection?.name : undefined) ?? integration?.name ?? integrationKey;
  const warning = !error && state === 'connected' ? connection.warning : undefined;
  const details = error ? labels.errors[error.code] : warning ? formatLabel(labels.requestWarning, { message: warning }) : errorMessage;
  const busy = isLoading || state === 'connecting' || state === 'setting-up' || state === 'disconnecting';

  return (
    <span
      {...spanProps}
      className={cn(rootClass, !unstyled && 'mk-ConnectionStatus', className)}
      data-slot="connection-status"
      data-state={shownState}
      data-warning={dataFlag(!!warning)}
      data-mk-theme={dataTheme}
      aria-busy={busy ? true : undefined}
    >
      <ThemeScopeContext.Provider value={resolved.theme}>
      <StatusBadge state={shownState} name={name} details={details} kit={resolved} />
      {showReconnect && !isLoading && !error && repairable ? (
        <ConnectButton
          {...kitProps}
          integrationKey={integrationKey}
          {...(own ? { connectionId } : {})}
          mode={mode}
          onConnected={onConnected}
          onError={onError}
          data-variant="secondary"
          className={cn(!unstyled && 'mk-ConnectionStatus-reconnect')}
        />
      ) : null}
      </ThemeScopeContext.Provider>
    </span>
  );
}
