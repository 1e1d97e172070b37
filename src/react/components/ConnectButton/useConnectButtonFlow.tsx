import { useContext, useState, type ReactNode, type RefObject } from 'react';
import type { ConnectFlow, ConnectInput } from '../../../core/connect/createConnectFlow.js';
import { startConnectFromClick } from '../../../core/connect/startConnectFromClick.js';
import type { KitError } from '../../../core/errors/KitError.js';
import type { ConnectMode } from '../../events/MembraneKitEvent.js';
import { useConnectForKit, type UseConnectOptions, type UseConnectResult } from '../../hooks/useConnect.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { ConnectDialog, preloadConnectDialog } from '../ConnectDialog/ConnectDialog.js';
import { ConnectSetupContext, connectSetupOf, consentLineOf, type ConnectSetup } from '../ConnectDialog/ConnectSetupContext.js';

/** What {@link useConnectButtonFlow} returns. */
export interface ConnectButtonFlow {
  connect: UseConnectResult;
  /** This button's flow is running. */
  busy: boolean;
  /** The button's click: opens the popup synchronously when nothing has to be asked, else the dialog. */
  start: () => void;
  /** Opens the connect dialog (auth options, parameters form). */
  openDialog: () => void;
  /** The button's hover and focus: warms the spec, the token and the dialog's code. */
  prefetch: () => void;
  /** The connect dialog (custom mode), to render next to the button. */
  dialog: ReactNode;
}

/**
 * The behaviour behind a connect button, shared by `ConnectButton` and the list's rows (a row
 * passes the flow store its first click created).
 *
 * @example
 * ```tsx
 * const flow = useConnectButtonFlow('hubspot', { mode: 'custom' }, resolved, buttonRef);
 * <button ref={buttonRef} onClick={flow.start} onPointerEnter={flow.prefetch}>Connect</button>
 * {flow.dialog}
 * ```
 */
export function useConnectButtonFlow(
  integrationKey: string,
  options: UseConnectOptions & {
    mode: ConnectMode;
    onError?: (error: KitError) => void;
    /** Prefill, locks and consent line of this button's dialog; default: the surrounding list's. */
    setup?: ConnectSetup | null;
  },
  resolved: ResolvedKit,
  buttonRef: RefObject<HTMLElement | null>,
  store?: ConnectFlow,
): ConnectButtonFlow {
  const { mode, onConnected, onError } = options;
  const [dialogOpen, setDialogOpen] = useState(false);
  const [lastInput, setLastInput] = useState<ConnectInput | undefined>(undefined);

  const connect = useConnectForKit(
    resolved,
    integrationKey,
    {
      ...options,
      onConnected: (connection) => {
        setDialogOpen(false);
        onConnected?.(connection);
      },
    },
    store,
  );

  // A blocked popup or a failure of a flow started without the dialog is explained in the dialog.
  const [seenStatus, setSeenStatus] = useState(connect.status);
  if (seenStatus !== connect.status) {
    setSeenStatus(connect.status);
    if (mode === 'custom' && (connect.status === 'blocked' || connect.status === 'error')) setDialogOpen(true);
  }

  const busy = connect.status === 'connecting';
  const inheritedSetup = useContext(ConnectSetupContext);
  const setup = options.setup ?? inheritedSetup;
  const consentLine = consentLineOf(connectSetupOf(setup, connect.integration ?? { key: integrationKey }), resolved.labels.consent);

  const openDialog = () => {
    connect.reset();
    connect.prefetch();
    // The dialog's chunk is usually prefetched by now (idle, hover, focus); if not, it opens once loaded.
    setDialogOpen(true);
  };

  const start = () => {
    // A consent line is read in the dialog before anything starts, even with nothing to ask.
    if (mode === 'custom' && consentLine) {
      openDialog();
      return;
    }
    const { started, input } = startConnectFromClick(connect.flow, mode);
    if (started) {
      if (input) setLastInput(input);
      return;
    }
    openDialog();
  };

  const prefetch = () => {
    connect.prefetch();
    if (mode === 'custom') preloadConnectDialog();
  };

  const dialog =
    mode === 'custom' ? (
      <ConnectSetupContext.Provider value={setup}>
      <ConnectDialog
        open={dialogOpen}
        onOpenChange={(open) => {
          if (!open && busy) connect.cancel();
          if (!open) connect.reset();
          setDialogOpen(open);
        }}
        connect={connect}
        kit={resolved}
        lastInput={lastInput}
        onStart={setLastInput}
        returnFocusTo={buttonRef}
        onLoadError={onError}
      />
      </ConnectSetupContext.Provider>
    ) : null;

  return { connect, busy, start, openDialog, prefetch, dialog };
}
