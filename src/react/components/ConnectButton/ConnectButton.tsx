import type { MembraneConnection, MembraneIntegration } from '../../../core/api/types.js';
import * as Slot from 'radix-ui/slot';
import { forwardRef, useContext, useMemo, useRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { KitError } from '../../../core/errors/KitError.js';
import { getConnectionDetails, isRepairState } from '../../../core/state/getConnectionState.js';
import { useConnectionForKit } from '../../hooks/useConnection.js';
import type { ConnectMode } from '../../events/MembraneKitEvent.js';
import type { KitProps } from '../../kit/KitProps.js';
import { splitKitProps } from '../../kit/splitKitProps.js';
import { useKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { isolateBidi } from '../../labels/isolateBidi.js';
import { cn } from '../../utils/cn.js';
import { composeEventHandlers } from '../../utils/composeEventHandlers.js';
import { dataFlag } from '../../utils/dataFlag.js';
import { themeRootProps } from '../../utils/themeRootProps.js';
import { useComposedRefs } from '../../utils/useComposedRefs.js';
import { Spinner } from '../shared/Spinner.js';
import { ConnectSetupContext, type ConnectSetup } from '../ConnectDialog/ConnectSetupContext.js';
import { useConnectButtonFlow } from './useConnectButtonFlow.js';

/** Props of {@link ConnectButton}. */
export interface ConnectButtonProps extends KitProps, Omit<ComponentPropsWithoutRef<'button'>, 'onError'> {
  /** Key (or id) of the integration to connect. */
  integrationKey: string;
  /** `custom` (default): the kit's dialog and popup. `prebuilt`: Membrane's hosted connect UI. */
  mode?: ConnectMode;
  /** Create another connection even when one exists. */
  allowMultipleConnections?: boolean;
  /**
   * One account among several of the app: the button shows THAT connection's state (read with
   * `useConnection`) and its Reconnect / Finish setup repairs that connection, not the
   * integration's own. When the connection is gone (archived), a click connects a new account.
   */
  connectionId?: string;
  /** Values that prefill the custom connect form: `{ subdomain: 'acme' }` (fields of the option's schema only). */
  parameters?: Readonly<Record<string, unknown>>;
  /** Prefilled fields shown read-only (`data-locked`), still submitted: `['subdomain']`. */
  lockedParameters?: readonly string[];
  /**
   * What your product will read and write, shown in the connect dialog before the customer
   * continues: `'Reads contacts and companies; writes notes.'`. With a line, a click always opens
   * the dialog (even with nothing to fill in) so the customer reads it first.
   */
  consent?: string;
  /** Same-window flow: leave the page and come back to this URL (result read on load). */
  redirectUri?: string;
  /** Called with the connection after the kit confirmed it with the API. */
  onConnected?: (connection: MembraneConnection) => void;
  /** Called when the user closed the popup or prebuilt UI without connecting. */
  onCancel?: () => void;
  /** Called with a typed error when connecting failed. */
  onError?: (error: KitError) => void;
  /** Render into your own element (Radix Slot): `<ConnectButton asChild><a>…</a></ConnectButton>`. */
  asChild?: boolean;
  /** The integration, when you already have it (e.g. from `useIntegrations`): saves the lookup. */
  integration?: MembraneIntegration;
  /** Replaces the label (Connect / Reconnect / Finish setup / Connecting… / Connected / Add account). */
  children?: ReactNode;
}

const noop = () => undefined;

/** The surrounding setup with this button's own prefill, locks and consent line on top (under each key it may be found by). */
function withButtonSetup(
  inherited: ConnectSetup | null,
  keys: ReadonlyArray<string | undefined>,
  own: { parameters?: Readonly<Record<string, unknown>>; lockedParameters?: readonly string[]; consent?: string },
): ConnectSetup | null {
  if (own.parameters === undefined && own.lockedParameters === undefined && own.consent === undefined) return inherited;
  const setup: { parameters: Record<string, Readonly<Record<string, unknown>>>; lockedParameters: Record<string, readonly string[]>; consent: Record<string, string> } = {
    parameters: { ...inherited?.parameters },
    lockedParameters: { ...inherited?.lockedParameters },
    consent: { ...inherited?.consent },
  };
  for (const key of keys) {
    if (!key) continue;
    if (own.parameters !== undefined) setup.parameters[key] = own.parameters;
    if (own.lockedParameters !== undefined) setup.lockedParameters[key] = own.lockedParameters;
    if (own.consent !== undefined) setup.consent[key] = own.consent;
  }
  return setup;
}

/**
 * A button that connects the current customer to an integration. Reads "Connect"; "Reconnect"
 * when the connection is disconnected, in error, or Membrane asks the customer to sign in again
 * (`needs-action`, `clientAction.type: 'connect'`); "Finish setup" when Membrane needs more input
 * (`needs-action`, `'provide-input'`) — both repair the existing connection, never add one;
 * "Connected" (`aria-disabled`, a click does nothing) once it is connected — "Add account" instead
 * with `allowMultipleConnections`; "Setting up…" / "Disconnecting…" (`aria-disabled`, busy) while
 * Membrane builds or archives the connection. It shows a busy state while a flow runs, and a
 * second click during a flow does nothing. In custom mode it opens the popup straight away when
 * nothing has to be asked, otherwise a dialog with the auth options and parameters form.
 *
 * Until the integration's state has loaded it is busy and inert (`data-state="loading"`), so a
 * connected app never reads "Connect" first; if the state cannot be loaded it offers Connect.
 *
 * Attributes: `data-slot="connect-button"`, `data-state` = connection state (or `loading`),
 * `data-busy` while loading, connecting, setting up or disconnecting, `data-reconnect` when it repairs the
 * existing connection, `data-action` = `connect | reconnect | finish-setup | none`.
 *
 * @example
 * ```tsx
 * <ConnectButton
 *   integrationKey="hubspot"
 *   fetchToken={() => fetch('/api/membrane-token').then((r) => r.json())}
 *   onConnected={(connection) => console.log('connected', connection.id)}
 * />
 * ```
 */
export const ConnectButton = forwardRef<HTMLButtonElement, ConnectButtonProps>(function ConnectButton(props, ref) {
  const [kitProps, ownProps] = splitKitProps(props);
  const {
    integrationKey,
    mode = 'custom',
    allowMultipleConnections,
    connectionId,
    parameters,
    lockedParameters,
    consent,
    redirectUri,
    onConnected,
    onCancel,
    onError,
    asChild,
    integration,
    children,
    className,
    onClick,
    onPointerEnter,
    onFocus,
    ...buttonProps
  } = ownProps;
  const { onEvent } = kitProps;
  const resolved = useKit(kitProps, 'ConnectButton');
  const { labels, unstyled } = resolved;
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const composedRef = useComposedRefs(ref, buttonRef);
  const account = useConnectionForKit(resolved.kit, connectionId);
  const inheritedSetup = useContext(ConnectSetupContext);
  const setup = useMemo(
    () => withButtonSetup(inheritedSetup, [integrationKey, integration?.key], { parameters, lockedParameters, consent }),
    [inheritedSetup, integrationKey, integration?.key, parameters, lockedParameters, consent],
  );
  const own = connectionId !== undefined;
  const liveAccount = account.connection && !account.connection.archivedAt ? account.connection : undefined;
  const { connect, busy, start, prefetch, dialog } = useConnectButtonFlow(
    integrationKey,
    {
      onEvent,
      mode,
      allowMultipleConnections,
      redirectUri,
      integration,
      onConnected,
      onCancel,
      onError,
      setup,
      // One account: repair that connection; once it is gone, a click adds a new one.
      ...(own ? { connectionId: liveAccount ? liveAccount.id : null } : {}),
    },
    resolved,
    buttonRef,
  );

  // Until the integration (or the account) has loaded, its state is unknown: no "Connect" to click
  // for an app that may well be connected. A load that failed leaves a working Connect button.
  const loading = !busy && (own ? account.isLoading : !connect.integration && !connect.loadError);
  const state = loading ? 'loading' : own ? (busy ? 'connecting' : account.state) : connect.state;
  const isReconnect = own ? !busy && !!liveAccount && isRepairState(account.state) : connect.isReconnect;
  const name = (own ? liveAccount?.name : undefined) ?? connect.integration?.name ?? integrationKey;
  // Already connected: say so, and do nothing on click, unless another connection may be added.
  const connected = state === 'connected';
  // Membrane is building or archiving the connection: nothing to start until it settles.
  const working = state === 'setting-up' || state === 'disconnecting';
  const settled = (connected && !allowMultipleConnections) || working || loading;
  // A spinner, aria-busy and no action while a flow runs, Membrane works on it, or its state loads.
  const pending = busy || working || loading;
  const finishSetup = isReconnect && (own ? account.details : getConnectionDetails(connect.integration)).action === 'finish-setup';
  // While loading it is named by its text alone ("Connect", busy and disabled): nothing, a person or
  // a test, takes it for "Connect {name}" before the state is known.
  const [text, nameText] = busy
    ? [labels.connecting, undefined]
    : loading
      ? [labels.connect, undefined]
      : working
        ? [labels.status[state as 'setting-up' | 'disconnecting'], undefined]
        : finishSetup
          ? [labels.finishSetup, labels.finishSetupOf]
          : isReconnect
            ? [labels.reconnect, labels.reconnectTo]
            : connected
              ? allowMultipleConnections
                ? [labels.connectAnother, labels.connectAnotherTo]
                : [labels.connected, labels.connectedTo]
              : [labels.connect, labels.connectTo];
  const label = text;
  const accessibleName = nameText === undefined ? undefined : formatLabel(nameText, { name: isolateBidi(name, nameText) });

  const Comp = asChild ? Slot.Root : 'button';
  const { rootClass, 'data-mk-theme': dataTheme } = themeRootProps(resolved);
  return (
    <>
      <Comp
        type={asChild ? undefined : 'button'}
        {...buttonProps}
        ref={composedRef}
        className={cn(rootClass, !unstyled && 'mk-Button mk-ConnectButton', className)}
        data-slot="connect-button"
        data-state={state}
        data-busy={dataFlag(pending)}
        data-reconnect={dataFlag(isReconnect)}
        data-action={pending ? 'none' : finishSetup ? 'finish-setup' : isReconnect ? 'reconnect' : settled ? 'none' : 'connect'}
        data-mk-theme={dataTheme}
        aria-busy={pending ? true : undefined}
        aria-label={children === undefined ? accessibleName : buttonProps['aria-label']}
        aria-disabled={settled ? true : buttonProps['aria-disabled']}
        onClick={composeEventHandlers(onClick, settled ? noop : start)}
        onPointerEnter={composeEventHandlers(onPointerEnter, prefetch)}
        onFocus={composeEventHandlers(onFocus, prefetch)}
      >
        {asChild ? (
          children
        ) : (
          <>
            {pending ? <Spinner unstyled={unstyled} /> : null}
            {children ?? label}
          </>
        )}
      </Comp>
      {dialog}
    </>
  );
});
