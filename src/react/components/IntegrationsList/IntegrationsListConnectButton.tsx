import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import type { MembraneConnection, MembraneIntegration } from '../../../core/api/types.js';
import { createConnectFlow, type ConnectFlow, type ConnectFlowSnapshot } from '../../../core/connect/createConnectFlow.js';
import { startConnectFromClick } from '../../../core/connect/startConnectFromClick.js';
import { getConnectionDetails, isRepairState, type ConnectionState } from '../../../core/state/getConnectionState.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { isolateBidi } from '../../labels/isolateBidi.js';
import { cn } from '../../utils/cn.js';
import { dataFlag } from '../../utils/dataFlag.js';
import { useConnectButtonFlow } from '../ConnectButton/useConnectButtonFlow.js';
import { preloadConnectDialog } from '../ConnectDialog/ConnectDialog.js';
import { consentLineOf, useConnectSetup } from '../ConnectDialog/ConnectSetupContext.js';
import { Spinner } from '../shared/Spinner.js';
import type { IntegrationsListContextValue } from './IntegrationsListContext.js';

interface RowConnectFlowProps {
  flow: ConnectFlow;
  integration: MembraneIntegration;
  list: IntegrationsListContextValue;
  onConnected: (connection: MembraneConnection) => void;
  buttonRef: RefObject<HTMLButtonElement | null>;
  /** Grows each time the row's click needs the dialog (several auth options, a form). */
  dialogRequest: number;
  /** Which connection the flow repairs, or a new one ("Add account"); kept when options are replaced. */
  target: { connectionId?: string | null; allowMultipleConnections?: boolean };
}

/** The React side of a row's flow (query observers, dialog), mounted once the row's flow exists. */
function RowConnectFlow({ flow, integration, list, onConnected, buttonRef, dialogRequest, target }: RowConnectFlowProps) {
  const buttonFlow = useConnectButtonFlow(
    integration.key,
    { onEvent: list.kitProps.onEvent, mode: list.mode, integration, onConnected, ...target },
    list.kit,
    buttonRef,
    flow,
  );
  const [seenRequest, setSeenRequest] = useState(0);
  if (seenRequest !== dialogRequest) {
    setSeenRequest(dialogRequest);
    if (dialogRequest > 0) buttonFlow.openDialog();
  }
  // Mounted by a hover, focus or click: warm what the flow needs (the spec query), as ConnectButton does on hover.
  const prefetchOnMount = useRef(buttonFlow.prefetch);
  useEffect(() => prefetchOnMount.current(), []);
  return buttonFlow.dialog;
}

const IDLE: ConnectFlowSnapshot = { status: 'idle', error: null };
const noSubscription = () => () => undefined;

/** Props of {@link IntegrationsListConnectButton}. */
export interface IntegrationsListConnectButtonProps {
  integration: MembraneIntegration;
  state: ConnectionState;
  list: IntegrationsListContextValue;
  variant: 'secondary' | undefined;
  onConnected: (connection: MembraneConnection) => void;
  /** One account of several: Reconnect / Finish setup repairs THIS connection. */
  connection?: MembraneConnection;
  /** The name in the accessible name (the connection's label). Default: the integration's name. */
  label?: string;
  /** "Add account": always a new connection (`allowMultipleConnections`), even when one exists. */
  addAccount?: boolean;
}

/**
 * A row's Connect / Reconnect / Finish setup button: the same markup and behaviour as
 * `ConnectButton` (Reconnect and Finish setup repair the row's existing connection), but its
 * connect-flow store is created only on the first hover, focus or click, and the React side of it
 * (query observers, dialog) only after that, so mounting a batch of rows stays cheap. A click on a
 * button not used before creates the store and starts it right inside the click (the popup is not
 * blocked): no flushSync, no imperative handle.
 *
 * @example
 * ```tsx
 * <IntegrationsListConnectButton integration={integration} state="not-connected" list={list} variant={undefined} onConnected={done} />
 * ```
 */
export function IntegrationsListConnectButton({
  integration,
  state,
  list,
  variant,
  onConnected,
  connection,
  label: nameOverride,
  addAccount = false,
}: IntegrationsListConnectButtonProps) {
  const { labels, unstyled } = list.kit;
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  // An account's own repair, or a new account; the list's usual row otherwise.
  const flowTarget = addAccount
    ? { connectionId: null, allowMultipleConnections: true }
    : connection
      ? { connectionId: connection.id }
      : {};
  const flowRef = useRef<ConnectFlow | null>(null);
  const [flow, setFlow] = useState<ConnectFlow | null>(null);
  const [dialogRequest, setDialogRequest] = useState(0);
  const snapshot = useSyncExternalStore(
    flow ? flow.subscribe : noSubscription,
    useCallback(() => (flow ? flow.getSnapshot() : IDLE), [flow]),
    () => IDLE,
  );
  useEffect(() => () => flowRef.current?.destroy(), []);

  const ensureFlow = (): ConnectFlow => {
    if (flowRef.current) return flowRef.current;
    const created = createConnectFlow(list.kit.kit.connectFlowHost, {
      integrationKey: integration.key,
      mode: list.mode,
      integration,
      onConnected,
      onEvent: list.kitProps.onEvent,
      ...flowTarget,
    });
    flowRef.current = created;
    setFlow(created);
    return created;
  };

  const consentLine = consentLineOf(useConnectSetup(integration), labels.consent);
  const busy = snapshot.status === 'connecting';
  const isReconnect = !addAccount && isRepairState(state) && !!(connection ?? integration.connection)?.id;
  const finishSetup = isReconnect && getConnectionDetails(connection ? { connection } : integration).action === 'finish-setup';
  const [label, nameLabel] = addAccount
    ? [labels.connectAnother, labels.addAccountTo]
    : finishSetup
      ? [labels.finishSetup, labels.finishSetupOf]
      : isReconnect
        ? [labels.reconnect, labels.reconnectTo]
        : [labels.connect, labels.connectTo];
  const accessibleName = busy ? undefined : formatLabel(nameLabel, { name: isolateBidi(addAccount ? integration.name : (nameOverride ?? integration.name), nameLabel) });

  const engage = () => {
    ensureFlow().prefetch();
    if (list.mode === 'custom') preloadConnectDialog();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={cn(!unstyled && 'mk-Button mk-ConnectButton')}
        data-variant={variant}
        data-slot="connect-button"
        data-state={state}
        data-busy={dataFlag(busy)}
        data-reconnect={dataFlag(isReconnect)}
        data-action={busy ? 'none' : finishSetup ? 'finish-setup' : isReconnect ? 'reconnect' : 'connect'}
        aria-busy={busy ? true : undefined}
        aria-label={accessibleName}
        onClick={() => {
          const started = ensureFlow();
          // A consent line is read in the dialog before anything starts.
          if ((list.mode === 'custom' && consentLine) || !startConnectFromClick(started, list.mode).started) setDialogRequest((n) => n + 1);
        }}
        onPointerEnter={engage}
        onFocus={engage}
      >
        {busy ? <Spinner unstyled={unstyled} /> : null}
        {busy ? labels.connecting : label}
      </button>
      {flow ? (
        <RowConnectFlow
          flow={flow}
          integration={integration}
          list={list}
          onConnected={onConnected}
          target={flowTarget}
          buttonRef={buttonRef}
          dialogRequest={dialogRequest}
        />
      ) : null}
    </>
  );
}
