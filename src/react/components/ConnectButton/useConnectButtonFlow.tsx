import { useState, type ReactNode, type RefObject } from 'react';
import { needsParameters } from '../../../core/connect/getAuthOptions.js';
import type { KitError } from '../../../core/errors/KitError.js';
import type { ConnectMode } from '../../events/MembraneKitEvent.js';
import { useConnect, type ConnectInput, type UseConnectOptions, type UseConnectResult } from '../../hooks/useConnect.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { ConnectDialog, preloadConnectDialog } from '../ConnectDialog/ConnectDialog.js';

/** What {@link useConnectButtonFlow} returns. */
export interface ConnectButtonFlow {
  connect: UseConnectResult;
  /** This button's flow is running. */
  busy: boolean;
  /** The button's click: opens the popup synchronously when nothing has to be asked, else the dialog. */
  start: () => void;
  /** The button's hover and focus: warms the spec, the token and the dialog's code. */
  prefetch: () => void;
  /** The connect dialog (custom mode), to render next to the button. */
  dialog: ReactNode;
}

/**
 * The behaviour behind a connect button, shared by `ConnectButton` and the list's rows (which
 * create it only once a row's button is hovered, focused or clicked).
 *
 * @internal
 * @example
 * ```tsx
 * const flow = useConnectButtonFlow('hubspot', { mode: 'custom' }, resolved, buttonRef);
 * <button ref={buttonRef} onClick={flow.start} onPointerEnter={flow.prefetch}>Connect</button>
 * {flow.dialog}
 * ```
 */
export function useConnectButtonFlow(
  integrationKey: string,
  options: UseConnectOptions & { mode: ConnectMode; onError?: (error: KitError) => void },
  resolved: ResolvedKit,
  buttonRef: RefObject<HTMLElement | null>,
): ConnectButtonFlow {
  const { mode, onConnected, onError } = options;
  const [dialogOpen, setDialogOpen] = useState(false);
  const [lastInput, setLastInput] = useState<ConnectInput | undefined>(undefined);

  const connect = useConnect(integrationKey, {
    ...options,
    onConnected: (connection) => {
      setDialogOpen(false);
      onConnected?.(connection);
    },
  });

  // A blocked popup or a failure of a flow started without the dialog is explained in the dialog.
  const [seenStatus, setSeenStatus] = useState(connect.status);
  if (seenStatus !== connect.status) {
    setSeenStatus(connect.status);
    if (mode === 'custom' && (connect.status === 'blocked' || connect.status === 'error')) setDialogOpen(true);
  }

  const busy = connect.status === 'connecting';

  const start = () => {
    if (busy) return;
    if (mode === 'prebuilt') {
      connect.connect();
      return;
    }
    const only = connect.authOptions.length <= 1 ? connect.authOptions[0] : undefined;
    if (connect.isReady && connect.authOptions.length <= 1 && !needsParameters(only)) {
      const input: ConnectInput = { authOptionKey: only?.key };
      setLastInput(input);
      connect.connect(input); // opens the popup synchronously, inside this click
      return;
    }
    connect.reset();
    connect.prefetch();
    // The dialog's chunk is usually prefetched by now (idle, hover, focus); if not, it opens once loaded.
    setDialogOpen(true);
  };

  const prefetch = () => {
    connect.prefetch();
    if (mode === 'custom') preloadConnectDialog();
  };

  const dialog =
    mode === 'custom' ? (
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
    ) : null;

  return { connect, busy, start, prefetch, dialog };
}
